using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusKit.Configuration;
using StatusKit.Health;

namespace StatusKit.Engine;

/// <summary>
/// Connects this host to the <see cref="IStatusChangeBackplane"/>, when one is registered: sends the page changes the
/// recomputer hands it (from a bounded queue, so a slow backplane never holds up the engine) and, for each change
/// another host sends, rebuilds that page's snapshot and passes the change's events to the local feed. Each time the
/// backplane starts listening (<see cref="PageChange.Resync"/>) it rebuilds every snapshot this host holds, which
/// changes sent while it was not listening may have left stale. Without a backplane it does nothing.
/// </summary>
internal sealed class BackplaneRelay : BackgroundService
{
    private const int QueueCapacity = 1_024;

    /// <summary>The cause of the feed events a resync reveals.</summary>
    internal const string ResyncCause = "backplane resync";
    private readonly IStatusChangeBackplane? _backplane;
    private readonly PageSnapshotReader _snapshots;
    private readonly TimeProvider _time;
    private readonly TimeSpan _retryDelay;
    private readonly ILogger<BackplaneRelay> _logger;
    private readonly Channel<PageChange> _outgoing;
    private readonly WorkFailures _health;
    private const string PublishWork = "publish";
    private const string ListenWork = "listen";

    public BackplaneRelay(
        IStatusChangeBackplane? backplane,
        PageSnapshotReader snapshots,
        IOptions<StatusPagesOptions> options,
        TimeProvider time,
        ILogger<BackplaneRelay> logger,
        BackgroundWorkHealth health)
    {
        _backplane = backplane;
        _health = health.Backplane;
        _snapshots = snapshots;
        _time = time;
        _retryDelay = options.Value.BackplaneRetryDelay;
        _logger = logger;
        _outgoing = Channel.CreateBounded<PageChange>(
            new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            dropped => Log.BackplaneQueueFull(_logger, dropped.PageId));
    }

    /// <summary>Whether a backplane is registered (otherwise <see cref="Send"/> does nothing).</summary>
    public bool HasBackplane => _backplane is not null;

    /// <summary>Queues a change committed on this host for the other hosts (nothing without a backplane).</summary>
    public void Send(PageChange change)
    {
        if (_backplane is not null)
        {
            _outgoing.Writer.TryWrite(change);
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        _backplane is null ? Task.CompletedTask : Task.WhenAll(SendLoopAsync(_backplane, stoppingToken), ReceiveLoopAsync(_backplane, stoppingToken));

    private async Task SendLoopAsync(IStatusChangeBackplane backplane, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var change in _outgoing.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await backplane.PublishAsync(change, stoppingToken);
                    _health.Succeeded(PublishWork);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    Log.BackplanePublishFailed(_logger, change.PageId, ex);
                    _health.Failed(PublishWork, _time.GetUtcNow(), ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task ReceiveLoopAsync(IStatusChangeBackplane backplane, CancellationToken stoppingToken)
    {
        DateTimeOffset? lostAt = null; // when the last subscription ended, until the next one listens
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var change in backplane.SubscribeAsync(stoppingToken))
                {
                    if (change.IsResync)
                    {
                        _health.Succeeded(ListenWork);
                        var pages = _snapshots.HeldPages();
                        if (lostAt is { } since)
                        {
                            Log.BackplaneListeningAgain(_logger, _time.GetUtcNow() - since, pages.Count);
                            lostAt = null;
                        }

                        await ResyncAsync(pages, stoppingToken);
                    }
                    else
                    {
                        await ApplyAsync(change, stoppingToken);
                    }
                }

                lostAt ??= _time.GetUtcNow();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                lostAt ??= _time.GetUtcNow();
                Log.BackplaneSubscriptionFailed(_logger, _retryDelay, ex);
                _health.Failed(ListenWork, _time.GetUtcNow(), ex);
                try
                {
                    await Task.Delay(_retryDelay, _time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>
    /// After the backplane started listening (<see cref="PageChange.Resync"/>): rebuilds each of <paramref name="pageIds"/>
    /// from the store, since a change sent while this host was not listening never reached it, and passes what each
    /// rebuild reveals (its components', groups' and own status changes that the feed has not told, and a change of its
    /// incidents or maintenance: <see cref="FeedView"/>)
    /// to the local feed, as the changes would have been had they arrived. A page gone from the store is forgotten.
    /// </summary>
    internal async Task ResyncAsync(IReadOnlyList<Guid> pageIds, CancellationToken cancellationToken)
    {
        foreach (var pageId in pageIds)
        {
            if (_snapshots.LastKnown(pageId) is null)
            {
                continue; // forgotten since
            }

            try
            {
                if (await _snapshots.RefreshAsync(pageId, cancellationToken) is null)
                {
                    continue;
                }

                // Compared with what the feed told of the page, not with the snapshot before: a local recompute that
                // committed meanwhile may have told some of it already, or be about to.
                var changes = _snapshots.TellNewest(pageId, ResyncCause);
                if (changes.Count > 0)
                {
                    Log.MissedPageChange(_logger, pageId, changes.Count);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.SnapshotRefreshFailed(_logger, pageId, ex);
            }
        }
    }

    /// <summary>
    /// Rebuilds the page's snapshot from the store when this host holds one (a page it never served has nothing stale
    /// here, and a shared cache already has the sender's), then passes the other host's events to the local feed, each
    /// unless the feed told it already: a status as <see cref="FeedView"/> recorded it, and a
    /// <see cref="StatusChangeKind.Content"/> event when the rebuilt snapshot shows the incidents and maintenance the
    /// feed last told of (a resync, or an earlier event of the sender whose rebuild saw this change too, told it).
    /// </summary>
    internal async Task ApplyAsync(PageChange change, CancellationToken cancellationToken)
    {
        Log.RemotePageChanged(_logger, change.PageId, change.Changes.Count);
        string? rebuilt = null;
        if (_snapshots.LastKnown(change.PageId) is not null)
        {
            try
            {
                rebuilt = (await _snapshots.RefreshAsync(change.PageId, cancellationToken))?.Version;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.SnapshotRefreshFailed(_logger, change.PageId, ex);
            }
        }

        // Through what the feed told of the page: a resync that rebuilt the page first may have told them already.
        // Each names the snapshot this host serves now, when it rebuilt one (the sender's may be older).
        foreach (var e in change.Changes)
        {
            if (e.PageId == change.PageId && e.Kind != StatusChangeKind.Gap)
            {
                _snapshots.Tell(rebuilt is null ? e : e with { SnapshotVersion = rebuilt });
            }
        }
    }
}
