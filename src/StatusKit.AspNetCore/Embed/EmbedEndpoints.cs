using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.AspNetCore.Access;

namespace StatusKit.AspNetCore.Embed;

/// <summary>
/// <c>GET|HEAD {prefix}/{slug}/embed.js</c>: the status embed of a public page (<see cref="EmbedScript"/>), as
/// <c>text/javascript</c> with a strong ETag (304 on <c>If-None-Match</c>), <c>Cache-Control: public, max-age=300</c> and
/// <c>X-Content-Type-Options: nosniff</c>. A private page is 404, as an unknown one, even to a request with its token:
/// its API is not open to other sites, so an embed could not read it. Mapped only when
/// <see cref="StatusPageEndpointOptions.AllowCrossOriginReads"/> is on, for the same reason.
/// </summary>
internal static class EmbedEndpoints
{
    /// <summary>How long browsers and shared caches keep the script: it changes only with StatusKit or the page's accent.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private const string ContentType = "text/javascript; charset=utf-8";

    public static void Map(RouteGroupBuilder page, StatusPageEndpointOptions options)
    {
        if (!options.AllowCrossOriginReads)
        {
            return;
        }

        page.MapGetAndHead("/embed.js", (HttpContext context, string slug) => ServeAsync(context, slug))
            .WithName("StatusKit.Embed")
            .WithSummary("The status embed: a script a site includes to show this public page's open incident, degraded components or maintenance in a corner card.")
            .WithTags("Status pages")
            .Produces(StatusCodes.Status200OK, contentType: "text/javascript")
            .AnswersETagAndNotModified()
            .OpenToOtherSites(allow: true, "If-None-Match", StatusCodes.Status200OK, StatusCodes.Status304NotModified);
    }

    private static async Task<IResult> ServeAsync(HttpContext context, string slug)
    {
        var services = context.RequestServices;
        var snapshot = await services.GetRequiredService<PageAccess>().ResolveAsync(context, slug);
        if (snapshot is not { IsPublic: true })
        {
            return TypedResults.NotFound();
        }

        var prepared = services.GetRequiredService<EmbedScripts>().For(snapshot.AccentColor);
        HttpCaching.Apply(context.Response, snapshot, prepared.ETag, services.GetRequiredService<PublicCacheControl>().WithMaxAge(MaxAge));
        context.Response.Headers.XContentTypeOptions = "nosniff";
        CrossOriginReads.Allow(context, snapshot);
        return HttpCaching.IsNotModified(context.Request, prepared.ETag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(prepared.Bytes, ContentType);
    }
}
