using StatusKit.Snapshots;

namespace StatusKit.Abstractions;

/// <summary>
/// The page-snapshot cache. Write-through: the engine sets a page's snapshot whenever it changes, and readers fall
/// back to the store on a miss. Implementations may be shared by several hosts (any <c>IDistributedCache</c>).
/// A failing cache never fails a status change: callers log and continue.
/// </summary>
public interface IStatusCache
{
    /// <summary>The cached snapshot of a page, or null on a miss or expiry.</summary>
    ValueTask<PageSnapshot?> GetAsync(Guid pageId, CancellationToken cancellationToken);

    /// <summary>Caches <paramref name="snapshot"/> for its page, replacing any previous one, for the configured time to live.</summary>
    ValueTask SetAsync(PageSnapshot snapshot, CancellationToken cancellationToken);

    /// <summary>Removes a page's snapshot (after the page is deleted or made private/public).</summary>
    ValueTask RemoveAsync(Guid pageId, CancellationToken cancellationToken);
}
