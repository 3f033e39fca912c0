using StatusKit.Model;
using StatusKit.Notifications;

namespace StatusKit.Maintenance;

/// <summary>
/// Where the component notices held back by maintenance go when a window changes (pure). With
/// <see cref="NotificationOptions.SuppressIncidentNotificationsDuringMaintenance"/>, a change incidents cause on a
/// component inside a window in progress is due at the latest end of the windows in progress that cover it
/// (<see cref="NotificationPlanner.PlanComponentChanges"/>). When a change of a window moves that end for one of its
/// components (its end moved, it completed, was cancelled or deleted while in progress, it started, or a component
/// joined or left it), the notices held until the old end are due at the new one, or at once when no window covers the
/// component any more: they go out when its maintenance actually ends.
/// </summary>
internal static class HeldNoticeMoves
{
    /// <summary>The moves a change of a window from <paramref name="before"/> to <paramref name="after"/> makes.</summary>
    /// <param name="before">The window before the change (null when it was created).</param>
    /// <param name="after">The window after it (null when it was deleted).</param>
    /// <param name="inProgress">The windows of its page in progress after the change (the changed window's entry is ignored).</param>
    /// <param name="now">When the change was made: the due time of notices no window holds any more.</param>
    public static IReadOnlyList<HeldNoticeMove> Plan(
        MaintenanceWindow? before, MaintenanceWindow? after, IReadOnlyList<MaintenanceWindow> inProgress, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(inProgress);
        var windowId = (before ?? after)?.Id ?? throw new ArgumentException("A change has a window before or after it.", nameof(after));
        var components = Covered(before).Union(Covered(after)).ToArray();
        if (components.Length == 0)
        {
            return [];
        }

        // The other windows in progress hold the components as before; the changed window as it was, then as it is.
        var others = inProgress.Where(w => w.Id != windowId).ToList();
        var heldEnds = MaintenanceHolds.Ends([.. others, before]);
        var newEnds = MaintenanceHolds.Ends([.. others, after]);
        var moves = new Dictionary<(DateTimeOffset HeldUntil, DateTimeOffset DueAt), List<Guid>>();
        foreach (var component in components)
        {
            DateTimeOffset? heldUntil = heldEnds is not null && heldEnds.TryGetValue(component, out var was) ? was : null;
            DateTimeOffset? newEnd = newEnds is not null && newEnds.TryGetValue(component, out var @is) ? @is : null;
            if (heldUntil is not { } held || held == newEnd || (newEnd is null && held <= now))
            {
                continue; // nothing held, the same end, or held notices already due
            }

            var key = (held, newEnd ?? now);
            if (!moves.TryGetValue(key, out var list))
            {
                moves[key] = list = [];
            }

            list.Add(component);
        }

        return [.. moves.Select(m => new HeldNoticeMove(m.Key.HeldUntil, m.Key.DueAt, m.Value))];
    }

    /// <summary>
    /// The moves that bring the notices <paramref name="made"/> moved to the ends of <paramref name="inProgress"/>, the
    /// windows read after those moves: another window change of the same components stored after the windows the moves
    /// were planned from (another host's, settled before this one's moves ran) may have moved the ends again.
    /// </summary>
    /// <param name="made">The moves made.</param>
    /// <param name="inProgress">The windows of the page in progress, read after <paramref name="made"/>.</param>
    /// <param name="now">Now: the due time of notices no window holds any more.</param>
    public static IReadOnlyList<HeldNoticeMove> Follow(IReadOnlyList<HeldNoticeMove> made, IReadOnlyList<MaintenanceWindow> inProgress, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(made);
        ArgumentNullException.ThrowIfNull(inProgress);
        var ends = MaintenanceHolds.Ends(inProgress);
        var moves = new Dictionary<(DateTimeOffset HeldUntil, DateTimeOffset DueAt), List<Guid>>();
        foreach (var move in made)
        {
            foreach (var component in move.ComponentIds)
            {
                DateTimeOffset? end = ends is not null && ends.TryGetValue(component, out var e) ? e : null;
                if (end == move.DueAt || (end is null && move.DueAt <= now))
                {
                    continue; // where its maintenance ends, or due anyway
                }

                var key = (move.DueAt, end ?? now);
                if (!moves.TryGetValue(key, out var list))
                {
                    moves[key] = list = [];
                }

                list.Add(component);
            }
        }

        return [.. moves.Select(m => new HeldNoticeMove(m.Key.HeldUntil, m.Key.DueAt, m.Value))];
    }

    private static IEnumerable<Guid> Covered(MaintenanceWindow? window) =>
        window is { State: MaintenanceState.InProgress } ? window.ComponentIds : [];
}
