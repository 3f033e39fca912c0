using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace StatusKit.AspNetCore;

/// <summary>
/// Maps the public read routes for GET and HEAD (RFC 9110 §9.1: a server supporting GET supports HEAD). A HEAD request
/// runs the GET handler, so it gets the same status and headers (ETag, Content-Type, Content-Length); the server sends
/// no body.
/// </summary>
internal static class ReadRoutes
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>Maps <paramref name="handler"/> for GET and HEAD requests to <paramref name="pattern"/>.</summary>
    public static RouteHandlerBuilder MapGetAndHead(this IEndpointRouteBuilder routes, string pattern, Delegate handler) =>
        routes.MapMethods(pattern, GetAndHead, handler);
}
