using Microsoft.AspNetCore.Http;
using StatusKit.AspNetCore.Domains;
using StatusKit.Configuration;
using StatusKit.Snapshots;

namespace StatusKit.AspNetCore;

/// <summary>The paths and absolute URLs of the pages under one <c>MapStatusPages</c> prefix.</summary>
internal sealed class PagePaths
{
    private readonly Uri? _publicBaseAddress;
    private readonly bool _linkToCustomDomains;

    public PagePaths(string prefix, StatusPagesOptions options)
    {
        // At the root ("/") the prefix is empty, so a page's path is "/acme", not "//acme" (a protocol-relative URL of
        // the host "acme").
        var trimmed = prefix.Trim('/');
        Prefix = trimmed.Length == 0 ? string.Empty : "/" + trimmed;
        _publicBaseAddress = options.PublicBaseAddress;
        _linkToCustomDomains = options.LinkToCustomDomains;
    }

    /// <summary>The route prefix, with a leading and no trailing slash; empty when the pages are mapped at the root.</summary>
    public string Prefix { get; }

    /// <summary>The path of a page, without the request's path base.</summary>
    public string PagePath(string slug) => $"{Prefix}/{Uri.EscapeDataString(slug)}";

    /// <summary>
    /// The path of a page as <paramref name="request"/>'s browser reaches it, without the request's path base: empty on
    /// the page's custom domain (the page is the root there, so its links are <c>/history</c>, <c>/events</c>…), else
    /// <see cref="PagePath(string)"/>. Every link an HTML answer writes under the page is built on it.
    /// </summary>
    public string PagePath(HttpRequest request, string slug) => CustomDomainRequest.Of(request) is not null ? string.Empty : PagePath(slug);

    /// <summary>
    /// An incident's own page under a page's path or URL (<c>{page}/incidents/{id}</c>): the HTML page's links, the API's
    /// shortlinks and the history feeds' entries.
    /// </summary>
    public static string Incident(string page, Guid incidentId) => $"{page}/incidents/{incidentId}";

    /// <summary>
    /// A maintenance window's own page under a page's path or URL (<c>{page}/maintenance/{id}</c>): the HTML page's links,
    /// the API's shortlinks and the iCalendar feed's <c>URL</c>.
    /// </summary>
    public static string Maintenance(string page, Guid windowId) => $"{page}/maintenance/{windowId}";

    /// <summary>
    /// The absolute URL of a page, which the feeds and the JSON API (<c>page.url</c>, <c>shortlink</c>) build their links
    /// on: <c>https://{customDomain}</c> for a page with its own domain when
    /// <see cref="StatusPagesOptions.LinkToCustomDomains"/> is on (<c>ServeCustomDomains</c> turns it on), else under
    /// <see cref="StatusPagesOptions.PublicBaseAddress"/> when set, else the request's own origin. The custom domain is
    /// the page's (operator-set data), never the request's Host; messages build theirs by the same rule
    /// (<c>SubscriberLinks.PageRoot</c> in the core package).
    /// </summary>
    public string PageUrl(HttpRequest request, PageSnapshot page) => page.CustomDomain is { } domain && _linkToCustomDomains
        ? $"https://{domain}"
        : _publicBaseAddress is { } root
            ? $"{root.AbsoluteUri.TrimEnd('/')}/{Uri.EscapeDataString(page.Slug)}"
            : $"{request.Scheme}://{request.Host}{request.PathBase}{PagePath(page.Slug)}";
}
