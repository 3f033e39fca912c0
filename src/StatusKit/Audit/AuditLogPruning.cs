using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusKit.Abstractions;
using StatusKit.Configuration;
using StatusKit.Hosting;

namespace StatusKit.Audit;

/// <summary>
/// Deletes the audit entries older than <see cref="StatusPagesOptions.AuditLogRetention"/>, of every page, deleted
/// pages' included. A hosted service that runs a pass after start-up and then every <see cref="Interval"/> on one
/// <see cref="TimeProvider"/> timer.
/// </summary>
/// <remarks>
/// Two hosts running the pass delete each entry once. A failing pass is logged and tried again after
/// <see cref="RetryDelay"/>; stopping the host cancels a pass without logging a failure.
/// </remarks>
internal sealed class AuditLogPruning : BackgroundService
{
    /// <summary>How often the pass runs.</summary>
    internal static readonly TimeSpan Interval = HourlyPass.Interval;

    /// <summary>How long after a failure the pass runs again.</summary>
    internal static readonly TimeSpan RetryDelay = HourlyPass.RetryDelay;

    private readonly IStatusStore _store;
    private readonly TimeProvider _time;
    private readonly TimeSpan _retention;
    private readonly ILogger<AuditLogPruning> _logger;
    private readonly HourlyPass _pass;

    public AuditLogPruning(
        IStatusStore store,
        IOptions<StatusPagesOptions> options,
        TimeProvider time,
        IHostApplicationLifetime? lifetime,
        ILogger<AuditLogPruning> logger)
    {
        _store = store;
        _retention = options.Value.AuditLogRetention;
        _time = time;
        _pass = new HourlyPass(time, lifetime);
        _logger = logger;
    }

    /// <summary>
    /// One pass: deletes the entries that occurred more than the retention ago, and returns how many. Failures
    /// propagate (the hosted loop logs them and retries).
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var removed = await _store.DeleteAuditEntriesAsync(_time.GetUtcNow() - _retention, cancellationToken);
        if (removed > 0)
        {
            Log.AuditEntriesPruned(_logger, removed);
        }

        return removed;
    }

    /// <summary>Completes when the hosted loop has run every pass it was woken for and sleeps (for tests).</summary>
    internal Task WhenIdleAsync(CancellationToken cancellationToken) => _pass.WhenIdleAsync(cancellationToken);

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        _pass.RunAsync(RunOnceAsync, (retryAt, ex) => Log.AuditPruningFailed(_logger, retryAt, ex), stoppingToken);
}
