using Microsoft.Extensions.Logging;
using StatusKit.Status;

namespace StatusKit.Upstream;

/// <summary>The upstream poller's log events, with fixed ids (1042-1049, 1051).</summary>
internal static partial class Log
{
    [LoggerMessage(1042, LogLevel.Debug, "Read upstream {Url} for {Count} component(s) (not modified: {NotModified})")]
    public static partial void UpstreamRead(ILogger logger, string url, int count, bool notModified);

    [LoggerMessage(1043, LogLevel.Information, "Component {ComponentId} reads {Status} from its upstream {Url} (was {OldStatus})")]
    public static partial void UpstreamStatusChanged(ILogger logger, Guid componentId, string url, ComponentStatus status, ComponentStatus oldStatus);

    [LoggerMessage(1044, LogLevel.Warning, "Reading upstream {Url} failed ({Reason}); its {Count} component(s) keep the status last read")]
    public static partial void UpstreamUnreachable(ILogger logger, string url, string reason, int count, Exception? exception);

    [LoggerMessage(1045, LogLevel.Warning, "Upstream {Url} did not answer a Statuspage summary: {Reason}; its {Count} component(s) keep the status last read")]
    public static partial void UpstreamBodyInvalid(ILogger logger, string url, string reason, int count);

    [LoggerMessage(1046, LogLevel.Warning, "Upstream {Url} gives no status for component '{UpstreamComponentId}' ({Reason}); component {ComponentId} keeps the status last read")]
    public static partial void UpstreamComponentMissing(ILogger logger, string url, string upstreamComponentId, string reason, Guid componentId);

    [LoggerMessage(1047, LogLevel.Warning, "Upstream {Url} was not read: its host does not resolve to a public address (WebhookAddressGuardOptions.AllowPrivateNetworks allows private ones)")]
    public static partial void UpstreamRefused(ILogger logger, string url);

    [LoggerMessage(1051, LogLevel.Information, "Component {ComponentId} shows {Status} although its upstream {Url} was last read {UpstreamStatus}: not recomputed since that reading was recorded (the host that recorded it may have stopped first); recomputing it")]
    public static partial void UpstreamStatusLagging(ILogger logger, Guid componentId, string url, ComponentStatus upstreamStatus, ComponentStatus status);

    public static void PassFailed(ILogger logger, DateTimeOffset retryAt, Exception exception) => PassFailedUtc(logger, retryAt.ToUniversalTime(), exception);

    [LoggerMessage(1048, LogLevel.Error, "The upstream poll failed; next pass at {RetryAt:" + LogTime.Utc + "}", EventName = "UpstreamPassFailed")]
    private static partial void PassFailedUtc(ILogger logger, DateTimeOffset retryAt, Exception exception);
}
