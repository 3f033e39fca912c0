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
    /// The request's path base, path and query without any <c>access_token</c> parameter: the other parameters keep
    /// their order and encoding, and no <c>?</c> is left when none remains.
    /// </summary>
    public static string UrlWithout(HttpRequest request) =>
        LocalPath(request.PathBase.Add(request.Path).ToUriComponent()) + QueryWithout(request.QueryString.Value);

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
