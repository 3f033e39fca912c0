using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.AspNetCore.Access;

namespace StatusKit.AspNetCore.Subscriptions;

/// <summary>
/// The per-client rate limit of the routes whose URL holds a token (<see cref="TokenLinks"/>):
/// <see cref="StatusPageEndpointOptions.TokenLinkPermitLimit"/> requests per
/// <see cref="StatusPageEndpointOptions.TokenLinkWindow"/> from one client (<see cref="Access.ClientPartition"/>), all
/// these routes together, checked before the route reads its page or its token, so a refused request costs the store
/// nothing. Beyond it: 429 with <c>Retry-After</c> (whole seconds, rounded up), as problem details for a JSON client and
/// a page for a person, as these routes' other refusals.
/// </summary>
internal static class TokenLinkRateLimit
{
    private const string Detail = "Too many requests for subscription links from this address; try again later.";

    /// <summary>Refuses the route's requests beyond the client's permits with 429, before its handler runs.</summary>
    public static RouteHandlerBuilder RateLimitedPerClient(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(static async (invocation, next) =>
        {
            var context = invocation.HttpContext;
            var limiter = context.RequestServices.GetRequiredService<SubscriptionRateLimiter>();
            if (limiter.TryAcquireTokenLink(context.Connection.RemoteIpAddress, out var retryAfter))
            {
                return await next(invocation);
            }

            Log.TokenLinkRateLimited(
                Log.For(context), context.Request.RouteValues["slug"] as string, context.Request.Method, context.Request.Path.Value ?? string.Empty, retryAfter);
            context.Response.Headers.RetryAfter = FixedWindowLimit.RetryAfterSeconds(retryAfter);
            return ConfirmationAnswer.Refused(context, StatusCodes.Status429TooManyRequests, "Too many requests", Detail);
        }).ProducesProblem(StatusCodes.Status429TooManyRequests);
}
