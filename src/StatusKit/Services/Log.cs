using Microsoft.Extensions.Logging;
using StatusKit.Model;

namespace StatusKit.Services;

/// <summary>The services' log events (ids 1025-1029). Destinations, bodies and tokens are never logged.</summary>
internal static partial class Log
{
    [LoggerMessage(1025, LogLevel.Information, "Test notification {NotificationId} queued for subscriber {SubscriberId} by {Channel}")]
    public static partial void TestNotificationQueued(ILogger logger, Guid notificationId, Guid subscriberId, SubscriberChannel channel);
}
