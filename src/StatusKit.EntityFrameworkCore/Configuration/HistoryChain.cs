namespace StatusKit.EntityFrameworkCore.Configuration;

/// <summary>
/// The store-internal columns that chain each component's status history, so that no index on the history is keyed by
/// component: <c>components.last_history_id</c> names a component's newest history row and
/// <c>status_history.previous_id</c> the row committed before it for the same component. Both are shadow properties:
/// they never leave the store.
/// </summary>
/// <remarks>
/// An index on (component, time) puts the rows a commit appends for N components into N different B-tree pages.
/// On SQLite every dirty page is written whole to the WAL and again at the checkpoint, so a commit that changes all
/// 1,000 components of a page wrote ~4 MB and cost ~70 ms, growing with the history. With the chain, a commit's rows
/// land next to each other in the (page, time) index, and the latest entry before a time is found by primary key.
/// </remarks>
internal static class HistoryChain
{
    /// <summary>The component's newest history row (null before its first change).</summary>
    public const string LastHistoryId = "LastHistoryId";

    /// <summary>The history row committed before this one for the same component (null for its first change).</summary>
    public const string PreviousId = "PreviousId";
}
