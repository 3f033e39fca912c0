using StatusKit.Snapshots;
using StatusKit.Status;

namespace StatusKit.Engine;

/// <summary>
/// What the change feed has told of one page so far: the status of each component, each group and the page itself, as
/// its consumers (a live page) now show them. A recompute, a backplane resync and another host's change each tell the
/// feed only what differs from it, under <see cref="Gate"/>, so two of them that see one commit do not both tell it.
/// It starts from the first snapshot this host held of the page, which a page loaded then shows; without a backplane it
/// also follows the newer snapshots other hosts leave in a shared cache, whose changes nothing tells this host's feed.
/// </summary>
internal sealed class FeedView
{
    private readonly Dictionary<Guid, ComponentStatus> _components = [];
    private readonly Dictionary<string, ComponentStatus> _groups = new(StringComparer.Ordinal);
    private ComponentStatus _page;

    public FeedView(PageSnapshot snapshot) => Follow(snapshot);

    /// <summary>Held while telling the feed, so what is told and what this view records stay in one order.</summary>
    public Lock Gate { get; } = new();

    /// <summary>
    /// Takes <paramref name="snapshot"/> as told without telling anything: for a snapshot another host built and no
    /// backplane tells this host of, which pages loaded from now on show (as a shared cache serves it).
    /// </summary>
    public void Follow(PageSnapshot snapshot)
    {
        _components.Clear();
        _groups.Clear();
        foreach (var component in snapshot.Components)
        {
            _components[component.Id] = component.Status;
        }

        foreach (var (group, status) in snapshot.GroupStatuses())
        {
            _groups[group] = status;
        }

        _page = snapshot.Status.Status;
    }

    /// <summary>
    /// Records <paramref name="change"/> (a component's, group's or the page's status) and returns true, unless the feed
    /// was told that status already: then false, and the change is not to be told again. Other kinds are always told.
    /// </summary>
    public bool Tells(StatusChanged change)
    {
        switch (change.Kind)
        {
            case StatusChangeKind.Component when change.ComponentId is { } id:
                if (_components.TryGetValue(id, out var was) && was == change.NewStatus)
                {
                    return false;
                }

                _components[id] = change.NewStatus;
                return true;
            case StatusChangeKind.Group when change.GroupName is { } group:
                if (_groups.TryGetValue(group, out var groupWas) && groupWas == change.NewStatus)
                {
                    return false;
                }

                _groups[group] = change.NewStatus;
                return true;
            case StatusChangeKind.Page:
                if (_page == change.NewStatus)
                {
                    return false;
                }

                _page = change.NewStatus;
                return true;
            default:
                return true;
        }
    }

    /// <summary>
    /// The events that bring this view to <paramref name="snapshot"/>, recorded as told: its components' (when
    /// <paramref name="components"/>; a component new to the view counts as Operational before, as it was created), its
    /// groups' and its own status changes, in that order, as <see cref="SnapshotChanges"/> words them.
    /// </summary>
    public List<StatusChanged> CatchUp(PageSnapshot snapshot, string cause, bool components)
    {
        List<StatusChanged> changes = [];
        if (components)
        {
            changes.AddRange(SnapshotChanges.Components(_components, snapshot, cause) ?? []);
        }

        changes.AddRange(SnapshotChanges.Groups(_groups, snapshot, cause) ?? []);
        if (SnapshotChanges.Page(_page, snapshot, cause) is { } page)
        {
            changes.Add(page);
        }

        foreach (var change in changes)
        {
            Tells(change);
        }

        return changes;
    }
}
