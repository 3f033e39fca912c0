using Microsoft.Extensions.Logging;

namespace StatusKit.PostgreSql;

/// <summary>The PostgreSQL backplane's log events, with fixed ids (2000-2099).</summary>
internal static partial class Log
{
    [LoggerMessage(2000, LogLevel.Information, "Listening for status changes of other hosts on PostgreSQL channel {Channel}")]
    public static partial void Listening(ILogger logger, string channel);

    [LoggerMessage(2001, LogLevel.Warning, "Ignored a notification on channel {Channel} that is not a StatusKit page change")]
    public static partial void UnreadableNotification(ILogger logger, string channel, Exception? exception);

    [LoggerMessage(2002, LogLevel.Warning, "A change event of page {PageId} does not fit a PostgreSQL notification; the other hosts rebuild the page without it")]
    public static partial void EventTooLarge(ILogger logger, Guid pageId);
}
