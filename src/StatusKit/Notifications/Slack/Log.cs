using Microsoft.Extensions.Logging;
using StatusKit.Notifications.Http;

namespace StatusKit.Notifications.Slack;

/// <summary>
/// Log events of the Slack notifier (event ids 4300-4399). Never logs the incoming-webhook URL: its path is the
/// credential.
/// </summary>
internal static partial class Log
{
    /// <summary>These events, as the chat poster writes them.</summary>
    public static readonly ChatPostLog Events = new(Delivered, Failed, Unusable);

    [LoggerMessage(EventId = 4301, EventName = "SlackDelivered", Level = LogLevel.Debug,
        Message = "Delivered Slack notification {NotificationId} to subscriber {SubscriberId}: HTTP {StatusCode} in {ElapsedMs} ms.")]
    public static partial void Delivered(ILogger logger, Guid notificationId, Guid subscriberId, int? statusCode, long elapsedMs);

    [LoggerMessage(EventId = 4302, EventName = "SlackDeliveryFailed", Level = LogLevel.Warning,
        Message = "Slack notification {NotificationId} to subscriber {SubscriberId} failed ({Kind}, attempt {Attempt}): {Error}")]
    public static partial void Failed(ILogger logger, Guid notificationId, Guid subscriberId, NotificationResultKind kind, int attempt, string? error);

    [LoggerMessage(EventId = 4303, EventName = "SlackSubscriberUnusable", Level = LogLevel.Warning,
        Message = "Slack notification {NotificationId} to subscriber {SubscriberId} cannot be sent: {Reason}")]
    public static partial void Unusable(ILogger logger, Guid notificationId, Guid subscriberId, string reason);
}
