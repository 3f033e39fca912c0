using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StatusKit.AspNetCore.Access;

namespace StatusKit.AspNetCore;

/// <summary>
/// Maps the public read routes for GET and HEAD (RFC 9110 §9.1: a server supporting GET supports HEAD). A HEAD request
/// runs the GET handler, so it gets the same status and headers (ETag, Content-Type, Content-Length); the server sends
/// no body. Declares their caching contract for the OpenAPI document (<see cref="OpenApiHeaders"/>).
/// </summary>
internal static class ReadRoutes
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>Maps <paramref name="handler"/> for GET and HEAD requests to <paramref name="pattern"/>.</summary>
    public static RouteHandlerBuilder MapGetAndHead(this IEndpointRouteBuilder routes, string pattern, Delegate handler) =>
        routes.MapMethods(pattern, GetAndHead, handler);

    /// <summary>
    /// The route answers its 200 with an <c>ETag</c>, honours <c>If-None-Match</c> with 304 Not Modified
    /// (<see cref="Access.HttpCaching"/>), and answers 404 for a page that does not exist or that the request may not read.
    /// </summary>
    public static RouteHandlerBuilder AnswersETagAndNotModified(this RouteHandlerBuilder builder) =>
        builder
            .WithMetadata(new ResponseHeaderMetadata(
                StatusCodes.Status200OK,
                "ETag",
                "A strong entity tag of this representation: send it as If-None-Match to get 304 Not Modified while it is unchanged."))
            .WithMetadata(new RequestHeaderMetadata(
                "If-None-Match",
                "Entity tags of representations the client holds (or *): when one matches (weak comparison), the answer is " +
                "304 Not Modified with the ETag and Cache-Control headers and no body."))
            .Produces(StatusCodes.Status304NotModified)
            .Produces(StatusCodes.Status404NotFound);

    /// <summary>
    /// When <paramref name="allow"/> (<see cref="StatusPageEndpointOptions.AllowCrossOriginReads"/>), opens the route's
    /// answers for a public page to scripts on other sites (<see cref="CrossOriginReads"/>; its handler calls
    /// <see cref="CrossOriginReads.Allow"/>), answers its CORS preflight requests, and declares the headers on the
    /// answers with <paramref name="statusCodes"/> for the OpenAPI document. Otherwise leaves the route as it is.
    /// </summary>
    /// <param name="builder">The route.</param>
    /// <param name="allow">Whether other sites may read the route.</param>
    /// <param name="allowedRequestHeaders">
    /// The request headers a preflight allows, comma-separated: those the route honours that are not CORS-safelisted.
    /// </param>
    /// <param name="statusCodes">The answers that carry the headers, as declared in the OpenAPI document.</param>
    public static RouteHandlerBuilder OpenToOtherSites(this RouteHandlerBuilder builder, bool allow, string allowedRequestHeaders, params int[] statusCodes)
    {
        if (!allow)
        {
            return builder;
        }

        // Routing passes a CORS preflight (OPTIONS with Origin and Access-Control-Request-Method) only to an endpoint
        // whose method metadata accepts one (the last such metadata counts); any other OPTIONS request stays 405.
        builder
            .WithMetadata(new HttpMethodMetadata(GetAndHead, acceptCorsPreflight: true))
            .WithMetadata(new CrossOriginReadMetadata(allowedRequestHeaders))
            .AddEndpointFilter(CrossOriginReads.AnswerPreflightAsync);
        foreach (var status in statusCodes)
        {
            builder
                .WithMetadata(new ResponseHeaderMetadata(
                    status,
                    "Access-Control-Allow-Origin",
                    "* for a public page, so scripts on any site can read the answer; never sent for a private page."))
                .WithMetadata(new ResponseHeaderMetadata(
                    status,
                    "Access-Control-Expose-Headers",
                    $"{CrossOriginReads.ExposedHeaders}, for a public page: what a script on another site may read beyond the CORS-safelisted headers."));
        }

        return builder;
    }
}
