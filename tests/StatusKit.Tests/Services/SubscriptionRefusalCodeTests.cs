using System.Net;
using StatusKit.Model;
using StatusKit.Services;
using StatusKit.TestSupport;
using static StatusKit.Tests.Services.ServiceAssert;

namespace StatusKit.Tests.Services;

/// <summary>
/// The machine-readable reason (<see cref="StatusKitValidationException.Code"/>) of each refusal of a subscription or
/// of a subscriber's change of choice, beside the field and the English message, which stay as they were.
/// </summary>
public sealed class SubscriptionRefusalCodeTests
{
    [Theory]
    [InlineData(SubscriberChannel.Email, "   ", ValidationCodes.DestinationRequired)]
    [InlineData(SubscriberChannel.Email, "not-an-address", ValidationCodes.DestinationInvalidEmail)]
    [InlineData(SubscriberChannel.Sms, "12", ValidationCodes.DestinationInvalidPhoneNumber)]
    [InlineData(SubscriberChannel.Sms, "+1 555 123 4567", ValidationCodes.DestinationInvalidPhoneNumber)]
    [InlineData(SubscriberChannel.Webhook, "ftp://hooks.example.com/status", ValidationCodes.DestinationInvalidUrl)]
    [InlineData(SubscriberChannel.Webhook, "https://user:secret@hooks.example.com/status", ValidationCodes.DestinationInvalidUrl)]
    [InlineData(SubscriberChannel.Slack, "http://hooks.slack.com/services/T0/B0/x", ValidationCodes.DestinationInvalidHttpsUrl)]
    [InlineData(SubscriberChannel.Teams, "flows.example.com/workflows", ValidationCodes.DestinationInvalidHttpsUrl)]
    [InlineData(SubscriberChannel.Discord, "https://example.com/api/webhooks/1/abc", ValidationCodes.DestinationInvalidDiscordWebhook)]
    [InlineData(SubscriberChannel.Webhook, "http://hooks.example.com/status", ValidationCodes.DestinationHttpsRequired)]
    [InlineData(SubscriberChannel.Webhook, "https://internal.example.com/status", ValidationCodes.DestinationUnreachableHost)]
    [InlineData(SubscriberChannel.Slack, "https://10.0.0.1/hook", ValidationCodes.DestinationUnreachableHost)]
    [InlineData(SubscriberChannel.Discord, "https://discord.com/api/webhooks/1/abc", ValidationCodes.DestinationUnreachableHost)]
    public async Task Subscribe_WithADestinationItsChannelRefuses_NamesTheReasonsCode(SubscriberChannel channel, string destination, string code)
    {
        await using var kit = KitWithSms();
        var (page, _) = await kit.CreatePageAsync("Acme");

        var refusal = await InvalidAsync(kit, "destination", () => kit.Subscribers.SubscribeAsync(
            new Subscribe { PageId = page.Id, Channel = channel, Destination = destination }));

        Assert.Equal(code, refusal.Code);
    }

    [Fact]
    public async Task Subscribe_WithADestinationOverTheLimit_IsTooLong_AndTheMessageStillNamesTheLimit()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");

        var refusal = await InvalidAsync(kit, "destination", () => kit.Subscribers.SubscribeAsync(
            new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = new string('a', 2_001) + "@example.com" }));

        Assert.Equal((ValidationCodes.DestinationTooLong, "The destination must be at most 2000 characters."), (refusal.Code, refusal.Message));
    }

    [Fact]
    public async Task Subscribe_ByAChannelTheHostDoesNotTake_IsUnsupported_AndByNoChannelAtAll_Unknown()
    {
        await using var kit = Kit(withEmail: false);
        var (page, _) = await kit.CreatePageAsync("Acme");

        var email = await InvalidAsync(kit, "channel", () => kit.Subscribers.SubscribeAsync(
            new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "ops@example.com" }));
        var none = await InvalidAsync(kit, "channel", () => kit.Subscribers.SubscribeAsync(
            new Subscribe { PageId = page.Id, Channel = (SubscriberChannel)99, Destination = "ops@example.com" }));

        Assert.Equal(ValidationCodes.ChannelUnsupported, email.Code);
        Assert.Equal(ValidationCodes.ChannelUnknown, none.Code);
    }

    [Fact]
    public async Task Subscribe_WithNoEventOrAnUnknownOne_NamesNotifyOnsCodes()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");

        var none = await InvalidAsync(kit, "notifyOn", () => kit.Subscribers.SubscribeAsync(
            new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "ops@example.com", NotifyOn = NotificationEvents.None }));
        var unknown = await InvalidAsync(kit, "notifyOn", () => kit.Subscribers.SubscribeAsync(
            new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "ops@example.com", NotifyOn = (NotificationEvents)1024 }));

        Assert.Equal(ValidationCodes.NotifyOnEmpty, none.Code);
        Assert.Equal("Choose at least one of degraded, outage, maintenance, resolved.", none.Message);
        Assert.Equal(ValidationCodes.NotifyOnUnknown, unknown.Code);
        Assert.Equal("Choose at least one of degraded, outage, maintenance, resolved.", unknown.Message);
    }

    [Fact]
    public async Task Subscribe_ToAComponentOrIncidentNotOnThePage_NamesNotOnPage()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");

        var component = await InvalidAsync(kit, "componentIds", () => kit.Subscribers.SubscribeAsync(
            new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "ops@example.com", ComponentIds = [Guid.NewGuid()] }));
        var incident = await InvalidAsync(kit, "incidentId", () => kit.Subscribers.SubscribeAsync(
            new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "ops@example.com", StatusIncidentId = Guid.NewGuid() }));

        Assert.Equal(ValidationCodes.ComponentsNotOnPage, component.Code);
        Assert.Equal(ValidationCodes.IncidentNotOnPage, incident.Code);
    }

    [Fact]
    public async Task Subscribe_ToAnIncident_WithAChoice_NamesThatAnIncidentFollowsAllItsUpdates()
    {
        await using var kit = Kit();
        var (page, components) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "API errors", Message = "Investigating." });

        var withComponents = await InvalidAsync(kit, "componentIds", () => kit.Subscribers.SubscribeAsync(new Subscribe
        {
            PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "ops@example.com", StatusIncidentId = incident.Id, ComponentIds = [components[0].Id],
        }));
        var withEvents = await InvalidAsync(kit, "notifyOn", () => kit.Subscribers.SubscribeAsync(new Subscribe
        {
            PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "ops@example.com", StatusIncidentId = incident.Id, NotifyOn = NotificationEvents.Outage,
        }));

        Assert.Equal(ValidationCodes.IncidentFollowsAllUpdates, withComponents.Code);
        Assert.Equal(ValidationCodes.IncidentFollowsAllUpdates, withEvents.Code);
    }

    [Fact]
    public async Task Update_WithNoEvent_OrAComponentNotOnThePage_NamesTheSameCodesAsSubscribe()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var subscriber = (await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "ops@example.com" })).Subscriber;

        var none = await InvalidAsync(kit, "notifyOn", () => kit.Subscribers.UpdateAsync(subscriber.Id, new UpdateSubscriber { NotifyOn = NotificationEvents.None }));
        var component = await InvalidAsync(kit, "componentIds", () => kit.Subscribers.UpdateAsync(subscriber.Id, new UpdateSubscriber { ComponentIds = [Guid.NewGuid()] }));

        Assert.Equal(ValidationCodes.NotifyOnEmpty, none.Code);
        Assert.Equal(ValidationCodes.ComponentsNotOnPage, component.Code);
    }

    [Fact]
    public async Task Update_OfAnIncidentsFollower_WithAChoice_NamesThatAnIncidentFollowsAllItsUpdates()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "API errors", Message = "Investigating." });
        var follower = (await kit.Subscribers.SubscribeAsync(new Subscribe
        {
            PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "ops@example.com", StatusIncidentId = incident.Id,
        })).Subscriber;

        var refusal = await InvalidAsync(kit, "notifyOn", () => kit.Subscribers.UpdateAsync(follower.Id, new UpdateSubscriber { NotifyOn = NotificationEvents.Outage }));

        Assert.Equal(ValidationCodes.IncidentFollowsAllUpdates, refusal.Code);
    }

    [Fact]
    public void A_refusal_made_without_a_code_has_none()
    {
        var refusal = new StatusKitValidationException("name", "The name is required.");

        Assert.Null(refusal.Code);
        Assert.Equal(("name", "The name is required."), (refusal.Field, refusal.Message));
    }

    [Fact]
    public void A_refusal_keeps_the_code_it_is_given()
    {
        var refusal = new StatusKitValidationException("destination", "The destination is required.", ValidationCodes.DestinationRequired);

        Assert.Equal(("destination", "The destination is required.", "destination.required"), (refusal.Field, refusal.Message, refusal.Code));
    }

    // Every channel's notifier; discord.com resolves to a private address, so that its well-formed webhook URLs are refused for their host.
    private static StatusKitHarness KitWithSms()
    {
        var dns = new Dictionary<string, IPAddress>(StringComparer.OrdinalIgnoreCase)
        {
            ["hooks.slack.com"] = IPAddress.Parse("93.184.216.34"),
            ["hooks.example.com"] = IPAddress.Parse("151.101.1.140"),
            ["flows.example.com"] = IPAddress.Parse("20.42.65.92"),
            ["internal.example.com"] = IPAddress.Parse("10.1.2.3"),
            ["discord.com"] = IPAddress.Parse("10.9.9.9"),
        };
        return Kit(dns: dns, withSms: true);
    }
}
