using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusKit.Engine;
using StatusKit.Services;
using StatusKit.Snapshots;

namespace StatusKit.AspNetCore.Access;

/// <summary>
/// Finds the page a request names and decides whether the request may read it. A private page is answered as if it
/// did not exist unless the request carries its access token: <c>?access_token=</c> (which then sets a Secure, HttpOnly,
/// SameSite=Lax cookie scoped to the page's path, and <c>Referrer-Policy: no-referrer</c>), <c>Authorization: Bearer</c>,
/// or that cookie.
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

    /// <summary>The snapshot of the page, or null when it does not exist or the request may not read it.</summary>
    public async ValueTask<PageSnapshot?> ResolveAsync(HttpContext context, string slug, string pagePath)
    {
        var snapshot = await _reader.GetSnapshotBySlugAsync(slug, context.RequestAborted);
        if (snapshot is null || snapshot.IsPublic)
        {
            return snapshot;
        }

        var fromQuery = context.Request.Query[AccessTokenQuery.Parameter].ToString();
        var token = PresentedToken(context);
        var page = await _pages.GetAsync(snapshot.PageId, context.RequestAborted);
        if (page is null || token is null || !StatusPageService.CanRead(page, token))
        {
            Log.PrivatePageRefused(_logger, slug);
            return null;
        }

        if (fromQuery.Length > 0)
        {
            context.Response.Cookies.Append(_options.AccessCookieName, token, new CookieOptions
            {
                Path = context.Request.PathBase.Add(new PathString(pagePath)).Value,
                Secure = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                IsEssential = true,
            });

            // The URL holds the token: no link, image or redirect of this response may carry it in a Referer.
            NoReferrer.Apply(context.Response);
        }

        return snapshot;
    }

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
