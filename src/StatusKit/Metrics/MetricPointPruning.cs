using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusKit.Abstractions;
using StatusKit.Configuration;
using StatusKit.Hosting;

namespace StatusKit.Metrics;

/// <summary>
/// Deletes the page metrics' data points measured longer ago than <see cref="StatusPagesOptions.MetricPointRetention"/>,
/// of every metric, every hour.
/// </summary>
/// <remarks>Two hosts running the pass delete each point once.</remarks>
internal sealed class MetricPointPruning(
    IStatusStore store,
    IOptions<StatusPagesOptions> options,
    TimeProvider time,
    IHostApplicationLifetime? lifetime,
    ILogger<MetricPointPruning> logger)
    : HourlyCleanup(time, options.Value.MetricPointRetention, lifetime)
{
    /// <inheritdoc />
    protected override Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        store.DeleteMetricPointsAsync(cutoff, cancellationToken);

    /// <inheritdoc />
    protected override void LogRemoved(int count) => Log.MetricPointsPruned(logger, count);

    /// <inheritdoc />
    protected override void LogFailed(DateTimeOffset retryAt, Exception exception) =>
        Log.MetricPruningFailed(logger, retryAt, exception);
}
