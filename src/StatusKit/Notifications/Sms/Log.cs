using Microsoft.Extensions.Logging;

namespace StatusKit.Notifications.Sms;

/// <summary>
/// Log events of the SMS notifier (event ids 4507-4509). Never logs the auth token, the message text or a whole phone
/// number: a number appears only as its last digits (<see cref="PhoneNumber.Mask"/>).
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4507, EventName = "SmsDelivered", Level = LogLevel.Debug,
        Message = "Delivered SMS notification {NotificationId} to subscriber {SubscriberId} ({MaskedNumber}, {Segments} segment(s)): HTTP {StatusCode} in {ElapsedMs} ms.")]
    public static partial void Delivered(ILogger logger, Guid notificationId, Guid subscriberId, string maskedNumber, int segments, int? statusCode, long elapsedMs);

    [LoggerMessage(EventId = 4508, EventName = "SmsDeliveryFailed", Level = LogLevel.Warning,
        Message = "SMS notification {NotificationId} to subscriber {SubscriberId} ({MaskedNumber}) failed ({Kind}, attempt {Attempt}): {Error}")]
    public static partial void Failed(ILogger logger, Guid notificationId, Guid subscriberId, string maskedNumber, NotificationResultKind kind, int attempt, string? error);

    [LoggerMessage(EventId = 4509, EventName = "SmsSubscriberUnusable", Level = LogLevel.Warning,
        Message = "SMS notification {NotificationId} to subscriber {SubscriberId} cannot be sent: {Reason}")]
    public static partial void Unusable(ILogger logger, Guid notificationId, Guid subscriberId, string reason);
}
