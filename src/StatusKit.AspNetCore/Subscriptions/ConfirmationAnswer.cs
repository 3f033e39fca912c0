using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using StatusKit.AspNetCore.Texts;
using StatusKit.Model;
using StatusKit.Shared;
using StatusKit.Snapshots;

namespace StatusKit.AspNetCore.Subscriptions;

/// <summary>
/// What the POST that confirms a subscription answers: a page for a person, or, when the request accepts
/// <c>application/json</c> (a webhook receiver confirming by itself), JSON: <see cref="SubscriptionConfirmed"/> on
/// success and problem details otherwise. A webhook's signing secret is in both, shown this once, and neither may be
/// stored by a cache.
/// </summary>
internal static class ConfirmationAnswer
{
    /// <summary>Whether the request names <c>application/json</c> (or <c>application/*+json</c>) in its Accept header.</summary>
    public static bool WantsJson(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(type => type.Quality is null or > 0
            && (type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || (type.Type.Equals("application", StringComparison.OrdinalIgnoreCase) && type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase))));

    /// <summary>
    /// The answer to a confirmation of <paramref name="subscriber"/> to <paramref name="page"/>; its page links back to
    /// the status page at <paramref name="backTo"/>.
    /// </summary>
    public static IResult Confirmed(HttpContext context, PageSnapshot page, Subscriber subscriber, string backTo)
    {
        context.Response.Headers.CacheControl = "no-store";
        var secret = subscriber.Channel == SubscriberChannel.Webhook ? subscriber.SigningSecret : null;
        if (WantsJson(context.Request))
        {
            return AdminJson.Json(new SubscriptionConfirmed(
                "confirmed", new SubscriptionConfirmedPage(page.PageId, page.Name, page.Slug), ChannelNames.Of(subscriber.Channel), subscriber.Destination, secret));
        }

        var texts = PageTexts.For(page.Language);
        var text = texts.Format(texts.WillHear, page.Name);
        return secret is null
            ? SubscriptionPages.Message(StatusCodes.Status200OK, texts.SubscriptionConfirmed, text, backTo: backTo, page: page)
            : SubscriptionPages.Message(
                StatusCodes.Status200OK,
                texts.SubscriptionConfirmed,
                text,
                texts.Format(texts.SigningSecret, subscriber.Destination, secret),
                backTo,
                page);
    }

    /// <summary>
    /// A refusal: problem details for a JSON client, else a page, in the branding of <paramref name="page"/> when given
    /// (a link of the page's own; an unknown link names no page).
    /// </summary>
    public static IResult Refused(HttpContext context, int statusCode, string title, string text, PageSnapshot? page = null) =>
        WantsJson(context.Request)
            ? TypedResults.Problem(text, statusCode: statusCode, title: title)
            : SubscriptionPages.Message(statusCode, title, text, page: page);

    /// <summary>
    /// The refusal of a link that matches no subscriber of the page <paramref name="page"/> names: unbranded, naming no
    /// page; in the page's language when the page is public (whose existence its status page tells anyway), else
    /// (unknown or private, which must look the same) in English, as are problem details for a JSON client.
    /// </summary>
    public static IResult UnknownLink(HttpContext context, PageSnapshot? page, Func<PageTexts, string> text)
    {
        var texts = page is { IsPublic: true } && !WantsJson(context.Request) ? PageTexts.For(page.Language) : PageTexts.English;
        return WantsJson(context.Request)
            ? TypedResults.Problem(text(texts), statusCode: StatusCodes.Status404NotFound, title: texts.LinkNotValid)
            : SubscriptionPages.Message(StatusCodes.Status404NotFound, texts.LinkNotValid, text(texts), texts: texts);
    }
}
