using StatusKit.Status;

namespace StatusKit.Uptime;

/// <summary>
/// How much of the time in each status counts as downtime. Default (the rule Instatus publishes):
/// Major Outage 1.0, Partial Outage 0.3, everything else 0.
/// </summary>
public sealed record DowntimeWeights
{
    /// <summary>The default weights.</summary>
    public static DowntimeWeights Default { get; } = new();

    /// <summary>Weight of time in Major Outage (0-1). Default 1.0.</summary>
    public double MajorOutage { get; init; } = 1.0;

    /// <summary>Weight of time in Partial Outage (0-1). Default 0.3.</summary>
    public double PartialOutage { get; init; } = 0.3;

    /// <summary>Weight of time in Degraded Performance (0-1). Default 0.</summary>
    public double DegradedPerformance { get; init; }

    /// <summary>Weight of time Under Maintenance (0-1). Default 0.</summary>
    public double UnderMaintenance { get; init; }

    /// <summary>The weight of <paramref name="status"/>.</summary>
    public double For(ComponentStatus status) => status switch
    {
        ComponentStatus.MajorOutage => MajorOutage,
        ComponentStatus.PartialOutage => PartialOutage,
        ComponentStatus.DegradedPerformance => DegradedPerformance,
        ComponentStatus.UnderMaintenance => UnderMaintenance,
        _ => 0,
    };
}
