using System.Net;
using Microsoft.Extensions.Logging;

namespace StatusKit.Notifications.Http;

/// <summary>Log events of the outbound HTTP pieces (event ids 4100-4199).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4101, EventName = "DestinationAddressRefused", Level = LogLevel.Warning,
        Message = "Refused to connect to host {Host}: it resolves to {Address} ({Kind}).")]
    public static partial void AddressRefused(ILogger logger, string host, IPAddress address, RestrictedAddressKind kind);

    // Someone typed the address (a visitor on the public subscribe form, an operator): their input, not the host's
    // problem, so it does not warn. A delivery to an accepted address that now resolves to a refused one (4101) does.
    [LoggerMessage(EventId = 4102, EventName = "SubscriptionAddressRefused", Level = LogLevel.Information,
        Message = "Refused a destination on host {Host} when subscribing: it resolves to {Address} ({Kind}).")]
    public static partial void SubscriptionAddressRefused(ILogger logger, string host, IPAddress address, RestrictedAddressKind kind);
}
