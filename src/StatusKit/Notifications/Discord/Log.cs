using Microsoft.Extensions.Logging;
using StatusKit.Notifications.Http;

namespace StatusKit.Notifications.Discord;

/// <summary>
/// Log events of the Discord notifier (event ids 4504-4506). Never logs the webhook URL: its last segment is the
/// webhook's token, the credential.
/// </summary>
internal static partial class Log
{
    /// <summary>These events, as the chat poster writes them.</summary>
    public static readonly ChatPostLog Events = new(Delivered, Failed, Unusable);

    [LoggerMessage(EventId = 4504, EventName = "DiscordDelivered", Level = LogLevel.Debug,
        Message = "Delivered Discord notification {NotificationId} to subscriber {SubscriberId}: HTTP {StatusCode} in {ElapsedMs} ms.")]
    public static partial void Delivered(ILogger logger, Guid notificationId, Guid subscriberId, int? statusCode, long elapsedMs);

    [LoggerMessage(EventId = 4505, EventName = "DiscordDeliveryFailed", Level = LogLevel.Warning,
        Message = "Discord notification {NotificationId} to subscriber {SubscriberId} failed ({Kind}, attempt {Attempt}): {Error}")]
    public static partial void Failed(ILogger logger, Guid notificationId, Guid subscriberId, NotificationResultKind kind, int attempt, string? error);

    [LoggerMessage(EventId = 4506, EventName = "DiscordSubscriberUnusable", Level = LogLevel.Warning,
        Message = "Discord notification {NotificationId} to subscriber {SubscriberId} cannot be sent: {Reason}")]
    public static partial void Unusable(ILogger logger, Guid notificationId, Guid subscriberId, string reason);
}
