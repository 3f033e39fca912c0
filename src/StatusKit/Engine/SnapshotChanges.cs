using StatusKit.Snapshots;
using StatusKit.Status;

namespace StatusKit.Engine;

/// <summary>
/// The change-feed events a page's snapshot differs by from what the feed told of it (<see cref="FeedView"/>): its
/// components', groups' and own statuses and what it shows of its incidents and maintenance, after a recompute told its commit's component events (so what is left is what
/// another host committed meanwhile) and after a resync (when this host did not see the commits). Pure.
/// </summary>
internal static class SnapshotChanges
{
    /// <summary>
    /// The component events from <paramref name="before"/> to the snapshot, in the page's order: each component whose
    /// status some page may show otherwise (<see cref="ToldStatus.From"/>; one new to the page counts as Operational
    /// before, as it was created), stamped when its status changed.
    /// </summary>
    public static List<StatusChanged>? Components(IReadOnlyDictionary<Guid, ToldStatus> before, PageSnapshot after, string cause)
    {
        List<StatusChanged>? changes = null;
        foreach (var component in after.Components)
        {
            if (before.GetValueOrDefault(component.Id, ToldStatus.New).From(component.Status) is { } was)
            {
                (changes ??= []).Add(new StatusChanged
                {
                    Kind = StatusChangeKind.Component,
                    PageId = after.PageId,
                    ComponentId = component.Id,
                    ComponentName = component.Name,
                    OldStatus = was,
                    NewStatus = component.Status,
                    Cause = cause,
                    SnapshotVersion = after.Version,
                    At = component.StatusUpdatedAt,
                });
            }
        }

        return changes;
    }

    /// <summary>
    /// The groups whose status in the snapshot some page may show otherwise (<see cref="ToldStatus.From"/>; a group new
    /// to the page counts as Operational before, like an empty page), so a live page can update the group's heading with
    /// the status the server renders. Null when none changed (most recomputes, and every one on a page without groups),
    /// so nothing is allocated then.
    /// </summary>
    public static List<StatusChanged>? Groups(IReadOnlyDictionary<string, ToldStatus> before, PageSnapshot after, string cause)
    {
        var now = after.GroupStatuses();
        if (now.Count == 0)
        {
            return null;
        }

        List<StatusChanged>? changes = null;
        foreach (var (group, status) in now)
        {
            if (before.GetValueOrDefault(group, ToldStatus.New).From(status) is { } was)
            {
                (changes ??= []).Add(new StatusChanged
                {
                    Kind = StatusChangeKind.Group,
                    PageId = after.PageId,
                    GroupName = group,
                    OldStatus = was,
                    NewStatus = status,
                    Cause = cause,
                    SnapshotVersion = after.Version,
                    At = after.GeneratedAt,
                });
            }
        }

        return changes;
    }

    /// <summary>
    /// The page event from <paramref name="before"/> to the snapshot, when some page may show the page's status otherwise
    /// (<see cref="ToldStatus.From"/>); null otherwise.
    /// </summary>
    public static StatusChanged? Page(ToldStatus before, PageSnapshot after, string cause) =>
        before.From(after.Status.Status) is not { } was
            ? null
            : new StatusChanged
            {
                Kind = StatusChangeKind.Page,
                PageId = after.PageId,
                OldStatus = was,
                NewStatus = after.Status.Status,
                Cause = cause,
                SnapshotVersion = after.Version,
                At = after.GeneratedAt,
            };

    /// <summary>
    /// The <see cref="StatusChangeKind.Content"/> event from <paramref name="before"/> to the snapshot, when it shows other
    /// unresolved incidents, maintenance or components (<see cref="ShownContent.IsShownBy"/>); null otherwise, allocating nothing.
    /// </summary>
    public static StatusChanged? Content(ShownContent before, PageSnapshot after, string cause) =>
        before.IsShownBy(after)
            ? null
            : new StatusChanged
            {
                Kind = StatusChangeKind.Content,
                PageId = after.PageId,
                Cause = cause,
                SnapshotVersion = after.Version,
                At = after.GeneratedAt,
            };
}
