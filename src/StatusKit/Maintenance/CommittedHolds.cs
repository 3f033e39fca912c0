using StatusKit.Notifications;

namespace StatusKit.Maintenance;

/// <summary>
/// The component notices one recompute committed held back until the end of maintenance, and where they go when fresh
/// windows say that end moved. A recompute plans its notices from the windows it loaded; a window change stored after
/// that load and before its commit has already moved the notices held until the old end (<see cref="HeldNoticeMoves"/>),
/// but not the ones this commit adds, which would stay held until the old end. So after each commit the recompute
/// compares the ends its notices are held until with the ends of the windows it loads next, and moves those that
/// differ, until a load shows them all at their end: a window change stored after that load moves them itself.
/// </summary>
internal sealed class CommittedHolds
{
    private readonly Dictionary<(Guid Component, DateTimeOffset HeldUntil), HashSet<string>> _keys = [];

    /// <summary>Whether no committed notice is held.</summary>
    public bool IsEmpty => _keys.Count == 0;

    /// <summary>
    /// Records the component notices among <paramref name="committed"/> held until the end <paramref name="ends"/> gives
    /// their component (<see cref="MaintenanceHolds.Ends"/>, the ends they were planned with): due exactly then.
    /// </summary>
    public void Add(IEnumerable<Notification> committed, IReadOnlyDictionary<Guid, DateTimeOffset>? ends)
    {
        ArgumentNullException.ThrowIfNull(committed);
        if (ends is null)
        {
            return;
        }

        foreach (var notification in committed)
        {
            if (notification is { CoalesceKey: { } key, Content.ComponentId: { } component }
                && ends.TryGetValue(component, out var end)
                && notification.DueAt == end)
            {
                KeysAt(component, end).Add(key);
            }
        }
    }

    /// <summary>
    /// The moves that bring the held notices to the ends <paramref name="ends"/> gives now (the windows in progress as
    /// just loaded): to a component's new end, or to <paramref name="now"/> when no window covers it any more. Each
    /// move is recorded as made; notices no window holds any more are forgotten.
    /// </summary>
    public IReadOnlyList<(HeldNoticeMove Move, IReadOnlyCollection<string> Keys)> Follow(
        IReadOnlyDictionary<Guid, DateTimeOffset>? ends, DateTimeOffset now)
    {
        var moves = new Dictionary<(DateTimeOffset HeldUntil, DateTimeOffset DueAt), (List<Guid> Components, HashSet<string> Keys)>();
        foreach (var ((component, heldUntil), keys) in _keys.ToList())
        {
            DateTimeOffset? end = ends is not null && ends.TryGetValue(component, out var e) ? e : null;
            if (end == heldUntil)
            {
                continue;
            }

            _keys.Remove((component, heldUntil));
            if (end is null && heldUntil <= now)
            {
                continue; // already due
            }

            var dueAt = end ?? now;
            if (end is { } stillHeld)
            {
                KeysAt(component, stillHeld).UnionWith(keys);
            }

            if (!moves.TryGetValue((heldUntil, dueAt), out var move))
            {
                moves[(heldUntil, dueAt)] = move = ([], new HashSet<string>(StringComparer.Ordinal));
            }

            move.Components.Add(component);
            move.Keys.UnionWith(keys);
        }

        return [.. moves.Select(m => (new HeldNoticeMove(m.Key.HeldUntil, m.Key.DueAt, m.Value.Components), (IReadOnlyCollection<string>)m.Value.Keys))];
    }

    private HashSet<string> KeysAt(Guid component, DateTimeOffset heldUntil)
    {
        if (!_keys.TryGetValue((component, heldUntil), out var keys))
        {
            _keys[(component, heldUntil)] = keys = new HashSet<string>(StringComparer.Ordinal);
        }

        return keys;
    }
}
