using StatusKit.Model;
using StatusKit.Snapshots;

namespace StatusKit.Engine;

/// <summary>
/// What a page's snapshot showed besides statuses: its unresolved incidents, its maintenance in progress and upcoming, and
/// its components as the page lists them, kept as the snapshot's own lists (so recording it allocates nothing). Two
/// snapshots show the same content when their incidents are the same ones at the same stored change
/// (<see cref="StatusIncident.Version"/> and <see cref="StatusIncident.UpdatedAt"/>), in the same order, their occurrences
/// the same ones with the same text, times, state and components, and their components the same ones in the same order
/// with the same names, descriptions, groups and <see cref="ComponentSnapshot.OnlyShowIfDegraded"/> (a component's status is told by its own events).
/// </summary>
/// <param name="Incidents">The snapshot's <see cref="PageSnapshot.UnresolvedIncidents"/>.</param>
/// <param name="Active">The snapshot's <see cref="PageSnapshot.ActiveMaintenance"/>.</param>
/// <param name="Upcoming">The snapshot's <see cref="PageSnapshot.UpcomingMaintenance"/>.</param>
/// <param name="Components">The snapshot's <see cref="PageSnapshot.Components"/>, in the page's order.</param>
internal readonly record struct ShownContent(
    IReadOnlyList<StatusIncident> Incidents,
    IReadOnlyList<MaintenanceOccurrence> Active,
    IReadOnlyList<MaintenanceOccurrence> Upcoming,
    IReadOnlyList<ComponentSnapshot> Components)
{
    /// <summary>What <paramref name="snapshot"/> shows.</summary>
    public static ShownContent Of(PageSnapshot snapshot) =>
        new(snapshot.UnresolvedIncidents, snapshot.ActiveMaintenance, snapshot.UpcomingMaintenance, snapshot.Components);

    /// <summary>Whether <paramref name="snapshot"/> shows this content (no allocation: the comparers are static).</summary>
    public bool IsShownBy(PageSnapshot snapshot) =>
        Same(Incidents, snapshot.UnresolvedIncidents, static (was, now) => was.Id == now.Id && was.Version == now.Version && was.UpdatedAt == now.UpdatedAt)
        && Same(Active, snapshot.ActiveMaintenance, SameOccurrence)
        && Same(Upcoming, snapshot.UpcomingMaintenance, SameOccurrence)
        && Same(Components, snapshot.Components, SameListing);

    // The same row in the page's list of components, whatever its status. A rebuild keeps the previous snapshot's record
    // of every component it did not change (PageSnapshotBuilder), so most rows are the very same record.
    private static bool SameListing(ComponentSnapshot was, ComponentSnapshot now) =>
        ReferenceEquals(was, now)
        || (was.Id == now.Id
            && string.Equals(was.Name, now.Name, StringComparison.Ordinal)
            && string.Equals(was.Description, now.Description, StringComparison.Ordinal)
            && string.Equals(was.GroupName, now.GroupName, StringComparison.Ordinal)
            && was.OnlyShowIfDegraded == now.OnlyShowIfDegraded);

    private static bool SameOccurrence(MaintenanceOccurrence was, MaintenanceOccurrence now) =>
        was.WindowId == now.WindowId
        && was.StartsAt == now.StartsAt
        && was.EndsAt == now.EndsAt
        && was.State == now.State
        && string.Equals(was.Title, now.Title, StringComparison.Ordinal)
        && string.Equals(was.Description, now.Description, StringComparison.Ordinal)
        && string.Equals(was.Recurrence, now.Recurrence, StringComparison.Ordinal)
        && string.Equals(was.TimeZoneId, now.TimeZoneId, StringComparison.Ordinal)
        && Same(was.ComponentIds, now.ComponentIds, static (a, b) => a == b);

    // The same list, or one of the same length whose items are pairwise the same.
    private static bool Same<T>(IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, T, bool> same)
    {
        if (ReferenceEquals(before, after))
        {
            return true;
        }

        if (before.Count != after.Count)
        {
            return false;
        }

        for (var i = 0; i < before.Count; i++)
        {
            if (!same(before[i], after[i]))
            {
                return false;
            }
        }

        return true;
    }
}
