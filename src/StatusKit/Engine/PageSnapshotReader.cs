using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusKit.Abstractions;
using StatusKit.Configuration;
using StatusKit.Snapshots;

namespace StatusKit.Engine;

/// <summary>The default <see cref="IStatusPageReader"/>; also the write-through side used by the engine.</summary>
internal sealed class PageSnapshotReader : IStatusPageReader
{
    private readonly IStatusStore _store;
    private readonly IStatusCache _cache;
    private readonly PageSnapshotBuilder _builder;
    private readonly StatusChangeFeed _feed;
    private readonly TimeProvider _time;
    private readonly ILogger<PageSnapshotReader> _logger;
    private readonly IPageSnapshotObserver[] _observers;
    private readonly TimeSpan _failSafeThrottle;
    private readonly TimeSpan _failSafeMaxStaleness;
    private readonly ConcurrentDictionary<string, Guid> _slugs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, Lazy<Task<PageSnapshot?>>> _loads = new();
    private readonly ConcurrentDictionary<Guid, LastGood> _lastGood = new();
    private readonly ConcurrentDictionary<Guid, RefreshOrder> _refreshes = new();
    private readonly ConcurrentDictionary<Guid, FeedView> _told = new();
    private long _storeFailedAtTicks; // 0: the store has not failed since its last success
    private long _forgets; // how many pages were forgotten, so a build that raced a page delete can tell

    // Whether another host's changes reach this host's feed (through a backplane); if not, what the feed told of a page
    // follows the newer snapshots other hosts leave in a shared cache.
    private readonly bool _foreignChangesAreTold;

    public PageSnapshotReader(
        IStatusStore store,
        IStatusCache cache,
        PageSnapshotBuilder builder,
        StatusChangeFeed feed,
        IOptions<StatusPagesOptions> options,
        TimeProvider time,
        ILogger<PageSnapshotReader> logger,
        IEnumerable<IPageSnapshotObserver> observers,
        IStatusChangeBackplane? backplane = null)
    {
        _observers = [.. observers];
        _foreignChangesAreTold = backplane is not null;
        _store = store;
        _cache = cache;
        _builder = builder;
        _feed = feed;
        _time = time;
        _logger = logger;
        _failSafeThrottle = options.Value.FailSafeThrottle;
        _failSafeMaxStaleness = options.Value.FailSafeMaxStaleness;
    }

    public async ValueTask<PageSnapshot?> GetSnapshotAsync(Guid pageId, CancellationToken cancellationToken)
    {
        var cached = await TryGetCachedAsync(pageId, cancellationToken);
        if (cached is not null)
        {
            return cached;
        }

        var load = _loads.GetOrAdd(pageId, SharedLoad);
        return await load.Value.WaitAsync(cancellationToken);
    }

    public async ValueTask<PageSnapshot?> GetSnapshotBySlugAsync(string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        if (_slugs.TryGetValue(slug, out var pageId))
        {
            var snapshot = await GetSnapshotAsync(pageId, cancellationToken);
            if (snapshot is not null && string.Equals(snapshot.Slug, slug, StringComparison.Ordinal))
            {
                return snapshot;
            }

            _slugs.TryRemove(new KeyValuePair<string, Guid>(slug, pageId));
        }

        var page = await _store.GetPageBySlugAsync(slug, cancellationToken);
        if (page is null)
        {
            return null;
        }

        _slugs[slug] = page.Id;
        return await GetSnapshotAsync(page.Id, cancellationToken);
    }

    /// <summary>
    /// Rebuilds a page's snapshot from the store and writes it through to the cache. Null when the page is gone.
    /// Concurrent refreshes of a page (a reader's cold load, the engine after a change) leave the snapshot of the one
    /// that started last, which read the newest state: an older build that finishes later returns that one instead.
    /// </summary>
    public async Task<PageSnapshot?> RefreshAsync(Guid pageId, CancellationToken cancellationToken)
    {
        var forgets = Interlocked.Read(ref _forgets);
        var order = _refreshes.GetOrAdd(pageId, static _ => new RefreshOrder());
        long ticket;
        lock (order.Gate)
        {
            ticket = ++order.Started;
        }

        var snapshot = await _builder.BuildAsync(pageId, cancellationToken);
        if (snapshot is null)
        {
            await ForgetAsync(pageId, tellEvenIfUnknown: false, cancellationToken);
            return null;
        }

        lock (order.Gate)
        {
            if (ticket < order.Published)
            {
                return order.Newest;
            }

            order.Published = ticket;
            order.Newest = snapshot;
            Remember(snapshot);
        }

        await TrySetCachedAsync(snapshot, cancellationToken);

        // A newer refresh published while this one was writing, and its write may have landed before this one's: write
        // the newest snapshot again, until no newer one appeared during the last write.
        for (var written = ticket; ;)
        {
            PageSnapshot newest;
            lock (order.Gate)
            {
                if (order.Published == written)
                {
                    break;
                }

                written = order.Published;
                newest = order.Newest!;
            }

            await TrySetCachedAsync(newest, cancellationToken);
        }

        // A page deleted while this build ran may have been forgotten before the build kept its JSON, remembered and
        // cached it: then forget it again, or a deleted page's snapshot would stay in memory (and served when stale).
        if (Interlocked.Read(ref _forgets) != forgets && await _store.GetPageAsync(pageId, cancellationToken) is null)
        {
            await ForgetAsync(pageId, tellEvenIfUnknown: false, cancellationToken);
            return null;
        }

        return snapshot;
    }

    /// <summary>The last snapshot this process built or read for a page, if any (used to detect page status changes).</summary>
    public PageSnapshot? LastKnown(Guid pageId) => _lastGood.TryGetValue(pageId, out var entry) ? entry.Snapshot : null;

    /// <summary>
    /// Tells the feed <paramref name="change"/> (a commit's component event, or one another host sent) unless the feed
    /// already told that status of the page's component, group or page (<see cref="FeedView"/>), or for a
    /// <see cref="StatusChangeKind.Content"/> event, unless the feed already told what the newest snapshot this host holds
    /// shows of the page's incidents and maintenance (so another host's event and a resync that rebuilt the page tell it
    /// once, in whichever order they come); a page this host holds no snapshot of has nothing told to compare with, and
    /// is told. Returns whether it was told.
    /// </summary>
    public bool Tell(StatusChanged change)
    {
        if (!_told.TryGetValue(change.PageId, out var view))
        {
            _feed.Publish(change);
            return true;
        }

        lock (view.Gate)
        {
            var tells = change.Kind == StatusChangeKind.Content
                ? LastKnown(change.PageId) is { } newest && view.TellsContent(newest)
                : view.Tells(change);
            if (!tells)
            {
                return false;
            }

            _feed.Publish(change);
            return true;
        }
    }

    /// <summary>
    /// Tells the feed what the newest snapshot this host holds of the page shows and the feed has not told yet: its
    /// components', groups' and own status changes, then a change of its incidents or maintenance (after a recompute told
    /// its commit, what another host committed meanwhile, and what the recompute changed besides statuses; after a
    /// resync, which did not see the commits, all of them). Several callers that race (a recompute, a resync) tell each
    /// change once, in the order of the snapshots: each compares the newest snapshot with what was told, under the
    /// page's <see cref="FeedView"/>. Returns what was told; nothing for a page this host holds no snapshot of.
    /// </summary>
    public IReadOnlyList<StatusChanged> TellNewest(Guid pageId, string cause)
    {
        if (!_told.TryGetValue(pageId, out var view))
        {
            return [];
        }

        lock (view.Gate)
        {
            if (LastKnown(pageId) is not { } newest)
            {
                return [];
            }

            var changes = view.CatchUp(newest, cause);
            foreach (var change in changes)
            {
                _feed.Publish(change);
            }

            return changes;
        }
    }

    /// <summary>
    /// The pages this process holds a snapshot of (built or read since start-up, and not forgotten): the pages a change
    /// it did not hear of could have left stale here.
    /// </summary>
    public IReadOnlyList<Guid> HeldPages() => [.. _lastGood.Keys];

    /// <summary>
    /// Forgets a page deleted on this host: cache entry, stale copy, slug and the builder's copy of its components' JSON,
    /// then tells the change feed (<see cref="StatusChangeKind.PageDeleted"/>), so the feed's consumers drop theirs.
    /// </summary>
    public Task ForgetAsync(Guid pageId, CancellationToken cancellationToken) => ForgetAsync(pageId, tellEvenIfUnknown: true, cancellationToken);

    // A build that finds the page gone (deleted on another host, or an id that never was a page) tells the feed only of
    // a page this host knew, so an unknown id read by mistake tells nothing.
    private async Task ForgetAsync(Guid pageId, bool tellEvenIfUnknown, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _forgets);
        _loads.TryRemove(pageId, out _);
        _refreshes.TryRemove(pageId, out _);
        _builder.Forget(pageId);
        _told.TryRemove(pageId, out _);
        var known = _lastGood.TryRemove(pageId, out var entry);
        if (known)
        {
            _slugs.TryRemove(new KeyValuePair<string, Guid>(entry!.Snapshot.Slug, pageId));
        }

        try
        {
            await _cache.RemoveAsync(pageId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.CacheFailed(_logger, "remove", pageId, ex);
        }

        // Told last, once a consumer that reads the page again finds it gone.
        if (known || tellEvenIfUnknown)
        {
            _feed.Publish(new StatusChanged { Kind = StatusChangeKind.PageDeleted, PageId = pageId, Cause = "page deleted", At = _time.GetUtcNow() });
        }
    }

    // The one load of a page that every concurrent reader waits for. It removes itself when done, so no later reader
    // gets its result, even when every reader that waited for it gave up first.
    private Lazy<Task<PageSnapshot?>> SharedLoad(Guid pageId)
    {
        Lazy<Task<PageSnapshot?>>? load = null;
        load = new Lazy<Task<PageSnapshot?>>(async () =>
        {
            try
            {
                return await LoadAsync(pageId);
            }
            finally
            {
                _loads.TryRemove(new KeyValuePair<Guid, Lazy<Task<PageSnapshot?>>>(pageId, load!));
            }
        });
        return load;
    }

    private async Task<PageSnapshot?> LoadAsync(Guid pageId)
    {
        // Detached from any one reader's cancellation: the load is shared by every waiting reader.
        await Task.Yield();

        // A reader that missed the cache just before the previous load wrote it, and came here after that load removed
        // itself, finds the snapshot now instead of loading the page again.
        var cached = await TryGetCachedAsync(pageId, CancellationToken.None);
        if (cached is not null)
        {
            return cached;
        }

        var now = _time.GetUtcNow();
        var stale = _lastGood.TryGetValue(pageId, out var lastGood) && now - lastGood.Snapshot.GeneratedAt <= _failSafeMaxStaleness ? lastGood.Snapshot : null;
        var failedAt = Interlocked.Read(ref _storeFailedAtTicks);
        if (stale is not null && failedAt != 0 && now.UtcTicks - failedAt < _failSafeThrottle.Ticks)
        {
            return stale;
        }

        try
        {
            var snapshot = await RefreshAsync(pageId, CancellationToken.None);
            Interlocked.Exchange(ref _storeFailedAtTicks, 0);
            return snapshot;
        }
        catch (Exception ex) when (stale is not null)
        {
            // The throttle runs from the failure, not from the start of an attempt that may have hung until a timeout.
            Interlocked.Exchange(ref _storeFailedAtTicks, _time.GetUtcNow().UtcTicks);
            Log.ServingStaleSnapshot(_logger, pageId, stale.GeneratedAt, ex);
            return stale;
        }
    }

    private async ValueTask<PageSnapshot?> TryGetCachedAsync(Guid pageId, CancellationToken cancellationToken)
    {
        try
        {
            var snapshot = await _cache.GetAsync(pageId, cancellationToken);
            if (snapshot is null)
            {
                return null;
            }

            var known = _lastGood.TryGetValue(pageId, out var entry) ? entry.Snapshot : null;
            if (known is null || known.GeneratedAt < snapshot.GeneratedAt)
            {
                // A shared cache may hold a newer snapshot another host built: the fail-safe serves the newest seen.
                Remember(snapshot);
            }

            // Whatever this host served, pages show: without a backplane, what another host changed is followed by its
            // content, not by its time, since the hosts' clocks may disagree (and a shared cache keeps the last write).
            if (!_foreignChangesAreTold && known is not null && !string.Equals(known.Version, snapshot.Version, StringComparison.Ordinal)
                && _told.TryGetValue(pageId, out var view) && !view.HasFollowed(snapshot))
            {
                lock (view.Gate)
                {
                    view.Follow(snapshot);
                }
            }

            return snapshot;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.CacheFailed(_logger, "read", pageId, ex);
            return null;
        }
    }

    private async Task TrySetCachedAsync(PageSnapshot snapshot, CancellationToken cancellationToken)
    {
        try
        {
            await _cache.SetAsync(snapshot, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.CacheFailed(_logger, "write", snapshot.PageId, ex);
        }
    }

    private void Remember(PageSnapshot snapshot)
    {
        _lastGood[snapshot.PageId] = new LastGood(snapshot, _time.GetUtcNow());
        if (!_told.ContainsKey(snapshot.PageId))
        {
            // What a page loaded now shows: the feed tells what changes from here.
            _told.TryAdd(snapshot.PageId, new FeedView(snapshot));
        }

        _slugs[snapshot.Slug] = snapshot.PageId;
        foreach (var observer in _observers)
        {
            observer.Observe(snapshot);
        }
    }

    private sealed record LastGood(PageSnapshot Snapshot, DateTimeOffset At);

    /// <summary>The order of one page's refreshes: how many started, the last one published, and its snapshot.</summary>
    private sealed class RefreshOrder
    {
        public Lock Gate { get; } = new();

        public long Started { get; set; }

        public long Published { get; set; }

        public PageSnapshot? Newest { get; set; }
    }
}
