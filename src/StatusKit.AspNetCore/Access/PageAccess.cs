using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusKit.Engine;
using StatusKit.Services;
using StatusKit.Snapshots;

namespace StatusKit.AspNetCore.Access;

/// <summary>
/// Finds the page a request names and decides whether the request may read it. A private page is answered as if it
/// did not exist unless the request carries its access token: <c>?access_token=</c>, <c>Authorization: Bearer</c>, or
/// the page's cookie. Only the HTML pages turn a token from the query into that cookie (Secure, HttpOnly, SameSite=Lax,
/// scoped to the page's path: <see cref="ResolveKeepingTokenAsync"/>); the other routes, read by feed readers, calendar
/// apps and scripts that keep no cookies, take it for that request only (<see cref="ResolveAsync(HttpContext, string)"/>).
/// Every answer to a request whose URL names <c>access_token</c>, a 404 too, carries <c>Referrer-Policy: no-referrer</c>
/// and <c>Cache-Control: private, no-store</c>, so neither a <c>Referer</c> nor a shared cache keeps the URL's token.
/// </summary>
/// <remarks>
/// The cookie is Lax, not Strict: the HTML page answers <c>?access_token=</c> with a redirect to its URL without the
/// token (<see cref="Html.HtmlEndpoints"/>), and a browser that followed the link from another site (a chat message, a
/// mail) sends no Strict cookie on that redirect, which would then find the page missing. Lax is still withheld from
/// other sites' subresource requests, frames and POSTs.
/// </remarks>
internal sealed class PageAccess
{
    private readonly IStatusPageReader _reader;
    private readonly StatusPageService _pages;
    private readonly StatusPageEndpointOptions _options;
    private readonly ILogger<PageAccess> _logger;

    public PageAccess(IStatusPageReader reader, StatusPageService pages, IOptions<StatusPageEndpointOptions> options, ILogger<PageAccess> logger)
    {
        _reader = reader;
        _pages = pages;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>
    /// The snapshot of the page, or null when it does not exist or the request may not read it. A token in the query is
    /// taken for this request only: nothing is set but the headers that keep the URL private.
    /// </summary>
    public ValueTask<PageSnapshot?> ResolveAsync(HttpContext context, string slug) => ResolveCoreAsync(context, slug, pagePath: null);

    /// <summary>
    /// Like <see cref="ResolveAsync(HttpContext, string)"/>, and a valid token from the query of a private page is also
    /// kept in the page's cookie, scoped to <paramref name="pagePath"/> under the request's path base: for the HTML
    /// pages, which then send the browser to their URL without the token.
    /// </summary>
    public ValueTask<PageSnapshot?> ResolveKeepingTokenAsync(HttpContext context, string slug, string pagePath) =>
        ResolveCoreAsync(context, slug, pagePath);

    // pagePath: where a token from the query is kept in the cookie (the HTML pages), or null to keep it nowhere.
    private async ValueTask<PageSnapshot?> ResolveCoreAsync(HttpContext context, string slug, string? pagePath)
    {
        if (AccessTokenQuery.IsPresent(context.Request))
        {
            // The URL names a token (any, even a wrong or empty one, on any page): no link, image or redirect of the
            // answer may carry it in a Referer, and no shared cache may keep the answer under that URL.
            NoReferrer.Apply(context.Response);
            context.Response.Headers.CacheControl = HttpCaching.PrivateNoStore;
        }

        var snapshot = await _reader.GetSnapshotBySlugAsync(slug, context.RequestAborted);
        if (snapshot is null)
        {
            NoCacheKeepsTheRefusal(context.Response);
            return null;
        }

        if (snapshot.IsPublic)
        {
            return snapshot;
        }

        var fromQuery = context.Request.Query[AccessTokenQuery.Parameter].ToString();
        var token = PresentedToken(context);
        var page = await _pages.GetAsync(snapshot.PageId, context.RequestAborted);
        if (page is null || token is null || !StatusPageService.CanRead(page, token))
        {
            Log.PrivatePageRefused(_logger, slug);
            NoCacheKeepsTheRefusal(context.Response);
            return null;
        }

        if (fromQuery.Length > 0 && pagePath is not null)
        {
            context.Response.Cookies.Append(_options.AccessCookieName, token, new CookieOptions
            {
                // On the page's custom domain its path is empty: the cookie is the whole (host-only) domain's.
                Path = context.Request.PathBase.Add(new PathString(pagePath)).Value is { Length: > 0 } cookiePath ? cookiePath : "/",
                Secure = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                IsEssential = true,
            });
        }

        return snapshot;
    }

    // A page no one may read here answers 404, the same for a page that does not exist and for a private page without
    // its token (so neither tells the other apart), and no cache may keep it: a cached refusal would be sent to a reader
    // who holds the token, or after the page is created (some CDNs keep a 404 without Cache-Control for an hour).
    private static void NoCacheKeepsTheRefusal(HttpResponse response) => response.Headers.CacheControl = HttpCaching.PrivateNoStore;

    /// <summary>The access token the request carries (query, then bearer, then cookie), or null.</summary>
    public string? PresentedToken(HttpContext context)
    {
        var fromQuery = context.Request.Query[AccessTokenQuery.Parameter].ToString();
        return fromQuery.Length > 0 ? fromQuery : BearerToken(context.Request) ?? context.Request.Cookies[_options.AccessCookieName];
    }

    /// <summary>
    /// Whether a long-lived response (an event stream) opened with <paramref name="token"/> may still read the page:
    /// false once the page is gone, was made private (to a stream opened without its token) or got a new token. A
    /// public page is judged by its cached snapshot, so many open streams of a public page cost no store reads.
    /// </summary>
    public async ValueTask<bool> MayStillReadAsync(Guid pageId, string? token, CancellationToken cancellationToken)
    {
        var snapshot = await _reader.GetSnapshotAsync(pageId, cancellationToken);
        if (snapshot is null)
        {
            return false;
        }

        if (snapshot.IsPublic)
        {
            return true;
        }

        var page = await _pages.GetAsync(pageId, cancellationToken);
        return page is not null && token is not null && StatusPageService.CanRead(page, token);
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : null;
    }
}
