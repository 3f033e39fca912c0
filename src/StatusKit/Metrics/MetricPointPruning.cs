using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusKit.Abstractions;
using StatusKit.Configuration;
using StatusKit.Hosting;

namespace StatusKit.Metrics;

/// <summary>
/// Deletes the page metrics' data points older than <see cref="StatusPagesOptions.MetricPointRetention"/>, of every
/// metric. A hosted service that runs a pass after start-up and then every <see cref="Interval"/> on one
/// <see cref="TimeProvider"/> timer.
/// </summary>
/// <remarks>
/// Two hosts running the pass delete each point once. A failing pass is logged and tried again after
/// <see cref="RetryDelay"/>; stopping the host cancels a pass without logging a failure.
/// </remarks>
internal sealed class MetricPointPruning : BackgroundService
{
    /// <summary>How often the pass runs.</summary>
    internal static readonly TimeSpan Interval = HourlyPass.Interval;

    /// <summary>How long after a failure the pass runs again.</summary>
    internal static readonly TimeSpan RetryDelay = HourlyPass.RetryDelay;

    private readonly IStatusStore _store;
    private readonly TimeProvider _time;
    private readonly TimeSpan _retention;
    private readonly ILogger<MetricPointPruning> _logger;
    private readonly HourlyPass _pass;

    public MetricPointPruning(
        IStatusStore store,
        IOptions<StatusPagesOptions> options,
        TimeProvider time,
        IHostApplicationLifetime? lifetime,
        ILogger<MetricPointPruning> logger)
    {
        _store = store;
        _retention = options.Value.MetricPointRetention;
        _time = time;
        _pass = new HourlyPass(time, lifetime);
        _logger = logger;
    }

    /// <summary>
    /// One pass: deletes the points measured more than the retention ago, and returns how many. Failures
    /// propagate (the hosted loop logs them and retries).
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var removed = await _store.DeleteMetricPointsAsync(_time.GetUtcNow() - _retention, cancellationToken);
        if (removed > 0)
        {
            Log.MetricPointsPruned(_logger, removed);
        }

        return removed;
    }

    /// <summary>Completes when the hosted loop has run every pass it was woken for and sleeps (for tests).</summary>
    internal Task WhenIdleAsync(CancellationToken cancellationToken) => _pass.WhenIdleAsync(cancellationToken);

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        _pass.RunAsync(RunOnceAsync, (retryAt, ex) => Log.MetricPruningFailed(_logger, retryAt, ex), stoppingToken);
}
