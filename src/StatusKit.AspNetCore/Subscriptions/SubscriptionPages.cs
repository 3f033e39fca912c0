using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StatusKit.AspNetCore.Html;
using StatusKit.AspNetCore.Texts;
using StatusKit.Snapshots;

namespace StatusKit.AspNetCore.Subscriptions;

/// <summary>
/// The small HTML pages of the subscription routes: one that asks before acting, and one that tells the outcome. Those
/// of a page (a link of its own, its subscribe form) wear its branding as its status page does
/// (<see cref="PageBrand"/>): its logo or name above the text, linking to its homepage or else to the status page, and
/// its accent; their Content-Security-Policy lets the logo load. The others (an unknown link) name no page. All are
/// in the colour scheme of the endpoint options (<see cref="StatusPageEndpointOptions.ColorScheme"/>), as the page is.
/// </summary>
internal static class SubscriptionPages
{
    private static readonly object PageKey = new();

    /// <summary>
    /// A page that asks, with a form that POSTs the token back: following a link (as mail scanners and link previews
    /// do) changes nothing; the button does. Branded as <paramref name="page"/>, its heading linking to
    /// <paramref name="backTo"/> when the page has no homepage.
    /// </summary>
    /// <remarks>
    /// <paramref name="instead"/>, when given, is a link under the question to do something else with the same token
    /// (the unsubscribe question offers to change what the subscriber gets instead): its text and its path under the
    /// request's path base.
    /// </remarks>
    public static IResult Ask(
        HttpContext context, string question, string button, string path, string token, PageSnapshot page, string backTo, (string Text, string Path)? instead = null)
    {
        var html = Start(button, page, backTo, SchemeOf(context))
            .Element("h1", question)
            .Raw("<form method=\"post\"").Attribute("action", TokenLink(context, path, token)).Raw(">")
            .Raw("<button type=\"submit\">").Text(button).Raw("</button></form>");
        if (instead is { } other)
        {
            html.Raw("<p><a").Attribute("href", TokenLink(context, other.Path, token)).Raw(">").Text(other.Text).Raw("</a></p>");
        }

        html.Raw("</main></body></html>\n");
        return Document(html, StatusCodes.Status200OK, page);
    }

    /// <summary>The texts of <paramref name="page"/>'s language; English without a page.</summary>
    public static PageTexts TextsOf(PageSnapshot? page) => PageTexts.For(page?.Language);

    /// <summary>
    /// The texts a refusal or an answer about <paramref name="page"/> is written in: English for a script (problem details
    /// and JSON stay English, as the JSON API does), else the page's language.
    /// </summary>
    public static PageTexts TextsFor(HttpContext context, PageSnapshot? page) =>
        ConfirmationAnswer.WantsJson(context.Request) ? PageTexts.English : TextsOf(page);

    /// <summary>The route at <paramref name="path"/> (under the request's path base) with <paramref name="token"/> in its query.</summary>
    public static string TokenLink(HttpContext context, string path, string token) =>
        $"{context.Request.PathBase}{path}?token={Uri.EscapeDataString(token)}";

    /// <summary>
    /// Whether the request is a person's browser (the page's subscribe form): its Accept header names <c>text/html</c>
    /// and not JSON. Scripts (<c>Accept: */*</c> or JSON) keep getting JSON and problem details.
    /// </summary>
    public static bool WantsPage(HttpRequest request) =>
        !ConfirmationAnswer.WantsJson(request)
        && request.GetTypedHeaders().Accept.Any(type => type.Quality is null or > 0 && type.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A page with a title and one paragraph of <paramref name="text"/>, a second of <paramref name="detail"/> when
    /// given, and a link back to the status page at <paramref name="backTo"/> when given; branded as
    /// <paramref name="page"/> when given (its heading linking to <paramref name="backTo"/> when the page has no homepage).
    /// </summary>
    /// <remarks>
    /// Written when the answer is sent, in the colour scheme of the request's endpoint options. In the language of
    /// <paramref name="texts"/> when given (an unbranded answer about a public page), else of <paramref name="page"/>.
    /// </remarks>
    public static IResult Message(
        int statusCode, string title, string text, string? detail = null, string? backTo = null, PageSnapshot? page = null, PageTexts? texts = null) =>
        new WithDocumentSecurityHeaders(statusCode, page, scheme => MessageDocument(scheme, title, text, detail, backTo, page, texts));

    private static HtmlWriter MessageDocument(
        PageColorScheme scheme, string title, string text, string? detail, string? backTo, PageSnapshot? page, PageTexts? texts)
    {
        var html = Start(title, page, backTo, scheme, texts).Element("h1", title).Element("p", text);
        if (detail is not null)
        {
            html.Element("p", detail);
        }

        if (backTo is not null)
        {
            html.Raw("<p><a").Attribute("href", backTo).Raw(">").Text(html.Texts.BackToStatusPage).Raw("</a></p>");
        }

        return html.Raw("</main></body></html>\n");
    }

    /// <summary>The colour scheme of the HTML pages (<see cref="StatusPageEndpointOptions.ColorScheme"/>) of the request's services.</summary>
    public static PageColorScheme SchemeOf(HttpContext context) =>
        context.RequestServices.GetService<IOptions<StatusPageEndpointOptions>>()?.Value.ColorScheme ?? PageColorScheme.Auto;

    /// <summary>
    /// Keeps <paramref name="page"/> for the rest of the request, so a refusal answered outside its route
    /// (<see cref="SubscriptionExceptionFilter"/>) can wear its branding.
    /// </summary>
    public static void Remember(HttpContext context, PageSnapshot page) => context.Items[PageKey] = page;

    /// <summary>The page <see cref="Remember"/> kept for this request, or null.</summary>
    public static PageSnapshot? Remembered(HttpContext context) => context.Items.TryGetValue(PageKey, out var page) ? page as PageSnapshot : null;

    // Sent with the status page's security headers (DocumentSecurityHeaders), like every HTML document of the page, the
    // policy allowing the logo the page shows.
    internal static IResult Document(HtmlWriter html, int statusCode, PageSnapshot? page) => new WithDocumentSecurityHeaders(statusCode, page, _ => html);

    // The document html writes in the request's colour scheme.
    private sealed class WithDocumentSecurityHeaders(int statusCode, PageSnapshot? page, Func<PageColorScheme, HtmlWriter> html) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            DocumentSecurityHeaders.Apply(httpContext.Response, page is null ? null : PageBrand.LogoOrigin(page));
            // The writer's pooled buffer goes back to the pool once its text is taken.
            using var writer = html(SchemeOf(httpContext));
            var content = TypedResults.Content(writer.ToString(), "text/html; charset=utf-8", statusCode: statusCode);
            return content.ExecuteAsync(httpContext);
        }
    }

    /// <summary>
    /// The document up to the start of its <c>main</c> element's content, titled <paramref name="title"/>, in the status
    /// page's own style (<see cref="PageStyles"/>), so a subscriber who lands here from the page's form or a message's
    /// link is still on the page's site: with <paramref name="page"/>, its accent and, first in <c>main</c>, its logo or
    /// name linking to its homepage, else to <paramref name="backTo"/> (<see cref="PageBrand.Heading"/>); in
    /// <paramref name="scheme"/> (<see cref="PageTheme"/>). In the page's language (<see cref="Model.StatusPage.Language"/>);
    /// English without a page.
    /// </summary>
    internal static HtmlWriter Start(string title, PageSnapshot? page, string? backTo, PageColorScheme scheme, PageTexts? texts = null)
    {
        var html = new HtmlWriter(texts ?? TextsOf(page));
        html.Raw("<!DOCTYPE html>\n<html").Attribute("lang", html.Texts.Tag)
            .Raw("><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
            .Text(title).Raw("</title>").Styles(scheme, page?.AccentColor).Raw("</head><body><main class=\"notice card\">");
        return page is null ? html : html.Raw("<p class=\"brand\">").Heading(page, backTo).Raw("</p>");
    }
}
