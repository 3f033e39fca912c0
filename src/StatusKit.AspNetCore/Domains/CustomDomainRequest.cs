using Microsoft.AspNetCore.Http;

namespace StatusKit.AspNetCore.Domains;

/// <summary>
/// The request feature <see cref="CustomDomainMiddleware"/> sets on a request it re-dispatched from a page's custom domain:
/// the endpoints read it to build links from the root (<c>/history</c>, not <c>/status/acme/history</c>) and to tell the
/// browser's own path (<see cref="OriginalPath"/>) from the rewritten one routing matched.
/// </summary>
internal sealed class CustomDomainRequest(string domain, string slug, PathString originalPath)
{
    /// <summary>The custom domain the request came for (lowercase).</summary>
    public string Domain { get; } = domain;

    /// <summary>The slug of the page served there.</summary>
    public string Slug { get; } = slug;

    /// <summary>The path as the browser sent it, before the re-dispatch.</summary>
    public PathString OriginalPath { get; } = originalPath;

    /// <summary>The feature of <paramref name="request"/>, or null when it did not come through a custom domain.</summary>
    public static CustomDomainRequest? Of(HttpRequest request) => request.HttpContext.Features.Get<CustomDomainRequest>();

    /// <summary>The path the browser asked for: the original one on a custom domain, else the request's own.</summary>
    public static PathString BrowserPath(HttpRequest request) => Of(request)?.OriginalPath ?? request.Path;
}
