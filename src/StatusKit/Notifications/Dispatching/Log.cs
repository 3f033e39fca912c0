using Microsoft.Extensions.Logging;
using StatusKit.Model;

namespace StatusKit.Notifications.Dispatching;

/// <summary>The dispatcher's log events (ids 1300-1399). Destinations, bodies and secrets are never logged.</summary>
internal static partial class Log
{
    [LoggerMessage(1300, LogLevel.Information, "Notification dispatcher {LeaseOwner} started")]
    public static partial void Started(ILogger logger, string leaseOwner);

    [LoggerMessage(1301, LogLevel.Information, "Notification dispatcher {LeaseOwner} stopped")]
    public static partial void Stopped(ILogger logger, string leaseOwner);

    [LoggerMessage(1302, LogLevel.Error, "A dispatcher pass failed; the next one starts in {Delay}")]
    public static partial void PassFailed(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(1303, LogLevel.Debug, "Dispatcher {LeaseOwner} claimed {Count} notifications")]
    public static partial void Claimed(ILogger logger, string leaseOwner, int count);

    [LoggerMessage(1304, LogLevel.Information, "Notification {NotificationId} delivered by {Channel} (attempt {Attempt})")]
    public static partial void Delivered(ILogger logger, Guid notificationId, SubscriberChannel channel, int attempt);

    public static void RetryScheduled(ILogger logger, Guid notificationId, int attempt, string? error, DateTimeOffset nextAttemptAt) =>
        RetryScheduledUtc(logger, notificationId, attempt, error, nextAttemptAt.ToUniversalTime());

    [LoggerMessage(1305, LogLevel.Warning, "Notification {NotificationId} attempt {Attempt} failed ({Error}); next attempt at {NextAttemptAt:" + LogTime.Utc + "}", EventName = "RetryScheduled")]
    private static partial void RetryScheduledUtc(ILogger logger, Guid notificationId, int attempt, string? error, DateTimeOffset nextAttemptAt);

    [LoggerMessage(1306, LogLevel.Error, "Notification {NotificationId} dead-lettered after {Attempts} attempts, failing on the sending side (the notifier or its configuration): {Error}")]
    public static partial void DeadLettered(ILogger logger, Guid notificationId, int attempts, string? error);

    [LoggerMessage(1307, LogLevel.Debug, "Notification {NotificationId} superseded: {Reason}")]
    public static partial void Superseded(ILogger logger, Guid notificationId, string reason);

    public static void Deferred(ILogger logger, Guid notificationId, Guid subscriberId, int cap, DateTimeOffset nextAttemptAt) =>
        DeferredUtc(logger, notificationId, subscriberId, cap, nextAttemptAt.ToUniversalTime());

    [LoggerMessage(1308, LogLevel.Information, "Notification {NotificationId} deferred to {NextAttemptAt:" + LogTime.Utc + "}: subscriber {SubscriberId} reached the cap of {Cap} per hour", EventName = "Deferred")]
    private static partial void DeferredUtc(ILogger logger, Guid notificationId, Guid subscriberId, int cap, DateTimeOffset nextAttemptAt);

    [LoggerMessage(1309, LogLevel.Information, "Folded {Count} deferred notifications for subscriber {SubscriberId} into digest {NotificationId}")]
    public static partial void DigestComposed(ILogger logger, int count, Guid subscriberId, Guid notificationId);

    [LoggerMessage(1310, LogLevel.Error, "No INotifier is registered for channel {Channel}; notification {NotificationId} stays queued until one is (register it with the AddStatusPages() builder)")]
    public static partial void NoNotifier(ILogger logger, SubscriberChannel channel, Guid notificationId);

    [LoggerMessage(1311, LogLevel.Warning, "The destination of subscriber {SubscriberId} is gone; the subscriber was deactivated")]
    public static partial void SubscriberGone(ILogger logger, Guid subscriberId);

    [LoggerMessage(1312, LogLevel.Warning, "Dispatcher {LeaseOwner} no longer held the lease of notification {NotificationId}; its outcome was not recorded")]
    public static partial void LeaseLost(ILogger logger, string leaseOwner, Guid notificationId);

    [LoggerMessage(1313, LogLevel.Information, "Dispatcher {LeaseOwner} released {Count} claimed notifications it did not send")]
    public static partial void Released(ILogger logger, string leaseOwner, int count);

    [LoggerMessage(1314, LogLevel.Warning, "The {Channel} notifier threw for notification {NotificationId}; treated as a failed attempt")]
    public static partial void NotifierThrew(ILogger logger, SubscriberChannel channel, Guid notificationId, Exception exception);

    [LoggerMessage(1315, LogLevel.Warning, "A store call of the dispatcher failed; retry {Attempt} in {Delay}")]
    public static partial void StoreRetry(ILogger logger, int attempt, TimeSpan delay, Exception? exception);

    [LoggerMessage(1316, LogLevel.Error, "Dispatching the notifications of subscriber {SubscriberId} failed; unsent ones were released")]
    public static partial void SubscriberFailed(ILogger logger, Guid subscriberId, Exception exception);

    [LoggerMessage(1317, LogLevel.Error, "Deactivating subscriber {SubscriberId} ({Reason}) failed")]
    public static partial void DeactivateFailed(ILogger logger, Guid subscriberId, SubscriberDeactivationReason reason, Exception exception);

    [LoggerMessage(1318, LogLevel.Warning, "Notification {NotificationId} released: too little of its lease is left for a send")]
    public static partial void LeaseTooShort(ILogger logger, Guid notificationId);

    [LoggerMessage(1319, LogLevel.Warning, "Notification {NotificationId} dead-lettered after {Attempts} attempts: the destination of subscriber {SubscriberId} failed: {Error}")]
    public static partial void DeadLetteredAtDestination(ILogger logger, Guid notificationId, int attempts, Guid subscriberId, string? error);

    [LoggerMessage(1320, LogLevel.Warning, "Subscriber {SubscriberId} ({Channel}) was deactivated: its last {Count} notices were dead-lettered with no delivery in between; an operator can reactivate it")]
    public static partial void DeactivatedAfterDeadLetters(ILogger logger, Guid subscriberId, SubscriberChannel channel, int count);

    [LoggerMessage(1321, LogLevel.Warning, "Counting the dead letters of subscriber {SubscriberId} failed; it stays active until the next dead letter asks again")]
    public static partial void DeadLetterCountFailed(ILogger logger, Guid subscriberId, Exception exception);
}
