using Microsoft.Extensions.Logging;

namespace StatusKit.Metrics;

/// <summary>The page metrics' events (ids 1038-1039). Values are never logged.</summary>
internal static partial class Log
{
    [LoggerMessage(1038, LogLevel.Information, "Pruned {Count} page metric points older than the metric point retention")]
    public static partial void MetricPointsPruned(ILogger logger, int count);

    public static void MetricPruningFailed(ILogger logger, DateTimeOffset retryAt, Exception exception) =>
        MetricPruningFailedUtc(logger, retryAt.ToUniversalTime(), exception);

    [LoggerMessage(1039, LogLevel.Error, "Pruning page metric points failed; trying again at {RetryAt:" + LogTime.Utc + "}", EventName = "MetricPruningFailed")]
    private static partial void MetricPruningFailedUtc(ILogger logger, DateTimeOffset retryAt, Exception exception);
}
