using Microsoft.Extensions.Logging;

namespace StatusKit.AspNetCore;

/// <summary>
/// The endpoints' log events, with fixed ids (1400-1499); the public subscription routes' are in
/// <see cref="Subscriptions.Log"/>, under a category of their own.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1400, LogLevel.Warning, "The StatusKit admin API at {Prefix}/admin has no authorization policy; it is open because the environment is Development. Set StatusPageEndpointOptions.AdminAuthorizationPolicy")]
    public static partial void AdminApiOpen(ILogger logger, string prefix);

    [LoggerMessage(1401, LogLevel.Debug, "SSE client connected to page {PageId} (resuming after {LastEventId})")]
    public static partial void EventStreamOpened(ILogger logger, Guid pageId, long lastEventId);

    [LoggerMessage(1402, LogLevel.Debug, "SSE client of page {PageId} disconnected")]
    public static partial void EventStreamClosed(ILogger logger, Guid pageId);

    [LoggerMessage(1403, LogLevel.Error, "The StatusKit event relay stopped unexpectedly; live updates resume when it restarts")]
    public static partial void RelayFailed(ILogger logger, Exception exception);

    [LoggerMessage(1404, LogLevel.Information, "Rejected a private-page request for '{Slug}': no valid access token")]
    public static partial void PrivatePageRefused(ILogger logger, string slug);

    [LoggerMessage(1405, LogLevel.Information, "Admin API {Method} {Path} refused: {Field}: {Message}")]
    public static partial void AdminRequestRefused(ILogger logger, string method, string path, string? field, string message);

    [LoggerMessage(1407, LogLevel.Warning, "The StatusKit pages at {Prefix} have no StatusPagesOptions.PublicBaseAddress: subscribers get a confirmation code instead of a link, and notifications carry no links. Set PublicBaseAddress (and LinkSigningKey) to the pages' public address")]
    public static partial void NoPublicBaseAddress(ILogger logger, string prefix);

    [LoggerMessage(1408, LogLevel.Information, "Ended an SSE stream of page {PageId}: the page is gone, private, or has a new access token")]
    public static partial void EventStreamAccessLapsed(ILogger logger, Guid pageId);

    [LoggerMessage(1411, LogLevel.Information, "Refused an SSE stream of page {PageId}: the client holds the most streams allowed open")]
    public static partial void EventStreamLimitReached(ILogger logger, Guid pageId);

    [LoggerMessage(1415, LogLevel.Warning, "Could not make the '{Variant}' document of page {PageId}; its last rendering, made {Age} ago, is sent instead and tried again after PublicCacheMaxAge")]
    public static partial void LastRenderingServed(ILogger logger, string variant, Guid pageId, TimeSpan age, Exception exception);
}
