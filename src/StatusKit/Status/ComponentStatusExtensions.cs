namespace StatusKit.Status;

/// <summary>Severity algebra over <see cref="ComponentStatus"/>.</summary>
public static class ComponentStatusExtensions
{
    /// <summary>
    /// The more severe of two statuses. Commutative, associative and idempotent, with
    /// <see cref="ComponentStatus.Operational"/> as the identity.
    /// </summary>
    public static ComponentStatus Worst(this ComponentStatus left, ComponentStatus right) =>
        left >= right ? left : right;

    /// <summary>The most severe of <paramref name="statuses"/>; <see cref="ComponentStatus.Operational"/> when empty.</summary>
    public static ComponentStatus Worst(this ReadOnlySpan<ComponentStatus> statuses)
    {
        var worst = ComponentStatus.Operational;
        foreach (var status in statuses)
        {
            worst = worst.Worst(status);
        }

        return worst;
    }

    /// <summary>Whether <paramref name="status"/> is one of the declared values.</summary>
    public static bool IsDefined(this ComponentStatus status) =>
        status is >= ComponentStatus.Operational and <= ComponentStatus.MajorOutage;

    /// <summary>The Statuspage API name of the status (<c>operational</c>, <c>degraded_performance</c>, ...).</summary>
    public static string ToApiName(this ComponentStatus status) => status switch
    {
        ComponentStatus.Operational => "operational",
        ComponentStatus.UnderMaintenance => "under_maintenance",
        ComponentStatus.DegradedPerformance => "degraded_performance",
        ComponentStatus.PartialOutage => "partial_outage",
        ComponentStatus.MajorOutage => "major_outage",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown component status."),
    };

    /// <summary>A human-readable label (<c>Operational</c>, <c>Degraded Performance</c>, ...).</summary>
    public static string ToDisplayName(this ComponentStatus status) => status switch
    {
        ComponentStatus.Operational => "Operational",
        ComponentStatus.UnderMaintenance => "Under Maintenance",
        ComponentStatus.DegradedPerformance => "Degraded Performance",
        ComponentStatus.PartialOutage => "Partial Outage",
        ComponentStatus.MajorOutage => "Major Outage",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown component status."),
    };
}
