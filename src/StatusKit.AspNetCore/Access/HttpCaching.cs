using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using StatusKit.Snapshots;

namespace StatusKit.AspNetCore.Access;

/// <summary>ETag, If-None-Match and Cache-Control for page documents.</summary>
internal static class HttpCaching
{
    /// <summary>What no cache keeps: a private page's answers, and any answer to a URL that names an access token.</summary>
    public const string PrivateNoStore = "private, no-store";

    private static readonly string VaryByAccess = HeaderNames.Cookie + ", " + HeaderNames.Authorization;
    private static readonly string VaryByAccessAndCoding = VaryByAccess + ", " + HeaderNames.AcceptEncoding;

    /// <summary>
    /// Sets ETag and Cache-Control: <paramref name="publicCacheControl"/> (<see cref="PublicCacheControl"/>) for a public
    /// page read without <c>?access_token=</c> in its URL; private, no-store otherwise (a shared cache would keep the answer under a URL holding a token). A public page's
    /// answer is the same whoever asks (a cookie or <c>Authorization</c> opens only private pages), so it varies by
    /// <c>Accept-Encoding</c> alone when <paramref name="compressible"/> (a document sent in the content coding the
    /// request accepts), else by nothing: a shared cache keeps one copy of it, not one per reader's cookies (several
    /// CDNs keep none at all of an answer that varies by <c>Cookie</c>). Any other answer varies by the cookie and
    /// <c>Authorization</c>, which decide it.
    /// </summary>
    public static void Apply(HttpResponse response, PageSnapshot snapshot, string etag, string publicCacheControl, bool compressible = false)
    {
        response.Headers.ETag = etag;
        if (snapshot.IsPublic && !AccessTokenQuery.IsPresent(response.HttpContext.Request))
        {
            response.Headers.CacheControl = publicCacheControl;
            if (compressible)
            {
                response.Headers.Vary = HeaderNames.AcceptEncoding;
            }
            else
            {
                response.Headers.Remove(HeaderNames.Vary);
            }

            return;
        }

        response.Headers.CacheControl = PrivateNoStore;
        response.Headers.Vary = compressible ? VaryByAccessAndCoding : VaryByAccess;
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
