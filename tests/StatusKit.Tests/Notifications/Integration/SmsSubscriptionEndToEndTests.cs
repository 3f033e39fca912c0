using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.Configuration;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Notifications.Dispatching;
using StatusKit.Notifications.Sms;
using StatusKit.Services;
using StatusKit.Testing;
using StatusKit.TestSupport;

namespace StatusKit.Tests.Notifications.Integration;

/// <summary>
/// An SMS subscriber through <c>AddStatusPages().AddTwilioSmsNotifier(...)</c>: its number is kept in E.164, the
/// dispatcher texts its confirmation link through Twilio, a number that replied STOP (Twilio's 21610) stops the
/// subscription as a gone destination, and the import takes <c>sms</c> rows. Twilio is a fake <see cref="HttpMessageHandler"/>.
/// </summary>
public sealed class SmsSubscriptionEndToEndTests
{
    [Fact]
    public async Task An_SMS_subscriber_is_texted_the_confirmation_link_and_confirms_with_it()
    {
        var twilio = new FakeTwilio(HttpStatusCode.Created, """{"sid": "SM1", "status": "queued"}""");
        await using var kit = Kit(twilio);
        var (page, _) = await kit.CreatePageAsync("Acme");

        var subscription = await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Sms, Destination = "+1 (415) 555-0123" });
        Assert.Equal(1, await kit.Get<NotificationDispatcher>().RunOnceAsync(CancellationToken.None));

        Assert.Equal("+14155550123", subscription.Subscriber.Destination);
        var body = WebUtility.UrlDecode(Assert.Single(twilio.Requests).Split('&').Single(p => p.StartsWith("Body=", StringComparison.Ordinal))[5..]);
        Assert.Equal(
            $"Confirm your subscription to Acme: https://status.acme.test/status/{page.Slug}/subscriptions/verify?token={subscription.VerificationToken}\nReply STOP to unsubscribe.",
            body);
        var confirmed = await kit.Subscribers.VerifyAsync(page.Id, subscription.VerificationToken!);
        Assert.True(confirmed!.IsVerified);
    }

    [Fact]
    public async Task A_number_that_replied_STOP_stops_the_subscription_as_a_gone_destination()
    {
        var twilio = new FakeTwilio(HttpStatusCode.BadRequest, """{"code": 21610, "message": "Attempt to send to unsubscribed recipient", "status": 400}""");
        await using var kit = Kit(twilio);
        var (page, _) = await kit.CreatePageAsync("Acme");
        var subscription = await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Sms, Destination = "+447400123456" });

        await kit.Get<NotificationDispatcher>().RunOnceAsync(CancellationToken.None);

        var subscriber = await kit.Subscribers.GetAsync(subscription.Subscriber.Id);
        Assert.Equal((false, SubscriberDeactivationReason.DestinationGone), (subscriber!.IsActive, subscriber.DeactivationReason));
        var row = Assert.Single(await kit.Store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id }, CancellationToken.None));
        Assert.Equal(NotificationState.DeadLettered, row.State);
        Assert.Contains("21610", row.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_number_stored_before_numbers_were_checked_per_country_is_still_texted_though_it_could_not_subscribe_now()
    {
        var twilio = new FakeTwilio(HttpStatusCode.Created, """{"sid": "SM1", "status": "queued"}""");
        await using var kit = Kit(twilio);
        var (page, _) = await kit.CreatePageAsync("Acme");
        var stored = TestData.Subscriber(page.Id, SubscriberChannel.Sms, "+15551234567") with { ComponentIds = [] };
        await kit.Store.AddSubscriberAsync(stored, [], CancellationToken.None);

        await kit.Subscribers.SendTestNotificationAsync(stored.Id);
        await kit.Get<NotificationDispatcher>().RunOnceAsync(CancellationToken.None);

        var to = WebUtility.UrlDecode(Assert.Single(twilio.Requests).Split('&').Single(p => p.StartsWith("To=", StringComparison.Ordinal))[3..]);
        Assert.Equal("+15551234567", to);
        var refusal = await Assert.ThrowsAsync<StatusKitValidationException>(() =>
            kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Sms, Destination = "+1 555 123 4568" }));
        Assert.Equal(ValidationCodes.DestinationInvalidPhoneNumber, refusal.Code);
    }

    [Fact]
    public async Task The_same_number_written_differently_is_one_subscriber()
    {
        await using var kit = Kit(new FakeTwilio(HttpStatusCode.Created, "{}"));
        var (page, _) = await kit.CreatePageAsync("Acme");
        var first = await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Sms, Destination = "+14155550123" });

        var again = await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Sms, Destination = "+1 415-555-0123" });

        Assert.Equal(first.Subscriber.Id, again.Subscriber.Id);
        Assert.Single(await kit.Subscribers.ListAsync(page.Id));
    }

    [Theory]
    [InlineData("6505550199")]
    [InlineData("+1 650 555")]
    [InlineData("+1 650 555 0199 x")]
    [InlineData("https://example.com/+16505550199")]
    [InlineData("+99999999999")]
    [InlineData("+1 555 123 4567")]
    [InlineData("+44 7700 900123")]
    public async Task A_destination_that_is_no_valid_international_number_is_refused_on_destination_without_echoing_it(string destination)
    {
        await using var kit = Kit(new FakeTwilio(HttpStatusCode.Created, "{}"));
        var (page, _) = await kit.CreatePageAsync("Acme");

        var ex = await Assert.ThrowsAsync<StatusKitValidationException>(() =>
            kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Sms, Destination = destination }));

        Assert.Equal(("destination", ValidationCodes.DestinationInvalidPhoneNumber), (ex.Field, ex.Code));
        Assert.Contains("+14155550123", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(destination, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_SMS_notifier_the_channel_is_not_offered_and_a_subscription_to_it_says_how_to_turn_it_on()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");

        var ex = await Assert.ThrowsAsync<StatusKitValidationException>(() =>
            kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Sms, Destination = "+14155550123" }));

        Assert.DoesNotContain(SubscriberChannel.Sms, kit.Subscribers.Channels);
        Assert.Equal("channel", ex.Field);
        Assert.Contains("AddTwilioSmsNotifier", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_import_takes_sms_rows_and_shows_a_refused_number_by_its_last_digits_only()
    {
        await using var kit = Kit(new FakeTwilio(HttpStatusCode.Created, "{}"));
        var (page, _) = await kit.CreatePageAsync("Acme");

        var report = await kit.Get<SubscriberImportService>().ImportAsync(page.Id, [
            new ImportedSubscriber { Row = 2, Channel = "sms", Destination = "+1 415 555 0123" },
            new ImportedSubscriber { Row = 3, Channel = "SMS", Destination = "0207 946 0958" },
            new ImportedSubscriber { Row = 4, Channel = "sms", Destination = "+14155550123" },
            new ImportedSubscriber { Row = 5, Channel = "sms", Destination = "+1 555 123 4567" }]);

        Assert.Equal([(SubscriberChannel.Sms, 2)], report.Imported.Select(r => (r.Channel, r.Row)));
        Assert.Equal(
            [(3, SubscriberImportSkipReason.Invalid, "\u20260958"), (4, SubscriberImportSkipReason.Duplicate, "\u20260123"), (5, SubscriberImportSkipReason.Invalid, "\u20264567")],
            report.Skipped.Select(s => (s.Row, s.Reason, s.Destination)));
        Assert.DoesNotContain("946 0958", report.Skipped[0].Message, StringComparison.Ordinal);
        var subscriber = Assert.Single(await kit.Subscribers.ListAsync(page.Id));
        Assert.Equal(("+14155550123", true), (subscriber.Destination, subscriber.IsVerified));
    }

    private static StatusKitHarness Kit(FakeTwilio twilio) => new(services =>
    {
        services.Configure<StatusPagesOptions>(o =>
        {
            o.PublicBaseAddress = new Uri("https://status.acme.test/status");
            o.LinkSigningKey = Convert.ToBase64String(new byte[32]);
        });
        services.AddStatusPages().AddTwilioSmsNotifier(o =>
        {
            o.AccountSid = "AC0123456789abcdef0123456789abcdef";
            o.AuthToken = "token";
            o.From = "+15005550006";
        });
        services.AddHttpClient(SmsNotifier.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => twilio);
    });

    /// <summary>Twilio's Messages resource: records each request's form and gives the same answer to every one.</summary>
    private sealed class FakeTwilio(HttpStatusCode status, string json) : HttpMessageHandler
    {
        public List<string> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(await request.Content!.ReadAsStringAsync(cancellationToken));
            return new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        }
    }
}
