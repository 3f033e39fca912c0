using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusKit.Abstractions;
using StatusKit.Configuration;
using StatusKit.Engine;

namespace StatusKit.Hosting;

/// <summary>
/// Deletes the subscriptions that were never confirmed once their verification token has been expired for
/// <see cref="StatusPagesOptions.UnverifiedSubscriberRetention"/>: anyone may ask for a subscription, and the rate limits
/// only slow the growth of those nobody confirms. A hosted service that runs a pass after start-up and then every
/// <see cref="Interval"/> on one <see cref="TimeProvider"/> timer.
/// </summary>
/// <remarks>
/// The store's delete judges each row as it is then, so a subscription confirmed or asked for again meanwhile is kept,
/// and two hosts running the pass delete each row once. A failing pass is logged and tried again after
/// <see cref="RetryDelay"/>; stopping the host cancels a pass without logging a failure.
/// </remarks>
internal sealed class UnverifiedSubscriberCleanup : BackgroundService
{
    /// <summary>How often the pass runs.</summary>
    internal static readonly TimeSpan Interval = HourlyPass.Interval;

    /// <summary>How long after a failure the pass runs again.</summary>
    internal static readonly TimeSpan RetryDelay = HourlyPass.RetryDelay;

    private readonly IStatusStore _store;
    private readonly TimeProvider _time;
    private readonly TimeSpan _age;
    private readonly ILogger<UnverifiedSubscriberCleanup> _logger;
    private readonly HourlyPass _pass;

    public UnverifiedSubscriberCleanup(
        IStatusStore store,
        IOptions<StatusPagesOptions> options,
        TimeProvider time,
        IHostApplicationLifetime? lifetime,
        ILogger<UnverifiedSubscriberCleanup> logger)
    {
        _store = store;
        _age = options.Value.VerificationTokenLifetime + options.Value.UnverifiedSubscriberRetention;
        _time = time;
        _pass = new HourlyPass(time, lifetime);
        _logger = logger;
    }

    /// <summary>
    /// One pass: deletes the unconfirmed subscriptions whose token was issued more than the token lifetime plus the
    /// retention ago, and returns how many. Failures propagate (the hosted loop logs them and retries).
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var removed = await _store.DeleteUnverifiedSubscribersAsync(_time.GetUtcNow() - _age, cancellationToken);
        if (removed > 0)
        {
            Log.UnverifiedSubscribersRemoved(_logger, removed);
        }

        return removed;
    }

    /// <summary>Completes when the hosted loop has run every pass it was woken for and sleeps (for tests).</summary>
    internal Task WhenIdleAsync(CancellationToken cancellationToken) => _pass.WhenIdleAsync(cancellationToken);

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        _pass.RunAsync(RunOnceAsync, (retryAt, ex) => Log.UnverifiedSubscriberCleanupFailed(_logger, retryAt, ex), stoppingToken);
}
