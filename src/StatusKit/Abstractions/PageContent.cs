using StatusKit.Model;

namespace StatusKit.Abstractions;

/// <summary>
/// What a page's snapshot shows, loaded by <see cref="IStatusStore.LoadPageContentAsync"/> in one call, so that a
/// relational store answers with one round trip from one consistent state.
/// </summary>
public sealed record PageContent
{
    /// <summary>The page.</summary>
    public required StatusPage Page { get; init; }

    /// <summary>The page's components in display order (then name), as <see cref="IStatusStore.ListComponentsAsync"/> lists them.</summary>
    public required IReadOnlyList<Component> Components { get; init; }

    /// <summary>The page's unresolved public status incidents with their updates, newest first.</summary>
    public required IReadOnlyList<StatusIncident> UnresolvedIncidents { get; init; }

    /// <summary>
    /// The page's open maintenance windows (Scheduled or InProgress), by occurrence start, as
    /// <see cref="IStatusStore.ListOpenMaintenanceWindowsAsync(Guid, CancellationToken)"/> lists them: a Completed or Cancelled window has no
    /// occurrence left to show, so a page with years of past maintenance does not load it on every rebuild.
    /// </summary>
    public required IReadOnlyList<MaintenanceWindow> MaintenanceWindows { get; init; }

    /// <summary>
    /// The latest <see cref="MaintenanceWindow.UpdatedAt"/> of all the page's maintenance windows, Completed and
    /// Cancelled ones included (an end or a cancel is a change the page shows), or null when the page has none.
    /// </summary>
    public DateTimeOffset? LatestMaintenanceChange { get; init; }

    /// <summary>
    /// The latest <see cref="StatusIncident.UpdatedAt"/> of all the page's status incidents, resolved ones included (a
    /// resolve is a change the page shows), or null when the page has none. With the page's, its components' times and
    /// <see cref="LatestMaintenanceChange"/> it makes the time of the page's latest change.
    /// </summary>
    public DateTimeOffset? LatestIncidentChange { get; init; }
}
