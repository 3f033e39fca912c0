using StatusKit.Snapshots;
using StatusKit.Status;

namespace StatusKit.Engine;

/// <summary>
/// What the change feed has told of one page so far: the status of each component, each group and the page itself, as
/// its consumers (a live page) now show them (<see cref="ToldStatus"/>), and what the page's snapshot showed of its
/// incidents and maintenance when the feed last told of them (<see cref="ShownContent"/>). A recompute, a backplane resync and another
/// host's change each tell the feed only what differs from it, under <see cref="Gate"/>, so two of them that see one
/// commit do not both tell it. It starts from the first snapshot this host held of the page, which a page loaded then
/// shows; without a backplane it also follows the snapshots other hosts leave in a shared cache that this host serves,
/// whose changes nothing tells this host's feed, as statuses some pages show besides the ones told.
/// </summary>
internal sealed class FeedView
{
    private readonly Dictionary<Guid, ToldStatus> _components = [];
    private readonly Dictionary<string, ToldStatus> _groups = new(StringComparer.Ordinal);
    private ToldStatus _page;
    private ShownContent _content;

    // The version of the snapshot followed last, so serving it again costs no more than this comparison.
    private volatile string? _followed;

    public FeedView(PageSnapshot snapshot)
    {
        foreach (var component in snapshot.Components)
        {
            _components[component.Id] = new ToldStatus(component.Status);
        }

        foreach (var (group, status) in snapshot.GroupStatuses())
        {
            _groups[group] = new ToldStatus(status);
        }

        _page = new ToldStatus(snapshot.Status.Status);
        _content = ShownContent.Of(snapshot);
    }

    /// <summary>Held while telling the feed, so what is told and what this view records stay in one order.</summary>
    public Lock Gate { get; } = new();

    /// <summary>
    /// Records that pages loaded from now on show <paramref name="snapshot"/>, without telling anything: for a snapshot
    /// this host serves from a shared cache other than the one it holds (another host built it, and no backplane tells
    /// this host of its changes; or an older one, whose write came last). The pages open before keep
    /// showing what the feed told them, so a change to what the snapshot shows is still told to them, and a change back
    /// to what was told is told to the pages loaded now. What the view recorded of the incidents and maintenance stays
    /// as told: a page open before still shows that, and a <see cref="StatusChangeKind.Content"/> event only makes pages
    /// fetch what they show again, which costs the pages loaded since one needless fetch at most.
    /// </summary>
    public void Follow(PageSnapshot snapshot)
    {
        _followed = snapshot.Version;
        foreach (var component in snapshot.Components)
        {
            _components[component.Id] = _components.GetValueOrDefault(component.Id, ToldStatus.New).Served(component.Status);
        }

        foreach (var (group, status) in snapshot.GroupStatuses())
        {
            _groups[group] = _groups.GetValueOrDefault(group, ToldStatus.New).Served(status);
        }

        _page = _page.Served(snapshot.Status.Status);
    }

    /// <summary>Whether <paramref name="snapshot"/>'s content is the one followed last (read without <see cref="Gate"/>).</summary>
    public bool HasFollowed(PageSnapshot snapshot) => string.Equals(_followed, snapshot.Version, StringComparison.Ordinal);

    /// <summary>
    /// Records <paramref name="change"/> (a component's, group's or the page's status) as told and returns true, unless
    /// every page shows that status already (the feed told it, and no page loaded since showed another one): then false,
    /// and the change is not to be told again. A component or group the view does not know is told. Other kinds are
    /// always told (a <see cref="StatusChangeKind.Content"/> event goes through <see cref="TellsContent"/>).
    /// </summary>
    public bool Tells(StatusChanged change)
    {
        switch (change.Kind)
        {
            case StatusChangeKind.Component when change.ComponentId is { } id:
                if (_components.TryGetValue(id, out var was) && was.From(change.NewStatus) is null)
                {
                    return false;
                }

                _components[id] = new ToldStatus(change.NewStatus);
                return true;
            case StatusChangeKind.Group when change.GroupName is { } group:
                if (_groups.TryGetValue(group, out var groupWas) && groupWas.From(change.NewStatus) is null)
                {
                    return false;
                }

                _groups[group] = new ToldStatus(change.NewStatus);
                return true;
            case StatusChangeKind.Page:
                if (_page.From(change.NewStatus) is null)
                {
                    return false;
                }

                _page = new ToldStatus(change.NewStatus);
                return true;
            default:
                return true;
        }
    }

    /// <summary>
    /// Records that the feed tells pages that their incidents or maintenance changed to what <paramref name="snapshot"/>
    /// shows, and returns true, unless the view recorded that already (a resync, a local recompute or another host's
    /// <see cref="StatusChangeKind.Content"/> event told it first): then false, and it is not to be told again.
    /// </summary>
    public bool TellsContent(PageSnapshot snapshot)
    {
        if (_content.IsShownBy(snapshot))
        {
            return false;
        }

        _content = ShownContent.Of(snapshot);
        return true;
    }

    /// <summary>
    /// The events that bring this view to <paramref name="snapshot"/>, recorded as told: its components' (a component new
    /// to the view counts as Operational before, as it was created), its groups' and its own status changes, in that
    /// order, as <see cref="SnapshotChanges"/> words them: each status that some page may show otherwise
    /// (<see cref="ToldStatus.From"/>); then one <see cref="StatusChangeKind.Content"/> event when it shows other
    /// incidents, maintenance or components than the view recorded.
    /// </summary>
    public List<StatusChanged> CatchUp(PageSnapshot snapshot, string cause)
    {
        List<StatusChanged> changes = [.. SnapshotChanges.Components(_components, snapshot, cause) ?? []];
        changes.AddRange(SnapshotChanges.Groups(_groups, snapshot, cause) ?? []);
        if (SnapshotChanges.Page(_page, snapshot, cause) is { } page)
        {
            changes.Add(page);
        }

        foreach (var change in changes)
        {
            Tells(change);
        }

        if (SnapshotChanges.Content(_content, snapshot, cause) is { } content)
        {
            _content = ShownContent.Of(snapshot);
            changes.Add(content);
        }

        return changes;
    }
}
