using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace StatusKit.AspNetCore.Subscriptions;

/// <summary>
/// A fixed-window limit on subscription requests per client address (ASP.NET Core's
/// <see cref="PartitionedRateLimiter"/>), enforced by the endpoint itself so the host need not add the middleware.
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

    /// <summary>Takes a permit for the address; false when its window is used up. Sets <paramref name="retryAfter"/> when known.</summary>
    public bool TryAcquire(string clientAddress, out TimeSpan? retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(clientAddress);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : null;
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
