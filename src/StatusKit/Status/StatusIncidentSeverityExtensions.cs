using StatusKit.Model;

namespace StatusKit.Status;

/// <summary>Conversions for <see cref="StatusIncidentSeverity"/>.</summary>
public static class StatusIncidentSeverityExtensions
{
    /// <summary>The component status an unresolved public incident of <paramref name="severity"/> implies: Minor → Degraded Performance, Major → Partial Outage, Critical → Major Outage.</summary>
    public static ComponentStatus ToComponentStatus(this StatusIncidentSeverity severity) => severity switch
    {
        StatusIncidentSeverity.Minor => ComponentStatus.DegradedPerformance,
        StatusIncidentSeverity.Major => ComponentStatus.PartialOutage,
        StatusIncidentSeverity.Critical => ComponentStatus.MajorOutage,
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Unknown severity."),
    };
}
