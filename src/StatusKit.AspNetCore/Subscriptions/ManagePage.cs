using Microsoft.AspNetCore.Http;
using StatusKit.AspNetCore.Html;
using StatusKit.AspNetCore.Texts;
using StatusKit.Model;
using StatusKit.Snapshots;

namespace StatusKit.AspNetCore.Subscriptions;

/// <summary>
/// The page where a subscriber changes what it hears about (<c>subscriptions/manage?token=</c>): the subscribe form's
/// events and components (<see cref="SubscribeForm"/>) ticked as the subscriber chose, a form that posts them back with
/// the token, and a link to unsubscribe instead. It names neither the destination nor the channel: the token travels in
/// every message (a webhook's payload too), and a Slack, Teams, Discord or webhook URL is itself a credential. A follower
/// of one incident has nothing to choose: its page says which incident it follows and offers only to unsubscribe.
/// </summary>
internal static class ManagePage
{
    /// <summary>
    /// The page for <paramref name="subscriber"/> of <paramref name="page"/>, with <paramref name="notice"/> (a saved
    /// choice, or why one was refused) above the form when given; for a follower of one incident,
    /// <paramref name="incidentTitle"/> names it.
    /// </summary>
    public static IResult Show(
        HttpContext context, PageSnapshot page, Subscriber subscriber, string token, string pagePath, string backTo,
        int statusCode = StatusCodes.Status200OK, string? notice = null, string? incidentTitle = null)
    {
        var texts = PageTexts.For(page.Language);
        var html = SubscriptionPages.Start(texts.ManageTitle, page, backTo, SubscriptionPages.SchemeOf(context)).Element("h1", texts.Format(texts.YourUpdatesFrom, page.Name));
        if (notice is not null)
        {
            html.Raw(statusCode == StatusCodes.Status200OK ? "<p role=\"status\">" : "<p role=\"alert\">").Text(notice).Raw("</p>");
        }

        if (subscriber.StatusIncidentId is not null)
        {
            html.Element("p", texts.Format(texts.UpdatesOnIncident, incidentTitle ?? texts.AnIncidentOfThisPage))
                .Element("p", texts.FollowerHears)
                .Raw("<p><a").Attribute("href", SubscriptionPages.TokenLink(context, $"{pagePath}/subscriptions/unsubscribe", token)).Raw(">").Text(texts.Unsubscribe).Raw("</a></p>")
                .Raw("<p><a").Attribute("href", backTo).Raw(">").Text(texts.BackToStatusPage).Raw("</a></p></main></body></html>\n");
            return SubscriptionPages.Document(html, statusCode, page);
        }

        html.Element("p", texts.ChooseWhatYouHear)
            .Raw("<div class=\"subscribe\"><form method=\"post\"").Attribute("action", SubscriptionPages.TokenLink(context, $"{pagePath}/subscriptions/manage", token)).Raw(">");
        SubscribeForm.EventChoices(html, subscriber.NotifyOn);
        // The components the page shows, and any the subscriber follows that it does not (one shown only while
        // degraded), so saving the form never drops one unseen.
        var followed = subscriber.ComponentIds.ToHashSet();
        SubscribeForm.ComponentChoices(html, [.. page.Components.Where(c => c.IsShown || followed.Contains(c.Id))], followed);
        html.Raw("<button type=\"submit\">").Text(texts.Save).Raw("</button></form></div>")
            .Raw("<p><a").Attribute("href", SubscriptionPages.TokenLink(context, $"{pagePath}/subscriptions/unsubscribe", token)).Raw(">").Text(texts.UnsubscribeInstead).Raw("</a></p>")
            .Raw("<p><a").Attribute("href", backTo).Raw(">").Text(texts.BackToStatusPage).Raw("</a></p></main></body></html>\n");
        return SubscriptionPages.Document(html, statusCode, page);
    }
}
