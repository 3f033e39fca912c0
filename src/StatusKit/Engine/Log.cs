using Microsoft.Extensions.Logging;
using StatusKit.Status;

namespace StatusKit.Engine;

/// <summary>
/// The engine's log events, with fixed ids (1000-1099, 1430-1439 for the backplane's resync, and 1443 for held notices a
/// recompute moved after its commit).
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Information, "Incident signal {IncidentId} v{Version} for team {TeamId}: {Result}")]
    public static partial void SignalStored(ILogger logger, string incidentId, long version, string teamId, string result);

    [LoggerMessage(1001, LogLevel.Warning, "Unknown incident priority '{Priority}' maps to {Status}; add it to StatusPagesOptions.PriorityMap")]
    public static partial void UnknownPriority(ILogger logger, string priority, ComponentStatus status);

    [LoggerMessage(1002, LogLevel.Information, "Component {ComponentId} on page {PageId}: {OldStatus} -> {NewStatus} ({Cause})")]
    public static partial void ComponentStatusChanged(ILogger logger, Guid componentId, Guid pageId, ComponentStatus oldStatus, ComponentStatus newStatus, string cause);

    [LoggerMessage(1003, LogLevel.Debug, "Recompute of {Scope} lost a compare-and-set race; reloading (attempt {Attempt})")]
    public static partial void RecomputeConflict(ILogger logger, string scope, int attempt);

    [LoggerMessage(1004, LogLevel.Error, "Recompute of {Scope} failed; retrying in {Delay}")]
    public static partial void RecomputeFailed(ILogger logger, string scope, TimeSpan delay, Exception exception);

    [LoggerMessage(1005, LogLevel.Warning, "Status cache {Operation} failed for page {PageId}; continuing without the cache")]
    public static partial void CacheFailed(ILogger logger, string operation, Guid pageId, Exception exception);

    public static void ServingStaleSnapshot(ILogger logger, Guid pageId, DateTimeOffset generatedAt, Exception exception) =>
        ServingStaleSnapshotUtc(logger, pageId, generatedAt.ToUniversalTime(), exception);

    [LoggerMessage(1006, LogLevel.Warning, "Store failed while loading page {PageId}; serving the stale snapshot from {GeneratedAt:" + LogTime.Utc + "}", EventName = "ServingStaleSnapshot")]
    private static partial void ServingStaleSnapshotUtc(ILogger logger, Guid pageId, DateTimeOffset generatedAt, Exception exception);

    [LoggerMessage(1007, LogLevel.Warning, "Recompute of {Scope} did not settle after {Attempts} attempts; it will run again")]
    public static partial void RecomputeUnsettled(ILogger logger, string scope, int attempts);

    [LoggerMessage(1008, LogLevel.Error, "Refreshing the snapshot of page {PageId} failed")]
    public static partial void SnapshotRefreshFailed(ILogger logger, Guid pageId, Exception exception);

    [LoggerMessage(1009, LogLevel.Information, "Warmed {Count} page snapshots")]
    public static partial void SnapshotsWarmed(ILogger logger, int count);

    [LoggerMessage(1010, LogLevel.Warning, "Publishing the change of page {PageId} to the backplane failed; other hosts see it at their next change or snapshot expiry")]
    public static partial void BackplanePublishFailed(ILogger logger, Guid pageId, Exception exception);

    [LoggerMessage(1011, LogLevel.Warning, "The status change backplane failed; subscribing again in {Delay}")]
    public static partial void BackplaneSubscriptionFailed(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(1012, LogLevel.Warning, "The backplane's send queue was full; dropped the oldest change (page {PageId})")]
    public static partial void BackplaneQueueFull(ILogger logger, Guid pageId);

    [LoggerMessage(1013, LogLevel.Debug, "Page {PageId} changed on another host ({Count} feed events)")]
    public static partial void RemotePageChanged(ILogger logger, Guid pageId, int count);

    [LoggerMessage(1014, LogLevel.Information, "The manual status of {Count} component(s) expired; recomputed them")]
    public static partial void ManualStatusesExpired(ILogger logger, int count);

    public static void ManualStatusExpiryFailed(ILogger logger, DateTimeOffset retryAt, Exception exception) =>
        ManualStatusExpiryFailedUtc(logger, retryAt.ToUniversalTime(), exception);

    [LoggerMessage(1015, LogLevel.Error, "Ending expired manual statuses failed; trying again at {RetryAt:" + LogTime.Utc + "}", EventName = "ManualStatusExpiryFailed")]
    private static partial void ManualStatusExpiryFailedUtc(ILogger logger, DateTimeOffset retryAt, Exception exception);

    [LoggerMessage(1016, LogLevel.Warning, "Warming the page snapshots at start-up failed; each page's snapshot is built when it is first read")]
    public static partial void SnapshotWarmupFailed(ILogger logger, Exception exception);

    [LoggerMessage(1017, LogLevel.Information, "Deleted {Count} subscriptions that were never confirmed and whose verification token expired")]
    public static partial void UnverifiedSubscribersRemoved(ILogger logger, int count);

    public static void UnverifiedSubscriberCleanupFailed(ILogger logger, DateTimeOffset retryAt, Exception exception) =>
        UnverifiedSubscriberCleanupFailedUtc(logger, retryAt.ToUniversalTime(), exception);

    [LoggerMessage(1018, LogLevel.Error, "Deleting the subscriptions that were never confirmed failed; trying again at {RetryAt:" + LogTime.Utc + "}", EventName = "UnverifiedSubscriberCleanupFailed")]
    private static partial void UnverifiedSubscriberCleanupFailedUtc(ILogger logger, DateTimeOffset retryAt, Exception exception);

    [LoggerMessage(1019, LogLevel.Warning, "Incident signal {IncidentId} v{Version} for team {TeamId} refused: the stored signal with that version differs in {Fields}; versions must increase with every change, or the change is lost")]
    public static partial void SignalVersionReused(ILogger logger, string incidentId, long version, string teamId, string fields);

    [LoggerMessage(1430, LogLevel.Information, "The status change backplane listens again, {Gap} after it stopped; rebuilding the {Count} page snapshot(s) this host holds, which may have missed changes meanwhile")]
    public static partial void BackplaneListeningAgain(ILogger logger, TimeSpan gap, int count);

    [LoggerMessage(1431, LogLevel.Information, "Page {PageId} changed while this host was not listening to the backplane; its rebuilt snapshot told the feed {Count} event(s)")]
    public static partial void MissedPageChange(ILogger logger, Guid pageId, int count);

    public static void HeldNoticesFollowed(ILogger logger, string scope, int count, DateTimeOffset heldUntil, DateTimeOffset dueAt) =>
        HeldNoticesFollowedUtc(logger, scope, count, heldUntil.ToUniversalTime(), dueAt.ToUniversalTime());

    [LoggerMessage(1443, LogLevel.Information, "Recompute of {Scope} moved the notices of {Count} components it held until {HeldUntil:" + LogTime.Utc + "} to {DueAt:" + LogTime.Utc + "}: their maintenance changed before its commit", EventName = "HeldNoticesFollowed")]
    private static partial void HeldNoticesFollowedUtc(ILogger logger, string scope, int count, DateTimeOffset heldUntil, DateTimeOffset dueAt);
}
