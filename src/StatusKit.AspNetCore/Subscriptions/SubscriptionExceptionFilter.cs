using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.AspNetCore.Access;
using StatusKit.AspNetCore.Html;
using StatusKit.Snapshots;
using StatusKit.Shared;

namespace StatusKit.AspNetCore.Subscriptions;

/// <summary>
/// Turns StatusKit's exceptions thrown by a public subscription route into problem details (for the page's subscribe
/// form, a page saying why in the page's language (<see cref="RefusalReasons"/>) with a link back, in the page's branding: <see cref="SubscriptionPages.Remembered"/>), and logs the refusal
/// under <see cref="Log.Category"/> (event 1409) with its field only: the message can quote the destination a visitor
/// typed, which is never logged. A refused plain-http or private-network destination is told why without the host's
/// configuration advice the service's message ends with (<see cref="WebhookAddressAdvice"/>).
/// </summary>
internal sealed class SubscriptionExceptionFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (StatusKitException thrown)
        {
            var ex = ForTheSubscriber(thrown);
            var http = context.HttpContext;
            var field = PublicFieldNames.Of(ex);
            var problem = Problems.From(ex, field);
            Log.SubscriptionRefused(Log.For(http), http.Request.Method, http.Request.Path, problem.StatusCode, field);
            if (BackTo(http.Request) is not { } backTo)
            {
                return problem;
            }

            // The reason in the page's language (problem details keep the service's English message, for programs).
            var page = SubscriptionPages.Remembered(http) ?? await PageOfAsync(http);
            var texts = SubscriptionPages.TextsOf(page);
            var form = RefusalReasons.Remembered(http);
            return SubscriptionPages.Message(
                problem.StatusCode, texts.SubscriptionNotSaved, RefusalReasons.Of(texts, ex, form?.Destination), backTo: backTo, page: page);
        }
    }

    // The address guard's refusal of a plain-http or private-network destination ends with the builder call that allows
    // it, for the host's developer (the admin API and the service's exception keep it); a subscriber cannot act on it.
    private static StatusKitException ForTheSubscriber(StatusKitException refusal) =>
        refusal is StatusKitValidationException { Code: ValidationCodes.DestinationHttpsRequired or ValidationCodes.DestinationUnreachableHost, Field: { } field } address
            ? new StatusKitValidationException(field, WebhookAddressAdvice.Without(address.Message), address.Code)
            : refusal;

    // A refusal before the route read its page (a body of another type, refused by BodyContentTypes' filter): the page
    // is read now, as the route would have (public, or private with its token), for its language and branding.
    private static async ValueTask<PageSnapshot?> PageOfAsync(HttpContext http) =>
        http.Request.RouteValues["slug"] is string slug ? await http.RequestServices.GetRequiredService<PageAccess>().ResolveAsync(http, slug) : null;

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
