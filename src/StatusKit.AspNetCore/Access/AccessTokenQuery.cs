using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace StatusKit.AspNetCore.Access;

/// <summary>
/// The <c>access_token</c> query parameter of a private page's URL, and the same URL without it (where the page sends a
/// browser once the token is in a cookie, so it leaves the address bar, the history and <c>Referer</c> headers).
/// </summary>
internal static class AccessTokenQuery
{
    /// <summary>The parameter's name. Matched ignoring case, as ASP.NET Core's query collection does.</summary>
    public const string Parameter = "access_token";

    /// <summary>Whether the request's query names the parameter (with any value, even empty).</summary>
    public static bool IsPresent(HttpRequest request) => request.Query.ContainsKey(Parameter);

    /// <summary>
    /// Whether a browser keeps the Secure access cookie set in answer to <paramref name="request"/>: over HTTPS, and over
    /// plain HTTP only from a loopback host (<c>localhost</c>, <c>127.0.0.1</c>, <c>[::1]</c>), which browsers count as
    /// secure. Elsewhere it drops the cookie, so a redirect that dropped the token too would lose the page.
    /// </summary>
    public static bool CookieSticks(HttpRequest request)
    {
        if (request.IsHttps)
        {
            return true;
        }

        var host = request.Host.Host.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }

    /// <summary>
    /// The access token a page answered to <paramref name="request"/> keeps in its URL, which the page's own links and
    /// forms must carry too: the query's token when the browser would drop the cookie (<see cref="CookieSticks"/> is
    /// false), so the page is shown at its URL with the token instead of redirected away from it; null otherwise (the
    /// cookie, a bearer header or nothing carries the access, and no link names the token). Only for a request the
    /// page's access check let through, where a token in the query is the one that opened it.
    /// </summary>
    public static string? KeptInUrl(HttpRequest request)
    {
        var token = request.Query[Parameter].ToString();
        return token.Length > 0 && !CookieSticks(request) ? token : null;
    }

    /// <summary>
    /// <paramref name="url"/> (a path of the page, with or without a query and a fragment) with the <c>access_token</c>
    /// parameter added to its query (before any <c>#fragment</c>) when <paramref name="token"/> is not null; as it is
    /// otherwise.
    /// </summary>
    public static string With(string url, string? token)
    {
        if (token is null)
        {
            return url;
        }

        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var (beforeFragment, fragment) = hash < 0 ? (url, "") : (url[..hash], url[hash..]);
        var separator = beforeFragment.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return $"{beforeFragment}{separator}{Parameter}={Uri.EscapeDataString(token)}{fragment}";
    }

    /// <summary>
    /// The request's path base, path (as the browser sent it, also on a page's custom domain) and query without any
    /// <c>access_token</c> parameter: the other parameters keep
    /// their order and encoding, and no <c>?</c> is left when none remains.
    /// </summary>
    public static string UrlWithout(HttpRequest request) =>
        LocalPath(request.PathBase.Add(Domains.CustomDomainRequest.BrowserPath(request)).ToUriComponent()) + QueryWithout(request.QueryString.Value);

    /// <summary>
    /// <paramref name="path"/> with one leading slash: a path that began with <c>//</c> or <c>/\</c> would be read by a
    /// browser as another host (a protocol-relative URL), so the redirect could lead off the site.
    /// </summary>
    public static string LocalPath(string path) =>
        path.StartsWith("//", StringComparison.Ordinal) || path.StartsWith("/\\", StringComparison.Ordinal)
            ? "/" + path.TrimStart('/', '\\')
            : path;

    /// <summary>
    /// <paramref name="queryString"/> (with or without its leading <c>?</c>) without the <c>access_token</c>
    /// parameters, with its leading <c>?</c>; empty when nothing remains.
    /// </summary>
    public static string QueryWithout(string? queryString)
    {
        if (string.IsNullOrEmpty(queryString))
        {
            return string.Empty;
        }

        var kept = new StringBuilder(queryString.Length);
        foreach (var pair in queryString.TrimStart('?').Split('&'))
        {
            if (pair.Length == 0 || IsTokenParameter(pair))
            {
                continue;
            }

            kept.Append(kept.Length == 0 ? '?' : '&').Append(pair);
        }

        return kept.ToString();
    }

    private static bool IsTokenParameter(string pair)
    {
        var end = pair.IndexOf('=', StringComparison.Ordinal);
        var name = end < 0 ? pair : pair[..end];
        return string.Equals(Uri.UnescapeDataString(name.Replace('+', ' ')), Parameter, StringComparison.OrdinalIgnoreCase);
    }
}
