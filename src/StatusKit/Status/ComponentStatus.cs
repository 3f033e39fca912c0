namespace StatusKit.Status;

/// <summary>
/// The status of a component, declared from least to most severe. The numeric order is the severity
/// order, so combining statuses is taking the maximum (see <see cref="ComponentStatusExtensions.Worst(ComponentStatus, ComponentStatus)"/>).
/// </summary>
public enum ComponentStatus
{
    /// <summary>Working normally. The identity of worst-of.</summary>
    Operational = 0,

    /// <summary>In a maintenance window that updates statuses automatically.</summary>
    UnderMaintenance = 1,

    /// <summary>Working, but slower or less reliable than usual.</summary>
    DegradedPerformance = 2,

    /// <summary>Unavailable for some users or some functions.</summary>
    PartialOutage = 3,

    /// <summary>Unavailable.</summary>
    MajorOutage = 4,
}
