using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StatusKit.AspNetCore.Api;
using StatusKit.Engine;

namespace StatusKit.AspNetCore.Events;

/// <summary>
/// Reads the change feed of every page into the <see cref="EventRelay"/> for as long as the host runs, and drops a deleted
/// page's prepared JSON API documents (<see cref="StatuspageDocuments"/>) first, so they are gone once its streams end.
/// </summary>
internal sealed class EventRelayService : BackgroundService
{
    private readonly IStatusChangeFeed _feed;
    private readonly EventRelay _relay;
    private readonly StatuspageDocuments _documents;
    private readonly ILogger<EventRelayService> _logger;

    public EventRelayService(IStatusChangeFeed feed, EventRelay relay, StatuspageDocuments documents, ILogger<EventRelayService> logger)
    {
        _feed = feed;
        _relay = relay;
        _documents = documents;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var change in _feed.SubscribeAsync(null, stoppingToken))
                {
                    if (change.Kind == StatusChangeKind.PageDeleted)
                    {
                        _documents.Forget(change.PageId);
                    }

                    _relay.Publish(change);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.RelayFailed(_logger, ex);
            }
        }
    }
}
