using StatusKit.TestSupport.Fakes;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Notifications.Slack;
using StatusKit.Tests.Notifications.Support;
using static StatusKit.Tests.Notifications.Support.NotificationFixtures;

namespace StatusKit.Tests.Notifications;

public sealed class SlackNotifierTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly TestHttpReceiver _receiver = new();
    private readonly ListLoggerProvider _logs = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task Posts_ABlockKitMessage_WithFallbackText()
    {
        await using var services = BuildServices(Clock(), _logs);
        var content = Content() with { Subject = "[Acme Status] API is having a major outage", Body = "Use <https://evil.test|this> instead" };
        var message = NotificationFixtures.Message(SubscriberChannel.Slack, _receiver.Url.ToString(), content: content);

        var result = await services.GetRequiredService<SlackNotifier>().SendAsync(message, CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(NotificationResultKind.Delivered, result.Kind);
        var request = Assert.Single(_receiver.Requests);
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        Assert.Equal("[Acme Status] API is having a major outage", root.GetProperty("text").GetString());
        var blocks = root.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Equal(["header", "section", "context"], blocks.Select(b => b.GetProperty("type").GetString()));
        Assert.Equal("plain_text", blocks[0].GetProperty("text").GetProperty("type").GetString());
        Assert.Equal("[Acme Status] API is having a major outage", blocks[0].GetProperty("text").GetProperty("text").GetString());
        var section = blocks[1].GetProperty("text");
        Assert.Equal("mrkdwn", section.GetProperty("type").GetString());
        Assert.Equal("Use &lt;https://evil.test|this&gt; instead", section.GetProperty("text").GetString());
        var context = blocks[2].GetProperty("elements")[0].GetProperty("text").GetString();
        Assert.Equal("Acme Status \u00b7 <https://status.acme.test/acme|View status page>", context);
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 4301);
        Assert.DoesNotContain(_logs.Entries, e => e.Message.Contains("/hooks/incoming", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Context_EndsWithTheSubscribersUnsubscribeLink_WhenThereIsOne()
    {
        await using var services = BuildServices(Clock(), _logs);
        var unsubscribe = new Uri("https://status.acme.test/acme/subscriptions/unsubscribe?token=" + new string('b', 64));
        var message = NotificationFixtures.Message(SubscriberChannel.Slack, _receiver.Url.ToString(), unsubscribeUrl: unsubscribe);

        await services.GetRequiredService<SlackNotifier>().SendAsync(message, CancellationToken.None).WaitAsync(Bound);

        using var json = JsonDocument.Parse(Assert.Single(_receiver.Requests).Body);
        var context = json.RootElement.GetProperty("blocks")[2].GetProperty("elements")[0].GetProperty("text").GetString();
        Assert.Equal($"Acme Status \u00b7 <https://status.acme.test/acme|View status page> \u00b7 <{unsubscribe.AbsoluteUri}|Unsubscribe>", context);
    }

    [Fact]
    public async Task Context_OffersToManageTheSubscription_BeforeItsUnsubscribeLink()
    {
        await using var services = BuildServices(Clock(), _logs);
        var unsubscribe = new Uri("https://status.acme.test/acme/subscriptions/unsubscribe?token=" + new string('b', 64));
        var manage = new Uri("https://status.acme.test/acme/subscriptions/manage?token=" + new string('b', 64));
        var message = NotificationFixtures.Message(SubscriberChannel.Slack, _receiver.Url.ToString(), unsubscribeUrl: unsubscribe) with { ManageUrl = manage };

        await services.GetRequiredService<SlackNotifier>().SendAsync(message, CancellationToken.None).WaitAsync(Bound);

        using var json = JsonDocument.Parse(Assert.Single(_receiver.Requests).Body);
        var context = json.RootElement.GetProperty("blocks")[2].GetProperty("elements")[0].GetProperty("text").GetString();
        Assert.Equal(
            $"Acme Status \u00b7 <https://status.acme.test/acme|View status page> \u00b7 <{manage.AbsoluteUri}|Manage subscription> \u00b7 <{unsubscribe.AbsoluteUri}|Unsubscribe>",
            context);
    }

    [Theory]
    [InlineData(410, NotificationResultKind.Gone)]
    [InlineData(403, NotificationResultKind.Permanent)]
    [InlineData(401, NotificationResultKind.Permanent)]
    [InlineData(404, NotificationResultKind.Permanent)]
    [InlineData(429, NotificationResultKind.Retry)]
    [InlineData(500, NotificationResultKind.Retry)]
    [InlineData(302, NotificationResultKind.Permanent)]
    public async Task Status_MapsToResult_LikeWebhooks(int status, NotificationResultKind expected)
    {
        _receiver.Respond = _ => new CannedResponse(status, status == 410 ? "channel_is_archived" : "error");
        await using var services = BuildServices(Clock(), _logs);
        var message = NotificationFixtures.Message(SubscriberChannel.Slack, _receiver.Url.ToString());

        var result = await services.GetRequiredService<SlackNotifier>().SendAsync(message, CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(expected, result.Kind);
        if (status == 410)
        {
            Assert.Contains("channel_is_archived", result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task LoopbackDestination_IsRefused_WhenPrivateNetworksAreNotAllowed()
    {
        await using var services = BuildServices(Clock(), _logs, allowPrivateNetworks: false, allowHttp: true);
        var message = NotificationFixtures.Message(SubscriberChannel.Slack, _receiver.Url.ToString());

        var result = await services.GetRequiredService<SlackNotifier>().SendAsync(message, CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(NotificationResultKind.Permanent, result.Kind);
        Assert.Equal(0, _receiver.ConnectionCount);
    }

    [Fact]
    public async Task ReceiverThatNeverAnswers_TimesOut_AndRetries()
    {
        _receiver.Respond = _ => null;
        var clock = Clock();
        await using var services = BuildServices(clock, _logs, timeout: TimeSpan.FromSeconds(5));
        var message = NotificationFixtures.Message(SubscriberChannel.Slack, _receiver.Url.ToString());

        var sending = services.GetRequiredService<SlackNotifier>().SendAsync(message, CancellationToken.None);
        await _receiver.FirstRequest.WaitAsync(Bound);
        clock.Advance(TimeSpan.FromSeconds(5));
        var result = await sending.WaitAsync(Bound);

        Assert.Equal(NotificationResultKind.Retry, result.Kind);
    }

    [Fact]
    public void LongSubjects_AreCutToTheHeaderLimit()
    {
        var payload = SlackMessageBuilder.Build(Content() with { Subject = new string('x', 400), Link = "javascript:alert(1)" }, "View");

        Assert.Equal(150, payload.Blocks[0].Text!.Text.Length);
        Assert.DoesNotContain("javascript", payload.Blocks[2].Elements![0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2997, "& <tail>", "&amp;")] // the cut would fall inside "&amp;"
    [InlineData(2997, "<b> done", "&lt;")]
    public void A_long_message_is_cut_before_an_escaped_character_never_inside_it(int letters, string tail, string entity)
    {
        var body = new string('x', letters) + tail;

        var section = SlackMessageBuilder.Build(Content() with { Body = body }, "View").Blocks[1].Text!.Text;

        Assert.True(section.Length <= 3000, $"{section.Length} characters");
        Assert.Equal(new string('x', letters) + "\u2026", section);
        Assert.DoesNotContain(entity[..2], section, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cut_never_leaves_half_a_link_in_the_context()
    {
        var longName = new string('p', 2990);

        var context = SlackMessageBuilder.Build(Content() with { PageName = longName, Link = "https://status.example.com/status/acme" }, "View").Blocks[2].Elements![0].Text;

        Assert.True(context.Length <= 3000, $"{context.Length} characters");
        Assert.Equal(context.Count(c => c == '<'), context.Count(c => c == '>'));
    }

    [Fact]
    public void A_confirmation_request_gives_its_link_once_labelled_as_the_confirmation_link()
    {
        // The content as SubscriberService writes it for a Slack subscriber when the host has a public address.
        const string Link = "https://status.acme.test/status/acme/subscriptions/verify?token=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        var content = Content() with
        {
            Kind = NotificationKind.SubscriptionVerification,
            Subject = "Confirm your subscription to Acme & Co",
            Body = $"Confirm your subscription to Acme & Co by opening {Link}",
            PageName = "Acme & Co",
            Link = Link,
        };

        var payload = SlackMessageBuilder.Build(content, "View status page");

        var section = payload.Blocks[1].Text!.Text;
        var context = payload.Blocks[2].Elements![0].Text;
        Assert.Equal($"To confirm your subscription to Acme &amp; Co, open this link: <{Link}|Confirm your subscription>", section);
        Assert.Equal("Acme &amp; Co", context);
        Assert.DoesNotContain("View status page", section + context, StringComparison.Ordinal);
    }

    [Fact]
    public void A_confirmation_request_without_a_link_still_gives_its_code()
    {
        var content = Content() with
        {
            Kind = NotificationKind.SubscriptionVerification, Subject = "Confirm your subscription to Acme", PageName = "Acme",
            Body = "Confirm your subscription to Acme with this code: 0123", Link = null,
        };

        var payload = SlackMessageBuilder.Build(content, "View status page");

        Assert.Equal("Confirm your subscription to Acme with this code: 0123", payload.Blocks[1].Text!.Text);
        Assert.Equal("Acme", payload.Blocks[2].Elements![0].Text);
    }
}
