using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using StatusKit.Snapshots;

namespace StatusKit.AspNetCore.Access;

/// <summary>ETag, If-None-Match and Cache-Control for page documents.</summary>
internal static class HttpCaching
{
    /// <summary>What no cache keeps: a private page's answers, and any answer to a URL that names an access token.</summary>
    public const string PrivateNoStore = "private, no-store";

    /// <summary>
    /// Sets ETag and Cache-Control: <paramref name="publicCacheControl"/> (<see cref="PublicCacheControl"/>) for a public
    /// page read without <c>?access_token=</c> in its URL; private, no-store otherwise (a shared cache would keep the
    /// answer under a URL holding a token). A public page's answer is the same whoever asks (a cookie or
    /// <c>Authorization</c> opens only private pages), so it varies by <c>Accept-Encoding</c> alone when
    /// <paramref name="compressible"/> (a document sent in the content coding the request accepts), else by nothing of
    /// StatusKit's: a shared cache keeps one copy of it, not one per reader's cookies (several CDNs keep none at all of
    /// an answer that varies by <c>Cookie</c>). Any other answer varies by the cookie and <c>Authorization</c>, which
    /// decide it. What the host's own middleware put in <c>Vary</c> before (its CORS policy's <c>Origin</c>, say) stays.
    /// </summary>
    public static void Apply(HttpResponse response, PageSnapshot snapshot, string etag, string publicCacheControl, bool compressible = false)
    {
        response.Headers.ETag = etag;
        var isPublic = snapshot.IsPublic && !AccessTokenQuery.IsPresent(response.HttpContext.Request);
        response.Headers.CacheControl = isPublic ? publicCacheControl : PrivateNoStore;
        if (!isPublic)
        {
            VaryBy(response, HeaderNames.Cookie);
            VaryBy(response, HeaderNames.Authorization);
        }

        if (compressible)
        {
            VaryBy(response, HeaderNames.AcceptEncoding);
        }
    }

    // Adds name to the answer's Vary unless it is there already.
    private static void VaryBy(HttpResponse response, string name)
    {
        var vary = response.Headers.Vary;
        foreach (var value in vary)
        {
            foreach (var range in value.AsSpan().Split(','))
            {
                if (value.AsSpan()[range].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    return;
                }
            }
        }

        response.Headers.Vary = vary.Count == 0 ? name : string.Join(", ", [.. vary, name]);
    }

    /// <summary>
    /// Whether the request's If-None-Match matches <paramref name="etags"/>, the tags of one document's forms (weak
    /// comparison, as RFC 9110 says for GET).
    /// </summary>
    public static bool IsNotModified(HttpRequest request, params IEnumerable<string> etags)
    {
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0 || !EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return false;
        }

        var targets = etags.Select(etag => EntityTagHeaderValue.Parse(etag)).ToArray();
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || targets.Any(target => tag.Compare(target, useStrongComparison: false)));
    }
}
