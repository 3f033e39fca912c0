using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using StatusKit.AspNetCore.Access;

namespace StatusKit.AspNetCore.Subscriptions;

/// <summary>
/// Fixed-window limits on subscription requests (ASP.NET Core's <see cref="PartitionedRateLimiter"/>), enforced by the
/// endpoint itself so the host need not add the middleware: per client address, and per destination, so that clients
/// at many addresses cannot flood one mailbox or endpoint with confirmation messages. Clients are told apart by
/// <see cref="ClientPartition"/> (an IPv6 client by its /64 prefix). The routes whose URL holds a token (confirm,
/// unsubscribe, manage) have a per-client limit of their own (<see cref="TryAcquireTokenLink"/>), on the injected
/// <see cref="TimeProvider"/>, so nobody can guess tokens, or load the store, at the speed of the network.
/// </summary>
internal sealed class SubscriptionRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _clients;
    private readonly PartitionedRateLimiter<string> _destinations;
    private readonly ClientWindowLimit _tokenLinks;

    public SubscriptionRateLimiter(IOptions<StatusPageEndpointOptions> options, TimeProvider time)
    {
        var value = options.Value;
        _clients = Create(value.SubscriptionPermitLimit, value.SubscriptionWindow);
        _destinations = Create(value.SubscriptionDestinationPermitLimit, value.SubscriptionDestinationWindow);
        _tokenLinks = new ClientWindowLimit(value.TokenLinkPermitLimit, value.TokenLinkWindow, time);
    }

    /// <summary>Takes a permit for the client; false when its window is used up. Sets <paramref name="retryAfter"/> when known.</summary>
    public bool TryAcquire(IPAddress? clientAddress, out TimeSpan? retryAfter) =>
        TryAcquire(_clients, ClientPartition.Of(clientAddress), out retryAfter);

    /// <summary>
    /// Takes a permit for the destination (compared ignoring case and surrounding white space, on any page); false when
    /// its window is used up. Sets <paramref name="retryAfter"/> when known.
    /// </summary>
    public bool TryAcquireDestination(string channel, string destination, out TimeSpan? retryAfter) =>
        TryAcquire(_destinations, $"{channel.Trim().ToUpperInvariant()} {destination.Trim().ToUpperInvariant()}", out retryAfter);

    /// <summary>
    /// Takes a permit for a request of the client to a route whose URL holds a token; false when its window is used up,
    /// with the time left of it in <paramref name="retryAfter"/>.
    /// </summary>
    public bool TryAcquireTokenLink(IPAddress? clientAddress, out TimeSpan retryAfter) =>
        _tokenLinks.TryAcquire(clientAddress, out retryAfter);

    public void Dispose()
    {
        _clients.Dispose();
        _destinations.Dispose();
    }

    private static bool TryAcquire(PartitionedRateLimiter<string> limiter, string partition, out TimeSpan? retryAfter)
    {
        using var lease = limiter.AttemptAcquire(partition);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : null;
        return lease.IsAcquired;
    }

    private static PartitionedRateLimiter<string> Create(int limit, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
