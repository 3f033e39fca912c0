using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StatusKit.AspNetCore.Api;
using StatusKit.Engine;

namespace StatusKit.AspNetCore.Events;

/// <summary>
/// Reads the change feed of every page into the <see cref="EventRelay"/> for as long as the host runs, and drops a deleted
/// page's prepared JSON API documents (<see cref="StatuspageDocuments"/>) first, so they are gone once its streams end.
/// </summary>
/// <remarks>
/// The relay joins the feed while the host starts, before the services after it and the server do: the feed passes a
/// change only to the consumers listening when it is made, and <see cref="BackgroundService.ExecuteAsync"/> runs on the
/// thread pool some time after start-up, so a change made before it got there would reach no stream (and no stream
/// would be told that it missed one).
/// </remarks>
internal sealed class EventRelayService : BackgroundService
{
    private readonly IStatusChangeFeed _feed;
    private readonly EventRelay _relay;
    private readonly StatuspageDocuments _documents;
    private readonly ILogger<EventRelayService> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private Task? _relaying;

    public EventRelayService(IStatusChangeFeed feed, EventRelay relay, StatuspageDocuments documents, ILogger<EventRelayService> logger)
    {
        _feed = feed;
        _relay = relay;
        _documents = documents;
        _logger = logger;
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Runs until its first wait, so it has joined the feed when this returns.
        _relaying = RelayAsync(_stopping.Token);
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await base.StopAsync(cancellationToken);
    }

    // Cancelled, never disposed, like the base class's own source: a host may stop a service it already disposed.
    public override void Dispose()
    {
        _stopping.Cancel();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var stopping = _stopping.Token;
        var relaying = _relaying ?? RelayAsync(stopping);
        while (true)
        {
            try
            {
                await relaying;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.RelayFailed(_logger, ex);
            }

            if (stopping.IsCancellationRequested)
            {
                return;
            }

            relaying = RelayAsync(stopping);
        }
    }

    private async Task RelayAsync(CancellationToken stopping)
    {
        await foreach (var change in _feed.SubscribeAsync(null, stopping))
        {
            if (change.Kind == StatusChangeKind.PageDeleted)
            {
                _documents.Forget(change.PageId);
            }

            _relay.Publish(change);
        }
    }
}
