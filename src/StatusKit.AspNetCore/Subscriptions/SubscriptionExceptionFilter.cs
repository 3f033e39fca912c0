using Microsoft.AspNetCore.Http;
using StatusKit.AspNetCore.Html;

namespace StatusKit.AspNetCore.Subscriptions;

/// <summary>
/// Turns StatusKit's exceptions thrown by a public subscription route into problem details (for the page's subscribe
/// form, a page saying the same with a link back, in the page's branding: <see cref="SubscriptionPages.Remembered"/>), and logs the refusal
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
            var field = PublicFieldNames.Of(ex.Field);
            var problem = Problems.From(ex, field);
            Log.SubscriptionRefused(Log.For(http), http.Request.Method, http.Request.Path, problem.StatusCode, field);
            return BackTo(http.Request) is { } backTo
                ? SubscriptionPages.Message(
                    problem.StatusCode, SubscriptionPages.TextsOf(SubscriptionPages.Remembered(http)).SubscriptionNotSaved, ex.Message, backTo: backTo,
                    page: SubscriptionPages.Remembered(http))
                : problem;
        }
    }

    // A person's form post to "{page}/subscriptions" gets a page that links back to "{page}" (with the token when the
    // page keeps it in its URL, as the form's own target did); anything else, problem details.
    private static string? BackTo(HttpRequest request)
    {
        const string Suffix = "/subscriptions";
        var path = (Domains.CustomDomainRequest.BrowserPath(request).Value ?? string.Empty).TrimEnd('/');
        return HttpMethods.IsPost(request.Method) && SubscriptionPages.WantsPage(request) && path.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase)
            ? PageLinks.For(request, request.PathBase + path[..^Suffix.Length]).Home
            : null;
    }
}
