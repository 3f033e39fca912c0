using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusKit.Abstractions;
using StatusKit.Audit;
using StatusKit.Diagnostics;
using StatusKit.Health;
using StatusKit.Hosting;
using StatusKit.Services;

namespace StatusKit.Notifications.Dispatching;

/// <summary>
/// Delivers the notification outbox: claims due rows with a lease, sends each through the <see cref="INotifier"/> of
/// its channel and records the outcome (delivered, retried on the configured schedule, dead-lettered, superseded or
/// deferred by the hourly cap). Several dispatchers, in one process or many, may share one store.
/// </summary>
/// <remarks>
/// Runs as a hosted service that starts after <c>ApplicationStarted</c> and polls every
/// <see cref="NotificationOptions.PollInterval"/> when a pass found nothing. On shutdown, claimed rows that were not
/// sent are released at once for another dispatcher; an outcome after a send is always recorded.
/// </remarks>
public sealed class NotificationDispatcher : BackgroundService
{
    private const string ClaimWork = "claim";
    private readonly IStatusStore _store;
    private readonly NotificationOptions _options;
    private readonly TimeProvider _time;
    private readonly IHostApplicationLifetime? _lifetime;
    private readonly ILogger _logger;
    private readonly DispatchResilience _resilience;
    private readonly SubscriberDelivery _delivery;
    private readonly SubscriberLinks _links;
    private readonly WorkFailures _health;
    private readonly StatusKitInstruments _instruments;
    private DateTimeOffset _nextCountAt = DateTimeOffset.MinValue;

    internal NotificationDispatcher(
        IStatusStore store,
        IEnumerable<INotifier> notifiers,
        SubscriberLinks links,
        IOptions<NotificationOptions> options,
        TimeProvider time,
        IHostApplicationLifetime? lifetime,
        ILogger<NotificationDispatcher> logger,
        BackgroundWorkHealth health,
        StatusKitInstruments instruments,
        Random? random = null,
        AuditTrail? audit = null)
    {
        _health = health.Notifications;
        _store = store;
        _options = options.Value;
        _time = time;
        _lifetime = lifetime;
        _logger = logger;
        LeaseOwner = $"{Environment.MachineName}/{Guid.NewGuid():N}";
        _resilience = new DispatchResilience(_options, time, logger);
        var retries = new RetrySchedule(_options.RetryDelays, _options.RetryJitter, random ?? Random.Shared);
        var sender = new NotificationSender(notifiers, _resilience, time, instruments, logger);
        _links = links;
        _instruments = instruments;
        _delivery = new SubscriberDelivery(store, sender, retries, _resilience, links, _options, time, LeaseOwner, logger, instruments, audit);
    }

    /// <summary>The lease owner id of this dispatcher instance: unique per instance, stored on the rows it holds.</summary>
    public string LeaseOwner { get; }

    /// <summary>
    /// One pass: claims up to <see cref="NotificationOptions.BatchSize"/> due rows, processes them with at most
    /// <see cref="NotificationOptions.MaxConcurrency"/> subscribers in flight (the rows of one subscriber in order), and
    /// returns how many rows got an outcome; then, at most once per <see cref="NotificationOptions.PollInterval"/>,
    /// counts the outbox's pending rows for the <c>statuskit.notifications.pending</c> gauge. A failing notifier (or
    /// count) never makes it throw; a failing store claim does.
    /// </summary>
    /// <param name="cancellationToken">Stops the pass: unsent rows are released, then <see cref="OperationCanceledException"/> is thrown.</param>
    /// <returns>How many rows were delivered, retried, dead-lettered, superseded or deferred.</returns>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        IReadOnlyList<Notification> claimed;
        try
        {
            claimed = await _resilience.Store.ExecuteAsync(
                async ct => await _store.ClaimNotificationsAsync(LeaseOwner, now, now + _options.LeaseDuration, _options.BatchSize, ct),
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _health.Failed(ClaimWork, now, ex);
            throw;
        }

        _health.Succeeded(ClaimWork);
        if (claimed.Count == 0)
        {
            await CountPendingAsync(cancellationToken);
            return 0;
        }

        Log.Claimed(_logger, LeaseOwner, claimed.Count);
        foreach (var row in claimed)
        {
            _instruments.NotificationClaimed(row.Channel, now - row.DueAt);
        }

        var bySubscriber = claimed
            .GroupBy(n => n.SubscriberId)
            .Select(g => (IReadOnlyList<Notification>)[.. g.OrderBy(n => n.DueAt).ThenBy(n => n.Id)])
            .ToArray();
        var processed = 0;
        var subjects = new NoticeSubjects(_store, _links, _resilience);

        // Not cancelled itself: every group runs to the end so that each claimed row is completed or released.
        await Parallel.ForEachAsync(
            bySubscriber,
            new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrency },
            async (rows, _) => Interlocked.Add(ref processed, await _delivery.ProcessAsync(rows, subjects, cancellationToken)));

        cancellationToken.ThrowIfCancellationRequested();
        await CountPendingAsync(cancellationToken);
        return processed;
    }

    // Counts the outbox's pending rows for the statuskit.notifications.pending gauge, after a pass and at most once per
    // PollInterval, so collecting the gauge never asks the store. The count stays fresh for two passes' time (a pass
    // ends within its lease), so a dispatcher that stops or keeps failing lets it go instead of showing it for ever. A
    // failing count keeps the last one and fails no pass: the store's trouble shows in the next claim.
    private async Task CountPendingAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (now < _nextCountAt)
        {
            return;
        }

        _nextCountAt = now + _options.PollInterval;
        try
        {
            var pending = await _store.CountPendingNotificationsAsync(cancellationToken);
            _instruments.PendingNotificationsCounted(pending, _time.GetUtcNow() + (2 * (_options.PollInterval + _options.LeaseDuration)));
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Only a metric: see above.
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_lifetime is not null && !await HostStartup.WaitForStartedAsync(_lifetime, stoppingToken))
        {
            return;
        }

        Log.Started(_logger, LeaseOwner);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                TimeSpan? pause = null;
                try
                {
                    if (await RunOnceAsync(stoppingToken) == 0)
                    {
                        pause = _options.PollInterval;
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex)
                {
                    Log.PassFailed(_logger, _options.PollInterval, ex);
                    pause = _options.PollInterval;
                }

                if (pause is { } delay)
                {
                    await Task.Delay(delay, _time, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown while waiting for the next pass.
        }

        Log.Stopped(_logger, LeaseOwner);
    }
}
