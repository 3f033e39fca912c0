using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

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
}
