using Microsoft.Extensions.Logging;

namespace StatusKit.Notifications.Http;

/// <summary>A chat notifier's own log events (its event ids and wording), which <see cref="ChatPoster"/> writes.</summary>
/// <param name="Delivered">The message was delivered: notification, subscriber, HTTP status, elapsed milliseconds.</param>
/// <param name="Failed">The attempt failed: notification, subscriber, result kind, attempt, error.</param>
/// <param name="Unusable">The destination cannot be posted to at all: notification, subscriber, reason.</param>
internal sealed record ChatPostLog(
    Action<ILogger, Guid, Guid, int?, long> Delivered,
    Action<ILogger, Guid, Guid, NotificationResultKind, int, string?> Failed,
    Action<ILogger, Guid, Guid, string> Unusable);
