using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusKit.Configuration;

namespace StatusKit.Engine;

/// <summary>
/// Connects this host to the <see cref="IStatusChangeBackplane"/>, when one is registered: sends the page changes the
/// recomputer hands it (from a bounded queue, so a slow backplane never holds up the engine) and, for each change
/// another host sends, rebuilds that page's snapshot and passes the change's events to the local feed. Without a
/// backplane it does nothing.
/// </summary>
internal sealed class BackplaneRelay : BackgroundService
{
    private const int QueueCapacity = 1_024;
    private readonly IStatusChangeBackplane? _backplane;
    private readonly StatusChangeFeed _feed;
    private readonly PageSnapshotReader _snapshots;
    private readonly TimeProvider _time;
    private readonly TimeSpan _retryDelay;
    private readonly ILogger<BackplaneRelay> _logger;
    private readonly Channel<PageChange> _outgoing;

    public BackplaneRelay(
        IStatusChangeBackplane? backplane,
        StatusChangeFeed feed,
        PageSnapshotReader snapshots,
        IOptions<StatusPagesOptions> options,
        TimeProvider time,
        ILogger<BackplaneRelay> logger)
    {
        _backplane = backplane;
        _feed = feed;
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
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    Log.BackplanePublishFailed(_logger, change.PageId, ex);
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
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var change in backplane.SubscribeAsync(stoppingToken))
                {
                    await ApplyAsync(change, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.BackplaneSubscriptionFailed(_logger, _retryDelay, ex);
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
    /// Rebuilds the page's snapshot from the store when this host holds one (a page it never served has nothing stale
    /// here, and a shared cache already has the sender's), then passes the other host's events to the local feed.
    /// </summary>
    internal async Task ApplyAsync(PageChange change, CancellationToken cancellationToken)
    {
        Log.RemotePageChanged(_logger, change.PageId, change.Changes.Count);
        if (_snapshots.LastKnown(change.PageId) is not null)
        {
            try
            {
                await _snapshots.RefreshAsync(change.PageId, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.SnapshotRefreshFailed(_logger, change.PageId, ex);
            }
        }

        foreach (var e in change.Changes)
        {
            if (e.PageId == change.PageId && e.Kind != StatusChangeKind.Gap)
            {
                _feed.Publish(e);
            }
        }
    }
}
