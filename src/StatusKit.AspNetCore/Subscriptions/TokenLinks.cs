using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using StatusKit.AspNetCore.Access;

namespace StatusKit.AspNetCore.Subscriptions;

/// <summary>
/// The routes a message's link opens with a token in its URL (<c>subscriptions/verify</c>, <c>unsubscribe</c>,
/// <c>manage</c>): the token is the credential, so every answer, whatever it says (an unknown link's 404 too), carries
/// <c>Cache-Control: no-store</c> and <c>Referrer-Policy: no-referrer</c>, and neither a cache nor a <c>Referer</c>
/// keeps the URL.
/// </summary>
internal static class TokenLinks
{
    /// <summary>Sets both headers on every answer of the route, before its handler runs.</summary>
    public static RouteHandlerBuilder HoldsTokenInUrl(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(static (invocation, next) =>
        {
            invocation.HttpContext.Response.Headers.CacheControl = "no-store";
            NoReferrer.Apply(invocation.HttpContext.Response);
            return next(invocation);
        });
}
