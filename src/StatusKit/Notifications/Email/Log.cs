using Microsoft.Extensions.Logging;

namespace StatusKit.Notifications.Email;

/// <summary>Log events of the email notifier (event ids 4400-4499). Never logs message bodies or credentials.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4401, EventName = "EmailSent", Level = LogLevel.Debug,
        Message = "Sent email notification {NotificationId} to subscriber {SubscriberId}.")]
    public static partial void Sent(ILogger logger, Guid notificationId, Guid subscriberId);

    [LoggerMessage(EventId = 4402, EventName = "EmailSendFailed", Level = LogLevel.Warning,
        Message = "Email notification {NotificationId} to subscriber {SubscriberId} failed ({Kind}, attempt {Attempt}): {Error}")]
    public static partial void Failed(ILogger logger, Guid notificationId, Guid subscriberId, NotificationResultKind kind, int attempt, string? error);
}
