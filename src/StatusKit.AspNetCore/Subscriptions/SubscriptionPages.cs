using Microsoft.AspNetCore.Http;
using StatusKit.AspNetCore.Html;

namespace StatusKit.AspNetCore.Subscriptions;

/// <summary>The small HTML pages of the subscription routes: one that asks before acting, and one that tells the outcome.</summary>
internal static class SubscriptionPages
{
    /// <summary>
    /// A page that asks, with a form that POSTs the token back: following a link (as mail scanners and link previews
    /// do) changes nothing; the button does.
    /// </summary>
    public static IResult Ask(HttpContext context, string question, string button, string path, string token)
    {
        var html = new HtmlWriter()
            .Raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").Text(button)
            .Raw("</title></head><body><main>")
            .Element("h1", question)
            .Raw("<form method=\"post\"").Attribute("action", $"{context.Request.PathBase}{path}?token={Uri.EscapeDataString(token)}").Raw(">")
            .Raw("<button type=\"submit\">").Text(button).Raw("</button></form></main></body></html>\n");
        return TypedResults.Content(html.ToString(), "text/html; charset=utf-8");
    }

    /// <summary>A page with a title and one paragraph of <paramref name="text"/>, and a second of <paramref name="detail"/> when given.</summary>
    public static IResult Message(int statusCode, string title, string text, string? detail = null)
    {
        var html = new HtmlWriter()
            .Raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
            .Text(title).Raw("</title></head><body><main>").Element("h1", title).Element("p", text);
        if (detail is not null)
        {
            html.Element("p", detail);
        }

        html.Raw("</main></body></html>\n");
        return TypedResults.Content(html.ToString(), "text/html; charset=utf-8", statusCode: statusCode);
    }
}
