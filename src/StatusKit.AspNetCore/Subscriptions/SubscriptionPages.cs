using Microsoft.AspNetCore.Http;
using StatusKit.AspNetCore.Html;

namespace StatusKit.AspNetCore.Subscriptions;

/// <summary>The small HTML pages of the subscription routes: one that asks before acting, and one that tells the outcome.</summary>
internal static class SubscriptionPages
{
    /// <summary>
    /// A page that asks, with a form that POSTs the token back: following a link (as mail scanners and link previews
    /// do) changes nothing; the button does. <paramref name="accentColor"/> is the page's (<see cref="PageBrand.AccentStyle"/>).
    /// </summary>
    public static IResult Ask(HttpContext context, string question, string button, string path, string token, string? accentColor = null)
    {
        var html = Start(button, accentColor)
            .Element("h1", question)
            .Raw("<form method=\"post\"").Attribute("action", $"{context.Request.PathBase}{path}?token={Uri.EscapeDataString(token)}").Raw(">")
            .Raw("<button type=\"submit\">").Text(button).Raw("</button></form></main></body></html>\n");
        return Document(html, StatusCodes.Status200OK);
    }

    /// <summary>
    /// Whether the request is a person's browser (the page's subscribe form): its Accept header names <c>text/html</c>
    /// and not JSON. Scripts (<c>Accept: */*</c> or JSON) keep getting JSON and problem details.
    /// </summary>
    public static bool WantsPage(HttpRequest request) =>
        !ConfirmationAnswer.WantsJson(request)
        && request.GetTypedHeaders().Accept.Any(type => type.Quality is null or > 0 && type.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A page with a title and one paragraph of <paramref name="text"/>, a second of <paramref name="detail"/> when
    /// given, and a link back to the status page at <paramref name="backTo"/> when given; in the page's accent when
    /// <paramref name="accentColor"/> is given (<see cref="PageBrand.AccentStyle"/>).
    /// </summary>
    public static IResult Message(int statusCode, string title, string text, string? detail = null, string? backTo = null, string? accentColor = null)
    {
        var html = Start(title, accentColor).Element("h1", title).Element("p", text);
        if (detail is not null)
        {
            html.Element("p", detail);
        }

        if (backTo is not null)
        {
            html.Raw("<p><a").Attribute("href", backTo).Raw(">Back to the status page</a></p>");
        }

        html.Raw("</main></body></html>\n");
        return Document(html, statusCode);
    }

    // Sent with the status page's security headers (DocumentSecurityHeaders), like every HTML document of the page.
    private static IResult Document(HtmlWriter html, int statusCode)
    {
        var content = TypedResults.Content(html.ToString(), "text/html; charset=utf-8", statusCode: statusCode);
        return new WithDocumentSecurityHeaders(content);
    }

    private sealed class WithDocumentSecurityHeaders(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            DocumentSecurityHeaders.Apply(httpContext.Response, logoOrigin: null); // no logo on these pages
            return inner.ExecuteAsync(httpContext);
        }
    }

    /// <summary>
    /// The document up to its <c>main</c> element, titled <paramref name="title"/>, in the status page's own style
    /// (<see cref="PageStyles"/>), so a subscriber who lands here from the page's form or a message's link is still
    /// on the page's site, with the page's accent when it has one.
    /// </summary>
    private static HtmlWriter Start(string title, string? accentColor) =>
        new HtmlWriter()
            .Raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
            .Text(title).Raw("</title><style>").Raw(PageStyles.Css).Raw("</style>").AccentStyle(accentColor).Raw("</head><body><main class=\"notice card\">");
}
