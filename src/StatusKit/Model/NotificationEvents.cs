namespace StatusKit.Model;

/// <summary>The component events a subscriber can ask to hear about.</summary>
[Flags]
public enum NotificationEvents
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>A component changed to Degraded Performance.</summary>
    Degraded = 1,

    /// <summary>A component changed to Partial Outage or Major Outage.</summary>
    Outage = 2,

    /// <summary>A component changed to Under Maintenance; also the notices of maintenance windows (reminder, started, completed, cancelled).</summary>
    Maintenance = 4,

    /// <summary>A component changed back to Operational.</summary>
    Resolved = 8,

    /// <summary>Every event.</summary>
    All = Degraded | Outage | Maintenance | Resolved,
}
