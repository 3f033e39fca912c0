using StatusKit.TestSupport.Fakes;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Notifications.Teams;
using StatusKit.Tests.Notifications.Support;
using static StatusKit.Tests.Notifications.Support.NotificationFixtures;

namespace StatusKit.Tests.Notifications;

public sealed class TeamsNotifierTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private static readonly Uri Unsubscribe = new("https://status.acme.test/acme/subscriptions/unsubscribe?token=" + new string('b', 64));
    private static readonly Uri Manage = new("https://status.acme.test/acme/subscriptions/manage?token=" + new string('b', 64));
    private readonly TestHttpReceiver _receiver = new();
    private readonly ListLoggerProvider _logs = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task Posts_an_adaptive_card_in_the_message_envelope_a_Teams_workflow_takes()
    {
        _receiver.Respond = _ => new CannedResponse(202);
        await using var services = BuildServices(Clock(), _logs);
        var message = NotificationFixtures.Message(SubscriberChannel.Teams, _receiver.Url.ToString(), unsubscribeUrl: Unsubscribe) with { ManageUrl = Manage };

        var result = await services.GetRequiredService<TeamsNotifier>().SendAsync(message, CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(NotificationResultKind.Delivered, result.Kind);
        var request = Assert.Single(_receiver.Requests);
        Assert.Equal("POST", request.Method);
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal("StatusKit-Teams/1.0", request.Header("User-Agent"));
        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        Assert.Equal("message", root.GetProperty("type").GetString());
        var attachment = Assert.Single(root.GetProperty("attachments").EnumerateArray());
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        Assert.Equal(JsonValueKind.Null, attachment.GetProperty("contentUrl").ValueKind);
        var card = attachment.GetProperty("content");
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Equal("1.4", card.GetProperty("version").GetString());
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", card.GetProperty("$schema").GetString());
        Assert.Equal(
            ["API is having a major outage", "Requests to the API fail.", "We are investigating.", "Acme Status"],
            card.GetProperty("body").EnumerateArray().Select(Text));
        Assert.Equal(
            [("View status page", "https://status.acme.test/acme"), ("Manage subscription", Manage.AbsoluteUri), ("Unsubscribe", Unsubscribe.AbsoluteUri)],
            card.GetProperty("actions").EnumerateArray().Select(a => (a.GetProperty("title").GetString(), a.GetProperty("url").GetString())));
        Assert.All(card.GetProperty("actions").EnumerateArray(), a => Assert.Equal("Action.OpenUrl", a.GetProperty("type").GetString()));
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 4501);
        Assert.DoesNotContain(_logs.Entries, e => e.Message.Contains("/hooks/incoming", StringComparison.Ordinal));
    }

    [Fact]
    public void The_title_is_the_subject_in_bold_and_the_body_keeps_its_paragraphs()
    {
        var content = Content() with { Body = "First line\nsecond line\n\nNext paragraph" };

        var card = Card(TeamsCardBuilder.Build(content, "View status page"));

        var title = card.Body[0];
        var run = Assert.Single(title.Inlines);
        Assert.Equal(("RichTextBlock", "API is having a major outage", "Bolder", "Medium"), (title.Type, run.Text, run.Weight, run.Size));
        Assert.Equal(["First line", "second line", "Next paragraph"], card.Body.Skip(1).Take(3).Select(b => Assert.Single(b.Inlines).Text));
        // A line of the same paragraph follows without a gap; a new paragraph starts after one.
        Assert.Equal([null, "None", null], card.Body.Skip(1).Take(3).Select(b => b.Spacing));
        Assert.Equal(true, Assert.Single(card.Body[^1].Inlines).IsSubtle);
    }

    [Fact]
    public void A_body_of_many_short_lines_is_cut_with_an_ellipsis_so_the_message_stays_under_the_size_Teams_takes()
    {
        // An update listing every affected region on a line of its own: one block a line would pass Teams' ~28 KB.
        var lines = Enumerable.Range(1, 2_000).Select(i => $"Region \"eu-{i}\" down");
        var content = Content() with { Body = string.Join('\n', lines) };

        var payload = TeamsCardBuilder.Build(content, "View status page");
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload, TeamsJsonContext.Default.TeamsPayload);

        Assert.True(bytes.Length < 28_000, $"The message is {bytes.Length} bytes.");
        var card = Card(payload);
        Assert.Equal("Region \"eu-1\" down", Assert.Single(card.Body[1].Inlines).Text);
        Assert.Equal("\u2026", Assert.Single(card.Body[^2].Inlines).Text);
        Assert.Equal("View status page", card.Actions[0].Title);
    }

    [Fact]
    public void A_long_line_in_a_script_JSON_escapes_is_cut_to_fit_not_dropped()
    {
        // Every character outside ASCII is six bytes as JSON: 8,000 of them would be a 48 KB message.
        var content = Content() with { Body = "Short first paragraph.\n\n" + string.Concat(Enumerable.Repeat("障害が発生しています。", 800)) };

        var payload = TeamsCardBuilder.Build(content, "View status page");
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload, TeamsJsonContext.Default.TeamsPayload);

        Assert.True(bytes.Length < 28_000, $"The message is {bytes.Length} bytes.");
        var cut = Assert.Single(Card(payload).Body[2].Inlines).Text;
        Assert.StartsWith("障害が発生しています。障害", cut, StringComparison.Ordinal);
        Assert.EndsWith("\u2026", cut, StringComparison.Ordinal);
        Assert.True(cut.Length > 2_000, $"Only {cut.Length} characters were kept.");
    }

    [Fact]
    public void Operator_text_is_shown_as_written_in_runs_that_read_no_markdown_so_it_cannot_inject_links()
    {
        const string Written = "See [our mirror](https://evil.test) **now**, _please_ * and <b>this</b>";
        var content = Content() with { Subject = "[Acme](https://evil.test) *API* down", Body = Written, PageName = "Acme_Status*" };

        var payload = TeamsCardBuilder.Build(content, "View status page");

        var card = Card(payload);
        Assert.All(card.Body, b => Assert.Equal("RichTextBlock", b.Type));
        Assert.Equal("[Acme](https://evil.test) *API* down", Assert.Single(card.Body[0].Inlines).Text);
        Assert.Equal(Written, Assert.Single(card.Body[1].Inlines).Text);
        Assert.Equal("Acme_Status*", Assert.Single(card.Body[^1].Inlines).Text);
        var json = JsonSerializer.Serialize(payload, TeamsJsonContext.Default.TeamsPayload);
        Assert.DoesNotContain("\"TextBlock\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain(card.Actions, a => a.Url.Contains("evil", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_manage_and_unsubscribe_links_the_card_offers_only_the_page()
    {
        var card = Card(TeamsCardBuilder.Build(Content(), "View status page"));

        Assert.Equal([("View status page", "https://status.acme.test/acme")], card.Actions.Select(a => (a.Title, a.Url)));
    }

    [Fact]
    public void A_link_that_is_not_a_web_address_gets_no_action()
    {
        var card = Card(TeamsCardBuilder.Build(Content() with { Link = "javascript:alert(1)" }, "View status page", new Uri("mailto:x@example.com")));

        Assert.Empty(card.Actions);
    }

    [Fact]
    public void A_confirmation_request_offers_its_link_as_the_confirmation_and_nothing_to_manage_yet()
    {
        // The content as SubscriberService writes it for a Teams subscriber when the host has a public address.
        const string Link = "https://status.acme.test/status/acme/subscriptions/verify?token=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        var content = Content() with
        {
            Kind = NotificationKind.SubscriptionVerification,
            Subject = "Confirm your subscription to Acme & Co",
            Body = $"Confirm your subscription to Acme & Co by opening {Link}",
            PageName = "Acme & Co",
            Link = Link,
        };

        var card = Card(TeamsCardBuilder.Build(content, "View status page", Unsubscribe, Manage));

        Assert.Equal(
            ["Confirm your subscription to Acme & Co", "To confirm your subscription to Acme & Co, select Confirm your subscription below.", "Acme & Co"],
            card.Body.Select(b => Assert.Single(b.Inlines).Text));
        Assert.Equal([("Confirm your subscription", Link), ("Unsubscribe", Unsubscribe.AbsoluteUri)], card.Actions.Select(a => (a.Title, a.Url)));
    }

    [Fact]
    public void A_confirmation_request_without_a_link_still_gives_its_code()
    {
        var content = Content() with
        {
            Kind = NotificationKind.SubscriptionVerification, Subject = "Confirm your subscription to Acme", PageName = "Acme",
            Body = "Confirm your subscription to Acme with this code: 0123", Link = null,
        };

        var card = Card(TeamsCardBuilder.Build(content, "View status page"));

        Assert.Equal("Confirm your subscription to Acme with this code: 0123", Assert.Single(card.Body[1].Inlines).Text);
        Assert.Empty(card.Actions);
    }

    [Theory]
    [InlineData(200, NotificationResultKind.Delivered)]
    [InlineData(202, NotificationResultKind.Delivered)]
    [InlineData(410, NotificationResultKind.Gone)]
    [InlineData(404, NotificationResultKind.Permanent)]
    [InlineData(401, NotificationResultKind.Permanent)]
    [InlineData(400, NotificationResultKind.Permanent)]
    [InlineData(429, NotificationResultKind.Retry)]
    [InlineData(500, NotificationResultKind.Retry)]
    [InlineData(503, NotificationResultKind.Retry)]
    public async Task Status_maps_to_the_result_as_for_Slack_and_webhooks(int status, NotificationResultKind expected)
    {
        _receiver.Respond = _ => new CannedResponse(status, status == 410 ? "flow_deleted" : "error");
        await using var services = BuildServices(Clock(), _logs);
        var message = NotificationFixtures.Message(SubscriberChannel.Teams, _receiver.Url.ToString());

        var result = await services.GetRequiredService<TeamsNotifier>().SendAsync(message, CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(expected, result.Kind);
        Assert.Equal(expected != NotificationResultKind.Delivered, result.IsDestinationFailure);
        if (expected != NotificationResultKind.Delivered)
        {
            Assert.Contains(status.ToString(CultureInfo.InvariantCulture), result.Error, StringComparison.Ordinal);
            Assert.Contains(_logs.Entries, e => e.EventId.Id == 4502);
        }
    }

    [Fact]
    public async Task Too_many_requests_retries_after_the_seconds_the_workflow_asked_for()
    {
        _receiver.Respond = _ => new CannedResponse(429, "slow down", new Dictionary<string, string> { ["Retry-After"] = "120" });
        await using var services = BuildServices(Clock(), _logs);

        var result = await services.GetRequiredService<TeamsNotifier>()
            .SendAsync(NotificationFixtures.Message(SubscriberChannel.Teams, _receiver.Url.ToString()), CancellationToken.None).WaitAsync(Bound);

        Assert.Equal((NotificationResultKind.Retry, TimeSpan.FromSeconds(120)), (result.Kind, result.RetryAfter));
    }

    [Fact]
    public async Task Service_unavailable_retries_after_an_HTTP_date_measured_on_the_injected_clock()
    {
        var clock = Clock();
        var date = clock.GetUtcNow().AddSeconds(90).ToString("r", CultureInfo.InvariantCulture);
        _receiver.Respond = _ => new CannedResponse(503, string.Empty, new Dictionary<string, string> { ["Retry-After"] = date });
        await using var services = BuildServices(clock, _logs);

        var result = await services.GetRequiredService<TeamsNotifier>()
            .SendAsync(NotificationFixtures.Message(SubscriberChannel.Teams, _receiver.Url.ToString()), CancellationToken.None).WaitAsync(Bound);

        Assert.Equal((NotificationResultKind.Retry, TimeSpan.FromSeconds(90)), (result.Kind, result.RetryAfter));
    }

    [Fact]
    public async Task A_redirect_is_not_followed_and_fails_permanently()
    {
        _receiver.Respond = r => r.Target == "/hooks/incoming"
            ? new CannedResponse(302, string.Empty, new Dictionary<string, string> { ["Location"] = $"http://127.0.0.1:{_receiver.Port}/elsewhere" })
            : new CannedResponse(200);
        await using var services = BuildServices(Clock(), _logs);

        var result = await services.GetRequiredService<TeamsNotifier>()
            .SendAsync(NotificationFixtures.Message(SubscriberChannel.Teams, _receiver.Url.ToString()), CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(NotificationResultKind.Permanent, result.Kind);
        Assert.Contains("redirects are not followed", result.Error, StringComparison.Ordinal);
        Assert.Equal(["/hooks/incoming"], _receiver.Requests.Select(r => r.Target));
    }

    [Fact]
    public async Task A_loopback_destination_is_refused_when_private_networks_are_not_allowed()
    {
        await using var services = BuildServices(Clock(), _logs, allowPrivateNetworks: false, allowHttp: true);

        var result = await services.GetRequiredService<TeamsNotifier>()
            .SendAsync(NotificationFixtures.Message(SubscriberChannel.Teams, _receiver.Url.ToString()), CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(NotificationResultKind.Permanent, result.Kind);
        Assert.True(result.IsDestinationFailure);
        Assert.Equal(0, _receiver.ConnectionCount);
    }

    [Fact]
    public async Task A_destination_that_is_no_URL_is_unusable_without_a_request()
    {
        await using var services = BuildServices(Clock(), _logs);

        var result = await services.GetRequiredService<TeamsNotifier>()
            .SendAsync(NotificationFixtures.Message(SubscriberChannel.Teams, "not a url"), CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(NotificationResultKind.Permanent, result.Kind);
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 4503);
        Assert.Equal(0, _receiver.ConnectionCount);
    }

    [Fact]
    public async Task A_workflow_that_never_answers_times_out_and_retries()
    {
        _receiver.Respond = _ => null;
        var clock = Clock();
        await using var services = BuildServices(clock, _logs, timeout: TimeSpan.FromSeconds(5));
        var message = NotificationFixtures.Message(SubscriberChannel.Teams, _receiver.Url.ToString());

        var sending = services.GetRequiredService<TeamsNotifier>().SendAsync(message, CancellationToken.None);
        await _receiver.FirstRequest.WaitAsync(Bound);
        clock.Advance(TimeSpan.FromSeconds(5));
        var result = await sending.WaitAsync(Bound);

        Assert.Equal(NotificationResultKind.Retry, result.Kind);
    }

    private static AdaptiveCard Card(TeamsPayload payload) => Assert.Single(payload.Attachments).Content;

    private static string? Text(JsonElement block) =>
        Assert.Single(block.GetProperty("inlines").EnumerateArray()).GetProperty("text").GetString();
}
