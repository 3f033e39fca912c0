using StatusKit.Snapshots;
using StatusKit.Status;

namespace StatusKit.Engine;

/// <summary>
/// The change-feed events a page's snapshot differs by from what the feed told of it (<see cref="FeedView"/>): its
/// groups' statuses and its own (after a recompute, whose component events come from the commit), and its components'
/// statuses too (after a resync, when this host did not see the commits). Pure.
/// </summary>
internal static class SnapshotChanges
{
    /// <summary>
    /// The component events from <paramref name="before"/> to the snapshot, in the page's order: each component whose
    /// status differs (one new to the page counts as Operational before, as it was created), stamped when its status changed.
    /// </summary>
    public static List<StatusChanged>? Components(IReadOnlyDictionary<Guid, ComponentStatus> before, PageSnapshot after, string cause)
    {
        List<StatusChanged>? changes = null;
        foreach (var component in after.Components)
        {
            var was = before.GetValueOrDefault(component.Id, ComponentStatus.Operational);
            if (was != component.Status)
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
                    At = component.StatusUpdatedAt,
                });
            }
        }

        return changes;
    }

    /// <summary>
    /// The groups whose status differs from <paramref name="before"/> in the snapshot (a group new to the page counts as
    /// Operational before, like an empty page), so a live page can update the group's heading with the status the server
    /// renders. Null when none changed (most recomputes, and every one on a page without groups), so nothing is allocated then.
    /// </summary>
    public static List<StatusChanged>? Groups(IReadOnlyDictionary<string, ComponentStatus> before, PageSnapshot after, string cause)
    {
        var now = after.GroupStatuses();
        if (now.Count == 0)
        {
            return null;
        }

        List<StatusChanged>? changes = null;
        foreach (var (group, status) in now)
        {
            var was = before.GetValueOrDefault(group, ComponentStatus.Operational);
            if (was != status)
            {
                (changes ??= []).Add(new StatusChanged
                {
                    Kind = StatusChangeKind.Group,
                    PageId = after.PageId,
                    GroupName = group,
                    OldStatus = was,
                    NewStatus = status,
                    Cause = cause,
                    At = after.GeneratedAt,
                });
            }
        }

        return changes;
    }

    /// <summary>The page event from <paramref name="before"/> to the snapshot, when the page's status differs; null otherwise.</summary>
    public static StatusChanged? Page(ComponentStatus before, PageSnapshot after, string cause) =>
        before == after.Status.Status
            ? null
            : new StatusChanged
            {
                Kind = StatusChangeKind.Page,
                PageId = after.PageId,
                OldStatus = before,
                NewStatus = after.Status.Status,
                Cause = cause,
                At = after.GeneratedAt,
            };
}
