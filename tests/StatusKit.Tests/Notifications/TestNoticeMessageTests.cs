using System.Text.Json;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Notifications.Email;
using StatusKit.Notifications.Slack;
using StatusKit.Notifications.Teams;
using StatusKit.Testing;

namespace StatusKit.Tests.Notifications;

/// <summary>
/// What a subscriber reads of an operator's test notice, as <see cref="TestNotice"/> writes it and each channel renders
/// it: the subject and body, the link to the page and the links to manage and leave the subscription, as every other
/// notice but a confirmation request carries them. Names an operator typed (the page's, the components') are text, never
/// markup or a link.
/// </summary>
public sealed class TestNoticeMessageTests
{
    private const string PageName = "<!channel> *Acme* [win](https://evil.example)";
    private const string PageLink = "https://status.acme.test/acme";
    private static readonly Uri Unsubscribe = new("https://status.acme.test/acme/subscriptions/unsubscribe?token=" + new string('b', 64));
    private static readonly Uri Manage = new("https://status.acme.test/acme/subscriptions/manage?token=" + new string('b', 64));

    // As the dispatcher sends it: planned for a subscriber of two of three components, the page's link set.
    private static NotificationContent Planned(SubscriberChannel channel)
    {
        var page = TestData.Page(name: PageName);
        var api = TestData.Component(page.Id, "<https://evil.example|API>");
        var web = TestData.Component(page.Id, "Website");
        var subscriber = TestData.Subscriber(page.Id, channel) with { ComponentIds = [api.Id, web.Id], NotifyOn = NotificationEvents.Outage };
        var row = TestNotice.For(page, [api, TestData.Component(page.Id, "Database"), web], subscriber, TestData.T0);
        return row.Content with { Link = PageLink };
    }

    [Fact]
    public void The_subject_and_body_say_it_is_a_test_and_what_the_subscriber_follows()
    {
        var content = Planned(SubscriberChannel.Email);

        Assert.Equal($"Test notification from {PageName}", content.Subject);
        Assert.Equal(
            $"This is a test notification sent by the operators of {PageName} to check that their notices reach you. Nothing has changed on the page.\n\n" +
            "You follow <https://evil.example|API>, Website, and are told of: outage.",
            content.Body);
    }

    [Fact]
    public void An_email_has_the_test_in_text_and_html_with_the_page_manage_and_unsubscribe_links_and_encodes_what_was_typed()
    {
        var content = Planned(SubscriberChannel.Email);

        var text = EmailRenderer.Text(content, Unsubscribe, Manage);
        var html = EmailRenderer.Html(content, Unsubscribe, Manage);

        Assert.StartsWith($"Test notification from {PageName}\n\nThis is a test notification", text, StringComparison.Ordinal);
        Assert.Contains($"View it on the status page: {PageLink}", text, StringComparison.Ordinal);
        Assert.Contains($"Manage subscription: {Manage.AbsoluteUri}", text, StringComparison.Ordinal);
        Assert.Contains($"Unsubscribe: {Unsubscribe.AbsoluteUri}", text, StringComparison.Ordinal);
        Assert.Contains("<p>This is a test notification sent by the operators of &lt;!channel&gt; *Acme* [win](https://evil.example)", html, StringComparison.Ordinal);
        Assert.Contains("You follow &lt;https://evil.example|API&gt;, Website", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{PageLink}\">View it on the status page</a>", html, StringComparison.Ordinal);
        Assert.Contains(">Manage subscription</a>", html, StringComparison.Ordinal);
        Assert.Contains(">Unsubscribe</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"https://evil.example", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Slack_message_escapes_the_names_so_they_neither_mention_nor_link_and_ends_with_the_page_manage_and_unsubscribe_links()
    {
        var content = Planned(SubscriberChannel.Slack);

        var payload = SlackMessageBuilder.Build(content, "View status page", Unsubscribe, Manage);

        var json = JsonSerializer.Serialize(payload, SlackJsonContext.Default.SlackPayload);
        Assert.DoesNotContain("<!channel>", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<https://evil.example", json, StringComparison.Ordinal);
        Assert.Equal("Test notification from &lt;!channel&gt; *Acme* [win](https://evil.example)", payload.Text);
        var section = payload.Blocks.Single(b => b.Type == "section").Text!.Text;
        Assert.Contains("You follow &lt;https://evil.example|API&gt;, Website, and are told of: outage.", section, StringComparison.Ordinal);
        var context = Assert.Single(payload.Blocks.Single(b => b.Type == "context").Elements!).Text;
        Assert.Equal(
            $"&lt;!channel&gt; *Acme* [win](https://evil.example) \u00b7 <{PageLink}|View status page> \u00b7 <{Manage.AbsoluteUri}|Manage subscription> \u00b7 <{Unsubscribe.AbsoluteUri}|Unsubscribe>",
            context);
    }

    [Fact]
    public void A_Teams_card_shows_the_names_as_text_runs_and_its_only_links_are_the_page_manage_and_unsubscribe_buttons()
    {
        var content = Planned(SubscriberChannel.Teams);

        var card = Assert.Single(TeamsCardBuilder.Build(content, "View status page", Unsubscribe, Manage).Attachments).Content;

        Assert.Equal(
            [
                $"Test notification from {PageName}",
                $"This is a test notification sent by the operators of {PageName} to check that their notices reach you. Nothing has changed on the page.",
                "You follow <https://evil.example|API>, Website, and are told of: outage.",
                PageName,
            ],
            card.Body.Select(b => b.Inlines[0].Text));
        Assert.Equal(
            [("View status page", PageLink), ("Manage subscription", Manage.AbsoluteUri), ("Unsubscribe", Unsubscribe.AbsoluteUri)],
            card.Actions.Select(a => (a.Title, a.Url)));
    }
}
