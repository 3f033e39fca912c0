using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.Snapshots;

namespace StatusKit.AspNetCore.Access;

/// <summary>
/// Opens a public page's machine-readable routes (those mapped with <see cref="ReadRoutes.OpenToOtherSites"/>) to
/// scripts on other sites, as Statuspage opens its <c>api/v2</c>: every answer for a public page carries
/// <c>Access-Control-Allow-Origin: *</c> (a 304 too, so the browser may use its cached copy) and exposes its
/// <c>ETag</c>; a CORS preflight is answered 204 for a public page and 404 for any other, as a read would be for a
/// request without credentials (a browser sends none with a preflight). A private page's answers never carry these
/// headers, not even to a request with its token: its data stays unreadable to other sites. With <c>*</c> a browser
/// sends no cookies and no <c>Authorization</c> of its own, so nothing here reads anyone's credentials.
/// </summary>
/// <remarks>
/// A header that is already set (by the host's own code before the endpoint ran) is left as it is. The CORS middleware
/// of ASP.NET Core, when a policy of the host applies to these routes, answers their preflight requests itself, and
/// sets its headers on the other answers as they start, over these, when the policy allows the request's origin.
/// </remarks>
internal static class CrossOriginReads
{
    /// <summary>What a preflight allows, for every route.</summary>
    public const string AllowedMethods = "GET, HEAD";

    /// <summary>The response headers a script may read beyond the CORS-safelisted ones (Cache-Control, Content-Type, ...).</summary>
    public const string ExposedHeaders = "ETag";

    /// <summary>How long a browser may keep a preflight's answer (Chromium keeps it at most 2 hours, Firefox 1 day).</summary>
    public static readonly TimeSpan PreflightMaxAge = TimeSpan.FromDays(1);

    /// <summary>
    /// Sets <c>Access-Control-Allow-Origin: *</c> and <c>Access-Control-Expose-Headers</c> when the request's route is
    /// open to other sites and <paramref name="snapshot"/> is a public page; otherwise sets nothing.
    /// </summary>
    public static void Allow(HttpContext context, PageSnapshot snapshot)
    {
        if (!snapshot.IsPublic || context.GetEndpoint()?.Metadata.GetMetadata<CrossOriginReadMetadata>() is null)
        {
            return;
        }

        var headers = context.Response.Headers;
        if (headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.AccessControlAllowOrigin))
        {
            return;
        }

        headers.AccessControlAllowOrigin = "*";
        headers.AccessControlExposeHeaders = ExposedHeaders;
    }

    /// <summary>
    /// The endpoint filter that answers a CORS preflight (the only OPTIONS request routing passes to a route open to
    /// other sites): 204 with the allowed methods, request headers and max age for a public page; 404 for a page that
    /// does not exist or is private, with none of those headers. Any other request goes on to the route's handler.
    /// </summary>
    public static async ValueTask<object?> AnswerPreflightAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        if (!HttpMethods.IsOptions(context.Request.Method))
        {
            return await next(invocation);
        }

        var slug = context.Request.RouteValues["slug"] as string ?? string.Empty;
        var snapshot = await context.RequestServices.GetRequiredService<PageAccess>().ResolveAsync(context, slug);
        var metadata = context.GetEndpoint()?.Metadata.GetMetadata<CrossOriginReadMetadata>();
        if (snapshot is not { IsPublic: true } || metadata is null)
        {
            return TypedResults.NotFound();
        }

        var headers = context.Response.Headers;
        if (!headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.AccessControlAllowOrigin))
        {
            headers.AccessControlAllowOrigin = "*";
            headers.AccessControlAllowMethods = AllowedMethods;
            headers.AccessControlAllowHeaders = metadata.AllowedRequestHeaders;
            headers.AccessControlMaxAge = ((int)PreflightMaxAge.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        return TypedResults.NoContent();
    }
}
