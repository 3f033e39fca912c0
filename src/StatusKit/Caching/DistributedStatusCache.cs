using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;
using StatusKit.Abstractions;
using StatusKit.Configuration;
using StatusKit.Serialization;
using StatusKit.Snapshots;

namespace StatusKit.Caching;

/// <summary>
/// An <see cref="IStatusCache"/> over any <see cref="IDistributedCache"/> (Redis, SQL Server, …), shared by every host.
/// Snapshots are stored as UTF-8 JSON (System.Text.Json source generation).
/// </summary>
public sealed class DistributedStatusCache : IStatusCache
{
    private readonly IDistributedCache _cache;
    private readonly DistributedCacheEntryOptions _entryOptions;

    /// <summary>Creates the cache.</summary>
    public DistributedStatusCache(IDistributedCache cache, IOptions<StatusPagesOptions> options)
    {
        _cache = cache;
        _entryOptions = new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = options.Value.SnapshotTimeToLive };
    }

    /// <inheritdoc />
    public async ValueTask<PageSnapshot?> GetAsync(Guid pageId, CancellationToken cancellationToken)
    {
        var bytes = await _cache.GetAsync(CacheKeys.Page(pageId), cancellationToken);
        return bytes is null ? null : PageSnapshotSerializer.FromUtf8Json(bytes);
    }

    /// <inheritdoc />
    public async ValueTask SetAsync(PageSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var bytes = PageSnapshotSerializer.ToUtf8Json(snapshot);
        await _cache.SetAsync(CacheKeys.Page(snapshot.PageId), bytes.ToArray(), _entryOptions, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask RemoveAsync(Guid pageId, CancellationToken cancellationToken) =>
        await _cache.RemoveAsync(CacheKeys.Page(pageId), cancellationToken);
}
