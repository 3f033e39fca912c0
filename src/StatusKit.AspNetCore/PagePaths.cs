using Microsoft.AspNetCore.Http;
using StatusKit.Configuration;

namespace StatusKit.AspNetCore;

/// <summary>The paths and absolute URLs of the pages under one <c>MapStatusPages</c> prefix.</summary>
internal sealed class PagePaths
{
    private readonly Uri? _publicBaseAddress;

    public PagePaths(string prefix, StatusPagesOptions options)
    {
        // At the root ("/") the prefix is empty, so a page's path is "/acme", not "//acme" (a protocol-relative URL of
        // the host "acme").
        var trimmed = prefix.Trim('/');
        Prefix = trimmed.Length == 0 ? string.Empty : "/" + trimmed;
        _publicBaseAddress = options.PublicBaseAddress;
    }

    /// <summary>The route prefix, with a leading and no trailing slash; empty when the pages are mapped at the root.</summary>
    public string Prefix { get; }

    /// <summary>The path of a page, without the request's path base.</summary>
    public string PagePath(string slug) => $"{Prefix}/{Uri.EscapeDataString(slug)}";

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

    /// <summary>The absolute URL of a page: under <see cref="StatusPagesOptions.PublicBaseAddress"/> when set, else the request's own origin.</summary>
    public string PageUrl(HttpRequest request, string slug) => _publicBaseAddress is { } root
        ? $"{root.AbsoluteUri.TrimEnd('/')}/{Uri.EscapeDataString(slug)}"
        : $"{request.Scheme}://{request.Host}{request.PathBase}{PagePath(slug)}";
}
