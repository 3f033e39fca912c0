using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using StatusKit.Abstractions;
using StatusKit.Configuration;
using StatusKit.Snapshots;

namespace StatusKit.Caching;

/// <summary>An <see cref="IStatusCache"/> over the host's <see cref="IMemoryCache"/> (register it with <c>AddMemoryCache()</c>).</summary>
public sealed class MemoryStatusCache : IStatusCache
{
    private readonly IMemoryCache _cache;
    private readonly TimeSpan _timeToLive;

    /// <summary>Creates the cache.</summary>
    public MemoryStatusCache(IMemoryCache cache, IOptions<StatusPagesOptions> options)
    {
        _cache = cache;
        _timeToLive = options.Value.SnapshotTimeToLive;
    }

    /// <inheritdoc />
    public ValueTask<PageSnapshot?> GetAsync(Guid pageId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_cache.TryGetValue(CacheKeys.Page(pageId), out PageSnapshot? snapshot) ? snapshot : null);

    /// <inheritdoc />
    public ValueTask SetAsync(PageSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _cache.Set(CacheKeys.Page(snapshot.PageId), snapshot, _timeToLive);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask RemoveAsync(Guid pageId, CancellationToken cancellationToken)
    {
        _cache.Remove(CacheKeys.Page(pageId));
        return ValueTask.CompletedTask;
    }
}
