namespace StatusKit.Status;

/// <summary>The overall status of a page: the worst of its components, with indicator and description.</summary>
/// <param name="Status">The worst component status (<see cref="ComponentStatus.Operational"/> for an empty page).</param>
/// <param name="Indicator">The Statuspage indicator that corresponds to <paramref name="Status"/>.</param>
/// <param name="Description">The banner text, such as "All Systems Operational".</param>
public sealed record PageStatus(ComponentStatus Status, StatusIndicator Indicator, string Description)
{
    private static readonly PageStatus[] ByStatus =
    [
        new(ComponentStatus.Operational, StatusIndicator.None, "All Systems Operational"),
        new(ComponentStatus.UnderMaintenance, StatusIndicator.Maintenance, "Service Under Maintenance"),
        new(ComponentStatus.DegradedPerformance, StatusIndicator.Minor, "Partially Degraded Service"),
        new(ComponentStatus.PartialOutage, StatusIndicator.Major, "Partial System Outage"),
        new(ComponentStatus.MajorOutage, StatusIndicator.Critical, "Major Service Outage"),
    ];

    /// <summary>The page status whose worst component status is <paramref name="status"/>.</summary>
    public static PageStatus For(ComponentStatus status) =>
        status.IsDefined() ? ByStatus[(int)status] : throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown component status.");

    /// <summary>The page status of a page whose components have <paramref name="componentStatuses"/>.</summary>
    public static PageStatus Of(ReadOnlySpan<ComponentStatus> componentStatuses) => For(componentStatuses.Worst());
}
