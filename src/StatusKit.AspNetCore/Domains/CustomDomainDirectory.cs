using System.Collections.Concurrent;
using System.Net;
using StatusKit.Abstractions;
using StatusKit.Engine;

namespace StatusKit.AspNetCore.Domains;

/// <summary>
/// Which page, if any, a request's host name is the custom domain of: asked by every request when custom domains are
/// served, so it answers from memory. A domain found is kept with its page id and checked against the page's snapshot
/// (which the engine refreshes on every change of the page, as <see cref="IStatusPageReader.GetSnapshotBySlugAsync"/>
/// checks a slug it remembered), so a domain moved or cleared stops being served at once; a host that is no page's
/// domain is remembered as such (<see cref="CustomDomainMisses"/>: for 30 seconds, or until this host takes up a
/// snapshot of a page with that domain), so the host's own traffic costs no store read.
/// </summary>
internal sealed class CustomDomainDirectory
{
    private readonly IStatusStore _store;
    private readonly IStatusPageReader _reader;
    private readonly CustomDomainMisses _misses;
    private readonly ConcurrentDictionary<string, Guid> _known = new(StringComparer.Ordinal);

    public CustomDomainDirectory(IStatusStore store, IStatusPageReader reader, CustomDomainMisses misses)
    {
        _store = store;
        _reader = reader;
        _misses = misses;
    }

    /// <summary>
    /// The slug of the page whose custom domain is <paramref name="host"/> (a Host header's name, without port), or
    /// null when it is none's.
    /// </summary>
    public async ValueTask<string?> SlugOfAsync(string host, CancellationToken cancellationToken)
    {
        var domain = Normalize(host);
        if (domain is null)
        {
            return null;
        }

        if (_known.TryGetValue(domain, out var pageId))
        {
            var snapshot = await _reader.GetSnapshotAsync(pageId, cancellationToken);
            if (snapshot is not null && string.Equals(snapshot.CustomDomain, domain, StringComparison.Ordinal))
            {
                return snapshot.Slug;
            }

            _known.TryRemove(KeyValuePair.Create(domain, pageId));
        }

        if (_misses.Remembers(domain))
        {
            return null;
        }

        var mark = _misses.Mark;
        var page = await _store.GetPageByCustomDomainAsync(domain, cancellationToken);
        if (page is null)
        {
            _misses.Remember(domain, mark);
            return null;
        }

        _misses.Forget(domain);
        _known[domain] = page.Id;
        return (await _reader.GetSnapshotAsync(page.Id, cancellationToken))?.Slug;
    }

    // A custom domain is a lowercase DNS name of two labels or more (CustomDomainGuard): "localhost", an IP address or an
    // empty Host can never be one, and never cost a lookup.
    private static string? Normalize(string host)
    {
        var name = host.TrimEnd('.').ToLowerInvariant();
        return name.Length is 0 or > 253 || !name.Contains('.', StringComparison.Ordinal) || IPAddress.TryParse(name, out _)
            ? null
            : name;
    }
}
