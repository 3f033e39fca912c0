namespace StatusKit.Engine;

/// <summary>What a change-feed event reports.</summary>
public enum StatusChangeKind
{
    /// <summary>A component's status changed.</summary>
    Component = 0,

    /// <summary>A page's overall status changed.</summary>
    Page = 1,

    /// <summary>
    /// A component group's status (<see cref="Snapshots.PageSnapshot.GroupStatuses"/>) changed; the group is
    /// <see cref="StatusChanged.GroupName"/>.
    /// </summary>
    Group = 3,

    /// <summary>The consumer fell behind and lost <see cref="StatusChanged.DroppedCount"/> of its oldest events.</summary>
    Gap = 2,

    /// <summary>
    /// The page was deleted: on this host, or on another host sharing the database, told through a backplane to this host
    /// once it had served the page. No more events follow for it, and a consumer drops what it keeps for the page (a
    /// per-page buffer, open streams, prepared documents). It may be told more than once.
    /// </summary>
    PageDeleted = 4,

    /// <summary>
    /// What the page shows besides statuses changed: its unresolved incidents, its maintenance in progress or upcoming,
    /// or its list of components, as its snapshot shows them (an incident posted, updated or resolved; a window
    /// scheduled, started, ended or edited; a component added, removed, renamed, described, regrouped or reordered). A
    /// consumer reloads those parts of the page. It carries no status fields and is told after the
    /// component, group and page events of the same change.
    /// </summary>
    Content = 5,
}
