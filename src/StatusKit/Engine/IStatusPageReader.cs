using StatusKit.Snapshots;

namespace StatusKit.Engine;

/// <summary>
/// The read path of status pages: cache-aside with single-flight loading (a thousand readers of a cold page cause one
/// store load) and fail-safe (while the store fails, a stale snapshot is served for up to a day).
/// </summary>
public interface IStatusPageReader
{
    /// <summary>The snapshot of the page with <paramref name="pageId"/>, or null when it does not exist.</summary>
    ValueTask<PageSnapshot?> GetSnapshotAsync(Guid pageId, CancellationToken cancellationToken);

    /// <summary>The snapshot of the page whose slug is <paramref name="slug"/>, or null when it does not exist.</summary>
    ValueTask<PageSnapshot?> GetSnapshotBySlugAsync(string slug, CancellationToken cancellationToken);
}
