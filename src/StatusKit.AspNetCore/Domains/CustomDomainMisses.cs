using System.Collections.Concurrent;
using StatusKit.Engine;
using StatusKit.Snapshots;

namespace StatusKit.AspNetCore.Domains;

/// <summary>
/// The host names <see cref="CustomDomainDirectory"/> found to be no page's custom domain, each remembered for
/// <see cref="Retention"/> so the host's own traffic costs no store read per request; and forgotten at once when this host
/// takes up a snapshot of a page with that domain (<see cref="IPageSnapshotObserver"/>: a page created or edited here,
/// or another host's change told through a backplane for a page this host holds), so a domain set is served at once.
/// </summary>
internal sealed class CustomDomainMisses(TimeProvider time) : IPageSnapshotObserver
{
    /// <summary>
    /// How long a host name that is no page's custom domain is remembered as such: a domain set on another host, which
    /// this host hears nothing of, is served here within it.
    /// </summary>
    public static readonly TimeSpan Retention = TimeSpan.FromSeconds(30);

    // Hosts are the caller's to choose: the memory of unknown ones is bounded, and forgotten whole when full.
    private const int MaxUnknownHosts = 10_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _unknown = new(StringComparer.Ordinal);
    private long _heard; // how many snapshots with a domain were heard: a store read that raced one may be stale

    /// <summary>A mark to take before reading the store, and give back to <see cref="Remember"/>.</summary>
    public long Mark => Interlocked.Read(ref _heard);

    /// <summary>Whether <paramref name="domain"/> (normalised) was found to be no page's within <see cref="Retention"/>.</summary>
    public bool Remembers(string domain) => _unknown.TryGetValue(domain, out var until) && time.GetUtcNow() < until;

    /// <summary>
    /// Remembers <paramref name="domain"/> (normalised) as no page's, for <see cref="Retention"/>, unless a page's domain
    /// was heard of since <paramref name="mark"/> was taken (the store read may have missed it).
    /// </summary>
    public void Remember(string domain, long mark)
    {
        if (Mark != mark)
        {
            return;
        }

        if (_unknown.Count >= MaxUnknownHosts)
        {
            _unknown.Clear();
        }

        _unknown[domain] = time.GetUtcNow() + Retention;
    }

    /// <summary>Forgets <paramref name="domain"/>: it is a page's now.</summary>
    public void Forget(string domain) => _unknown.TryRemove(domain, out _);

    /// <inheritdoc />
    public void Observe(PageSnapshot snapshot)
    {
        if (snapshot.CustomDomain is { } domain)
        {
            Interlocked.Increment(ref _heard);
            Forget(domain);
        }
    }
}
