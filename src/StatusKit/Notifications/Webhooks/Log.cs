using Microsoft.Extensions.Logging;

namespace StatusKit.Notifications.Webhooks;

/// <summary>Log events of the webhook notifier (event ids 4200-4299). Never logs secrets, signatures or full URLs.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4201, EventName = "WebhookDelivered", Level = LogLevel.Debug,
        Message = "Delivered webhook notification {NotificationId} to subscriber {SubscriberId} at host {Host}: HTTP {StatusCode} in {ElapsedMs} ms.")]
    public static partial void Delivered(ILogger logger, Guid notificationId, Guid subscriberId, string host, int? statusCode, long elapsedMs);

    [LoggerMessage(EventId = 4202, EventName = "WebhookDeliveryFailed", Level = LogLevel.Warning,
        Message = "Webhook notification {NotificationId} to subscriber {SubscriberId} at host {Host} failed ({Kind}, attempt {Attempt}): {Error}")]
    public static partial void Failed(ILogger logger, Guid notificationId, Guid subscriberId, string host, NotificationResultKind kind, int attempt, string? error);

    [LoggerMessage(EventId = 4203, EventName = "WebhookSubscriberUnusable", Level = LogLevel.Warning,
        Message = "Webhook notification {NotificationId} to subscriber {SubscriberId} cannot be sent: {Reason}")]
    public static partial void Unusable(ILogger logger, Guid notificationId, Guid subscriberId, string reason);
}
