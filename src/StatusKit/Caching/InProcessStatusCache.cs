using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using StatusKit.Abstractions;
using StatusKit.Configuration;
using StatusKit.Snapshots;

namespace StatusKit.Caching;

/// <summary>
/// The default <see cref="IStatusCache"/>: snapshots of this process kept in a dictionary with the configured time to
/// live, measured on the injected <see cref="TimeProvider"/>. For several hosts use
/// <c>UseDistributedCache()</c>.
/// </summary>
public sealed class InProcessStatusCache : IStatusCache
{
    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeToLive;

    /// <summary>Creates the cache.</summary>
    public InProcessStatusCache(IOptions<StatusPagesOptions> options, TimeProvider time)
    {
        _time = time;
        _timeToLive = options.Value.SnapshotTimeToLive;
    }

    /// <inheritdoc />
    public ValueTask<PageSnapshot?> GetAsync(Guid pageId, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue(pageId, out var entry))
        {
            if (entry.ExpiresAt > _time.GetUtcNow())
            {
                return ValueTask.FromResult<PageSnapshot?>(entry.Snapshot);
            }

            _entries.TryRemove(new KeyValuePair<Guid, Entry>(pageId, entry));
        }

        return ValueTask.FromResult<PageSnapshot?>(null);
    }

    /// <inheritdoc />
    public ValueTask SetAsync(PageSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _entries[snapshot.PageId] = new Entry(snapshot, _time.GetUtcNow() + _timeToLive);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask RemoveAsync(Guid pageId, CancellationToken cancellationToken)
    {
        _entries.TryRemove(pageId, out _);
        return ValueTask.CompletedTask;
    }

    private sealed record Entry(PageSnapshot Snapshot, DateTimeOffset ExpiresAt);
}
