using System.Net;
using Microsoft.Extensions.Options;
using StatusKit.AspNetCore.Access;

namespace StatusKit.AspNetCore.Subscriptions;

/// <summary>
/// Fixed-window limits on subscription requests (<see cref="FixedWindowLimit"/>, on the injected
/// <see cref="TimeProvider"/>), enforced by the endpoints themselves so the host need not add the rate-limiting
/// middleware: per client address, and per destination, so that clients at many addresses cannot flood one mailbox or
/// endpoint with confirmation messages. Clients are told apart by <see cref="ClientPartition"/> (an IPv6 client by its
/// /64 prefix). The routes whose URL holds a token (confirm, unsubscribe, manage) have a per-client limit of their own
/// (<see cref="TryAcquireTokenLink"/>), so nobody can guess tokens, or load the store, at the speed of the network.
/// </summary>
internal sealed class SubscriptionRateLimiter
{
    private readonly FixedWindowLimit _clients;
    private readonly FixedWindowLimit _destinations;
    private readonly FixedWindowLimit _tokenLinks;

    public SubscriptionRateLimiter(IOptions<StatusPageEndpointOptions> options, TimeProvider time)
    {
        var value = options.Value;
        _clients = new FixedWindowLimit(value.SubscriptionPermitLimit, value.SubscriptionWindow, time);
        _destinations = new FixedWindowLimit(value.SubscriptionDestinationPermitLimit, value.SubscriptionDestinationWindow, time);
        _tokenLinks = new FixedWindowLimit(value.TokenLinkPermitLimit, value.TokenLinkWindow, time);
    }

    /// <summary>Takes a permit for the client; false when its window is used up, with the time left of it in <paramref name="retryAfter"/>.</summary>
    public bool TryAcquire(IPAddress? clientAddress, out TimeSpan retryAfter) =>
        _clients.TryAcquire(ClientPartition.Of(clientAddress), out retryAfter);

    /// <summary>
    /// Takes a permit for the destination (compared ignoring case and surrounding white space, on any page); false when
    /// its window is used up, with the time left of it in <paramref name="retryAfter"/>.
    /// </summary>
    public bool TryAcquireDestination(string channel, string destination, out TimeSpan retryAfter) =>
        _destinations.TryAcquire($"{channel.Trim().ToUpperInvariant()} {destination.Trim().ToUpperInvariant()}", out retryAfter);

    /// <summary>
    /// Takes a permit for a request of the client to a route whose URL holds a token; false when its window is used up,
    /// with the time left of it in <paramref name="retryAfter"/>.
    /// </summary>
    public bool TryAcquireTokenLink(IPAddress? clientAddress, out TimeSpan retryAfter) =>
        _tokenLinks.TryAcquire(ClientPartition.Of(clientAddress), out retryAfter);
}
