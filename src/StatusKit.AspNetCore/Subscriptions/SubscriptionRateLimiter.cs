using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace StatusKit.AspNetCore.Subscriptions;

/// <summary>
/// A fixed-window limit on subscription requests per client address (ASP.NET Core's
/// <see cref="PartitionedRateLimiter"/>), enforced by the endpoint itself so the host need not add the middleware. An
/// IPv6 client counts by its /64 prefix, which a single client (one home line, one cloud instance) usually holds in
/// full; an IPv4 client (also when seen as <c>::ffff:a.b.c.d</c> on a dual-stack socket) by its address.
/// </summary>
internal sealed class SubscriptionRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public SubscriptionRateLimiter(IOptions<StatusPageEndpointOptions> options)
    {
        var limit = options.Value.SubscriptionPermitLimit;
        var window = options.Value.SubscriptionWindow;
        _limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Takes a permit for the client; false when its window is used up. Sets <paramref name="retryAfter"/> when known.</summary>
    public bool TryAcquire(IPAddress? clientAddress, out TimeSpan? retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(Partition(clientAddress));
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : null;
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();

    /// <summary>The partition of a client: its IPv4 address, or the /64 prefix of its IPv6 address.</summary>
    internal static string Partition(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes).ToString() + "/64";
    }
}
