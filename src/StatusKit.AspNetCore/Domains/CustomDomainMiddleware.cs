using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace StatusKit.AspNetCore.Domains;

/// <summary>
/// Serves a page on its custom domain: a request whose Host (port ignored) is a page's
/// <see cref="Model.StatusPage.CustomDomain"/> has its path re-dispatched from <c>/{rest}</c> to
/// <c>{prefix}/{slug}/{rest}</c> before routing, and carries a <see cref="CustomDomainRequest"/> so links are built from
/// the root. Any other Host passes untouched, and so do the host's own paths listed in
/// <see cref="StatusPageEndpointOptions.CustomDomainPassThroughPaths"/> (<c>/favicon.ico</c>, a health check).
/// </summary>
/// <remarks>
/// Why a path rewrite before routing rather than a second set of endpoints or a routing <c>MatcherPolicy</c>: the page
/// is then served by the very endpoints <c>MapStatusPages</c> mapped (their filters, caching, CORS, rate limits, names
/// and OpenAPI entries, once), and only the page's own routes can answer, since every path on the domain lands under
/// that page's slug: <c>/admin</c> becomes <c>{prefix}/{slug}/admin</c>, which no endpoint matches (404), and so does
/// every other route of the host. A matcher policy would have to rewrite route values of endpoints whose patterns hold
/// the prefix and a <c>{slug}</c> parameter, and could not make <c>/</c> match a pattern with a literal prefix. It runs
/// first in the pipeline (a startup filter), before the host's own middleware, so a host that maps its own routes at
/// <c>/</c> never sees a request for a custom domain; or where the host placed it (<c>UseStatusPageCustomDomains</c>,
/// after <c>UseForwardedHeaders</c>), followed by routing.
/// </remarks>
internal sealed class CustomDomainMiddleware(
    RequestDelegate next, CustomDomainDirectory directory, StatusPagesMapping mapping, IOptions<StatusPageEndpointOptions> options)
{
    private readonly PathString[] _passThrough = [.. options.Value.CustomDomainPassThroughPaths.Select(p => new PathString(p.TrimEnd('/')))];

    public async Task InvokeAsync(HttpContext context)
    {
        if (mapping.Prefix is { } prefix
            && context.Request.Host.HasValue
            && !PassesThrough(context.Request.Path)
            && await directory.SlugOfAsync(context.Request.Host.Host, context.RequestAborted) is { } slug)
        {
            var original = context.Request.Path;
            context.Features.Set(new CustomDomainRequest(context.Request.Host.Host.TrimEnd('.').ToLowerInvariant(), slug, original));
            var page = new PathString((prefix == "/" ? string.Empty : prefix) + "/" + slug);

            // A path already under the page's own {prefix}/{slug} is served as it is: middleware of the host that runs
            // after this one (UseHttpsRedirection, say) sees the re-dispatched path and may send the browser there. At
            // the root ("/") a slug could be one of the page's own routes ("history"), so there every path is re-dispatched.
            if (prefix == "/" || !original.StartsWithSegments(page, StringComparison.Ordinal))
            {
                context.Request.Path = original.HasValue && original.Value != "/" ? page.Add(original) : page;
            }
        }

        await next(context);
    }

    private bool PassesThrough(PathString path)
    {
        foreach (var own in _passThrough)
        {
            if (path.StartsWithSegments(own, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
