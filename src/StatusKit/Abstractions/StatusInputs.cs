using StatusKit.Model;

namespace StatusKit.Abstractions;

/// <summary>
/// Everything the status calculator needs for a <see cref="StatusScope"/>, loaded by the store in one call so that a
/// relational store can answer with a constant number of round-trips.
/// </summary>
public sealed record StatusInputs
{
    /// <summary>The components in scope.</summary>
    public required IReadOnlyList<Component> Components { get; init; }

    /// <summary>The pages of those components.</summary>
    public required IReadOnlyList<StatusPage> Pages { get; init; }

    /// <summary>The open incident signals (Triggered/Acknowledged) of the teams of those components.</summary>
    public required IReadOnlyList<IncidentSignal> OpenSignals { get; init; }

    /// <summary>The InProgress maintenance windows of those pages.</summary>
    public required IReadOnlyList<MaintenanceWindow> InProgressWindows { get; init; }

    /// <summary>
    /// The windows of those pages that are not in progress and whose <see cref="MaintenanceWindow.StatusSwitchedAt"/> is
    /// at or after the earliest <see cref="Component.StatusUpdatedAt"/> of the components in scope that are Under
    /// Maintenance (none when no such component): the windows whose end can explain such a component's return to
    /// Operational, so that its change is told by the window's completed notice alone. Empty by default: a store that
    /// leaves it empty only loses that recognition when a recompute other than the end's own commits the return.
    /// </summary>
    public IReadOnlyList<MaintenanceWindow> EndedWindows { get; init; } = [];

    /// <summary>The unresolved public status incidents of those pages.</summary>
    public required IReadOnlyList<StatusIncident> UnresolvedIncidents { get; init; }

    /// <summary>
    /// The active, verified subscribers that follow those pages (not one incident of theirs: a component change is never
    /// theirs to hear).
    /// </summary>
    public required IReadOnlyList<Subscriber> Subscribers { get; init; }
}
