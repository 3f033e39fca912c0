using Microsoft.AspNetCore.Http;
using StatusKit.AspNetCore.Access;

namespace StatusKit.AspNetCore.Html;

/// <summary>
/// Where a page's HTML links to under the page's own path (its sub-pages, feeds, API, event stream and subscribe form):
/// each as it is, or, when the page was shown with its access token kept in its URL (plain HTTP to a host that is not
/// loopback, where the browser drops the cookie: <see cref="AccessTokenQuery.KeptInUrl"/>), each carrying that token,
/// so following one opens it instead of answering 404. The token goes into no other link, and the page is sent with
/// <c>Referrer-Policy: no-referrer</c>.
/// </summary>
internal sealed class PageLinks
{
    private readonly string? _accessToken;

    /// <param name="pagePath">The page's path under the request's path base (<c>/ops/status/internal</c>); empty on its custom domain.</param>
    /// <param name="accessToken">The token the page's URL keeps, which every link carries too; null for none.</param>
    public PageLinks(string pagePath, string? accessToken)
    {
        PagePath = pagePath;
        _accessToken = accessToken;
    }

    /// <summary>
    /// The links of the page at <paramref name="pagePath"/> as answered to <paramref name="request"/>: carrying the
    /// request's token when the page keeps it in its URL (<see cref="AccessTokenQuery.KeptInUrl"/>), plain otherwise.
    /// </summary>
    public static PageLinks For(HttpRequest request, string pagePath) => new(pagePath, AccessTokenQuery.KeptInUrl(request));

    /// <summary>The page's path, without any token: what other links are built on.</summary>
    public string PagePath { get; }

    /// <summary>The status page itself (<c>/</c> on the page's custom domain, where its path is empty).</summary>
    public string Home => AccessTokenQuery.With(PagePath.Length == 0 ? "/" : PagePath, _accessToken);

    /// <summary>
    /// The status page itself with <paramref name="queryAndFragment"/> (<c>?metrics=week#metrics</c>, or a fragment
    /// alone), the token, when the page keeps one in its URL, added to the query before the fragment.
    /// </summary>
    public string HomeAt(string queryAndFragment) =>
        AccessTokenQuery.With((PagePath.Length == 0 ? "/" : PagePath) + queryAndFragment, _accessToken);

    /// <summary>A route under the page (<paramref name="suffix"/> starts with <c>/</c> and may hold a query).</summary>
    public string To(string suffix) => AccessTokenQuery.With(PagePath + suffix, _accessToken);

    /// <summary>An incident's own page.</summary>
    public string Incident(Guid incidentId) => AccessTokenQuery.With(PagePaths.Incident(PagePath, incidentId), _accessToken);

    /// <summary>A maintenance window's own page.</summary>
    public string Maintenance(Guid windowId) => AccessTokenQuery.With(PagePaths.Maintenance(PagePath, windowId), _accessToken);
}
