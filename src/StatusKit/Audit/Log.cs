using Microsoft.Extensions.Logging;

namespace StatusKit.Audit;

/// <summary>The audit log's events (ids 1034-1036). Field values are never logged, only names and ids.</summary>
internal static partial class Log
{
    [LoggerMessage(1034, LogLevel.Warning, "The audit entry {Action} for {TargetKind} {TargetId} of page {PageId} could not be written; the change itself is stored, its audit entry is lost")]
    public static partial void AuditEntryLost(ILogger logger, string action, string targetKind, Guid targetId, Guid pageId, Exception exception);

    [LoggerMessage(1035, LogLevel.Information, "Pruned {Count} audit entries older than the audit log retention")]
    public static partial void AuditEntriesPruned(ILogger logger, int count);

    public static void AuditPruningFailed(ILogger logger, DateTimeOffset retryAt, Exception exception) =>
        AuditPruningFailedUtc(logger, retryAt.ToUniversalTime(), exception);

    [LoggerMessage(1036, LogLevel.Error, "Pruning the audit log failed; trying again at {RetryAt:" + LogTime.Utc + "}", EventName = "AuditPruningFailed")]
    private static partial void AuditPruningFailedUtc(ILogger logger, DateTimeOffset retryAt, Exception exception);
}
