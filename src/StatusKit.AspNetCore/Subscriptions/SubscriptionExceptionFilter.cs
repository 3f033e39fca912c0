using Microsoft.AspNetCore.Http;

namespace StatusKit.AspNetCore.Subscriptions;

/// <summary>
/// Turns StatusKit's exceptions thrown by a public subscription route into problem details, and logs the refusal
/// under <see cref="Log.Category"/> (event 1409) with its field only: the message can quote the destination a visitor
/// typed, which is never logged.
/// </summary>
internal sealed class SubscriptionExceptionFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (StatusKitException ex)
        {
            var http = context.HttpContext;
            var problem = Problems.From(ex);
            Log.SubscriptionRefused(Log.For(http), http.Request.Method, http.Request.Path, problem.StatusCode, ex.Field);
            return problem;
        }
    }
}
