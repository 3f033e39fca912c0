namespace StatusKit.AspNetCore.Domains;

/// <summary>
/// Where <see cref="CustomDomainMiddleware"/> runs: where the host placed it with <c>app.UseStatusPageCustomDomains()</c>,
/// or else first in the pipeline (<see cref="CustomDomainStartupFilter"/>). One of the two, never both: the filter asks
/// when the pipeline is built, after the host's own code placed it or not, and a second placement throws.
/// </summary>
internal sealed class CustomDomainPlacement
{
    private int _placed;

    /// <summary>Whether the host placed the middleware itself.</summary>
    public bool IsPlaced => Volatile.Read(ref _placed) == 1;

    /// <summary>Records the host's placement; throws when it was placed already.</summary>
    public void Claim()
    {
        if (Interlocked.Exchange(ref _placed, 1) == 1)
        {
            throw new InvalidOperationException(
                "UseStatusPageCustomDomains was already called. Call it once, where the page's domain should be read: after " +
                "UseForwardedHeaders, and where UseRouting would go (it runs routing after itself).");
        }
    }
}
