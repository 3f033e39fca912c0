using StatusKit.Testing;
using System.Text.Json;
using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Notifications.Email;
using StatusKit.Notifications.Slack;
using StatusKit.Notifications.Teams;
using StatusKit.Status;

namespace StatusKit.Tests.Notifications;

/// <summary>What a subscriber reads about a component change, as the planner writes it and each channel renders it.</summary>
public sealed class ComponentChangeMessageTests
{
    private static NotificationContent PlannedChange(SubscriberChannel channel)
    {
        var page = TestData.Page(name: "Acme Status");
        var checkout = TestData.Component(page.Id, "Checkout");
        var inputs = new StatusInputs
        {
            Components = [checkout],
            Pages = [page],
            OpenSignals = [],
            InProgressWindows = [],
            UnresolvedIncidents = [],
            Subscribers = [TestData.Subscriber(page.Id, channel) with { ComponentIds = [] }],
        };
        var change = new ComponentStatusChange(page.Id, checkout.Id, ComponentStatus.Operational, ComponentStatus.PartialOutage, TestData.T0, "test");

        var planned = NotificationPlanner.PlanComponentChanges([change], inputs, new NotificationOptions(), causedByIncidents: true, maintenanceEnds: null);

        return Assert.Single(planned).Content!;
    }

    private static int Count(string text, string value) => text.Split(value).Length - 1;

    [Fact]
    public void AnEmail_StatesTheChangeOnce_InTextAndHtml()
    {
        var content = PlannedChange(SubscriberChannel.Email);

        var text = EmailRenderer.Text(content, unsubscribeUrl: null);
        var html = EmailRenderer.Html(content, unsubscribeUrl: null);

        Assert.Equal(1, Count(text, "Operational"));
        Assert.Contains("Checkout changed from Operational to Partial Outage.", text, StringComparison.Ordinal);
        Assert.Equal(1, Count(html, "Operational"));
    }

    [Fact]
    public void ASlackMessage_StatesTheChangeOnce_AndNamesThePageOnceInItsFallback()
    {
        var content = PlannedChange(SubscriberChannel.Slack);

        var payload = SlackMessageBuilder.Build(content, "View status page");

        var json = JsonSerializer.Serialize(payload, SlackJsonContext.Default.SlackPayload);
        Assert.Equal(1, Count(json, "Operational"));
        Assert.Equal("[Acme Status] Checkout: Partial Outage", payload.Text);
    }

    [Fact]
    public void ATeamsCard_StatesTheChangeOnce_UnderTheSubjectAsItsTitle()
    {
        var content = PlannedChange(SubscriberChannel.Teams);

        var payload = TeamsCardBuilder.Build(content, "View status page");

        var json = JsonSerializer.Serialize(payload, TeamsJsonContext.Default.TeamsPayload);
        Assert.Equal(1, Count(json, "Operational"));
        var body = payload.Attachments[0].Content.Body;
        Assert.Equal(
            ["[Acme Status] Checkout: Partial Outage", "Checkout changed from Operational to Partial Outage.", "Acme Status"],
            body.Select(b => b.Inlines[0].Text));
    }

    [Fact]
    public void AWebhook_SubjectNamesTheNewStatus_AndItsBodyTheChange()
    {
        var content = PlannedChange(SubscriberChannel.Webhook);

        Assert.Equal("[Acme Status] Checkout: Partial Outage", content.Subject);
        Assert.Equal("Checkout changed from Operational to Partial Outage.", content.Body);
    }
}
