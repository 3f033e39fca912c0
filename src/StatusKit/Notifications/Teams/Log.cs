using Microsoft.Extensions.Logging;
using StatusKit.Notifications.Http;

namespace StatusKit.Notifications.Teams;

/// <summary>
/// Log events of the Microsoft Teams notifier (event ids 4501-4503). Never logs the workflow URL: its query string
/// (<c>sig=…</c>) is the credential.
/// </summary>
internal static partial class Log
{
    /// <summary>These events, as the chat poster writes them.</summary>
    public static readonly ChatPostLog Events = new(Delivered, Failed, Unusable);

    [LoggerMessage(EventId = 4501, EventName = "TeamsDelivered", Level = LogLevel.Debug,
        Message = "Delivered Teams notification {NotificationId} to subscriber {SubscriberId}: HTTP {StatusCode} in {ElapsedMs} ms.")]
    public static partial void Delivered(ILogger logger, Guid notificationId, Guid subscriberId, int? statusCode, long elapsedMs);

    [LoggerMessage(EventId = 4502, EventName = "TeamsDeliveryFailed", Level = LogLevel.Warning,
        Message = "Teams notification {NotificationId} to subscriber {SubscriberId} failed ({Kind}, attempt {Attempt}): {Error}")]
    public static partial void Failed(ILogger logger, Guid notificationId, Guid subscriberId, NotificationResultKind kind, int attempt, string? error);

    [LoggerMessage(EventId = 4503, EventName = "TeamsSubscriberUnusable", Level = LogLevel.Warning,
        Message = "Teams notification {NotificationId} to subscriber {SubscriberId} cannot be sent: {Reason}")]
    public static partial void Unusable(ILogger logger, Guid notificationId, Guid subscriberId, string reason);
}
