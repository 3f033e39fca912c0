using System.Net;
using Microsoft.Extensions.Logging;

namespace StatusKit.Notifications.Http;

/// <summary>Log events of the outbound HTTP pieces (event ids 4100-4199).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4101, EventName = "DestinationAddressRefused", Level = LogLevel.Warning,
        Message = "Refused to connect to host {Host}: it resolves to {Address} ({Kind}).")]
    public static partial void AddressRefused(ILogger logger, string host, IPAddress address, RestrictedAddressKind kind);
}
