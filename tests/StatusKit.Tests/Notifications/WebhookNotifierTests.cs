using StatusKit.TestSupport.Fakes;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Notifications.Webhooks;
using StatusKit.Testing;
using StatusKit.Tests.Notifications.Support;
using static StatusKit.Tests.Notifications.Support.NotificationFixtures;

namespace StatusKit.Tests.Notifications;

public sealed class WebhookNotifierTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly TestHttpReceiver _receiver = new();
    private readonly ListLoggerProvider _logs = new();
    private readonly string _secret = WebhookSignature.GenerateSecret();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    private NotificationMessage Message() => NotificationFixtures.Message(SubscriberChannel.Webhook, _receiver.Url.ToString(), _secret);

    [Fact]
    public async Task Delivery_IsSignedSoTheReceiverCanVerifyIt_WithTheDocumentedAlgorithm()
    {
        var clock = Clock();
        await using var services = BuildServices(clock, _logs);
        var notifier = services.GetRequiredService<WebhookNotifier>();

        var result = await notifier.SendAsync(Message(), CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(NotificationResultKind.Delivered, result.Kind);
        var request = Assert.Single(_receiver.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/hooks/incoming", request.Target);
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        var id = request.Header("webhook-id");
        var timestamp = request.Header("webhook-timestamp");
        var signature = request.Header("webhook-signature");
        Assert.Equal(Message().NotificationId.ToString(), id);
        Assert.Equal(clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), timestamp);

        // The receiver's side, written out from docs/notifications.md rather than through the library.
        var key = Convert.FromBase64String(_secret);
        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(request.Body).ToArray();
        Assert.Equal("v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed)), signature);
        Assert.True(WebhookSignature.Verify(_secret, id, timestamp, request.BodyText, signature, clock.GetUtcNow(), TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(WebhookSignature.GenerateSecret(), id, timestamp, request.BodyText, signature));

        Assert.Contains(_logs.Entries, e => e.EventId.Id == 4201);
        Assert.DoesNotContain(_logs.Entries, e => e.Message.Contains(signature, StringComparison.Ordinal) || e.Message.Contains(_secret, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1, 2)]  // the overlap has a second left: signed with both secrets
    [InlineData(0, 1)]  // the overlap ended now: the new secret only
    public async Task Delivery_DuringASecretRotationsOverlap_IsSignedWithTheNewAndTheOldSecret(int secondsLeft, int signatures)
    {
        var clock = Clock();
        var old = WebhookSignature.GenerateSecret();
        var message = Message() with
        {
            Subscriber = Message().Subscriber with { PreviousSigningSecret = old, PreviousSigningSecretExpiresAt = clock.GetUtcNow().AddSeconds(secondsLeft) },
        };
        await using var services = BuildServices(clock, _logs);

        await services.GetRequiredService<WebhookNotifier>().SendAsync(message, CancellationToken.None).WaitAsync(Bound);

        var request = Assert.Single(_receiver.Requests);
        var (id, timestamp, header) = (request.Header("webhook-id"), request.Header("webhook-timestamp"), request.Header("webhook-signature"));
        Assert.Equal(signatures, header.Split(' ').Length);
        Assert.True(WebhookSignature.Verify(_secret, id, timestamp, request.BodyText, header, clock.GetUtcNow(), TimeSpan.FromMinutes(5)));
        Assert.Equal(signatures == 2, WebhookSignature.Verify(old, id, timestamp, request.BodyText, header, clock.GetUtcNow(), TimeSpan.FromMinutes(5)));
        Assert.DoesNotContain(_logs.Entries, e => e.Message.Contains(old, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Body_FollowsTheDocumentedSnakeCaseSchema()
    {
        await using var services = BuildServices(Clock(), _logs);
        await services.GetRequiredService<WebhookNotifier>().SendAsync(Message(), CancellationToken.None).WaitAsync(Bound);

        using var json = JsonDocument.Parse(Assert.Single(_receiver.Requests).Body);
        var root = json.RootElement;
        Assert.Equal(Message().NotificationId, root.GetProperty("id").GetGuid());
        Assert.Equal("component.status_changed", root.GetProperty("type").GetString());
        Assert.Equal("outage", root.GetProperty("event").GetString());
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 8, 59, 30, TimeSpan.Zero), root.GetProperty("occurred_at").GetDateTimeOffset());
        Assert.Equal(PageId, root.GetProperty("page").GetProperty("id").GetGuid());
        Assert.Equal("Acme Status", root.GetProperty("page").GetProperty("name").GetString());
        Assert.Equal("acme", root.GetProperty("page").GetProperty("slug").GetString());
        var component = root.GetProperty("component");
        Assert.Equal(ComponentId, component.GetProperty("id").GetGuid());
        Assert.Equal("API", component.GetProperty("name").GetString());
        Assert.Equal("operational", component.GetProperty("old_status").GetString());
        Assert.Equal("major_outage", component.GetProperty("new_status").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("status_incident_id").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("maintenance_window_id").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("maintenance").ValueKind);
        Assert.Empty(root.GetProperty("components").EnumerateArray()); // a component change names its one component in "component"
        Assert.Equal("API is having a major outage", root.GetProperty("subject").GetString());
        Assert.StartsWith("Requests to the API fail.", root.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal("https://status.acme.test/acme", root.GetProperty("link").GetString());
    }

    [Fact]
    public async Task Body_CarriesTheSubscribersUnsubscribeAndManageLinks_WhereStatuspageWebhooksPutTheirs()
    {
        var unsubscribe = new Uri("https://status.acme.test/acme/subscriptions/unsubscribe?token=" + new string('b', 64));
        var manage = new Uri("https://status.acme.test/acme/subscriptions/manage?token=" + new string('b', 64));
        await using var services = BuildServices(Clock(), _logs);
        var message = NotificationFixtures.Message(SubscriberChannel.Webhook, _receiver.Url.ToString(), _secret, unsubscribeUrl: unsubscribe) with { ManageUrl = manage };
        await services.GetRequiredService<WebhookNotifier>().SendAsync(message, CancellationToken.None).WaitAsync(Bound);

        using var json = JsonDocument.Parse(Assert.Single(_receiver.Requests).Body);
        var meta = json.RootElement.GetProperty("meta");
        Assert.Equal((unsubscribe.AbsoluteUri, manage.AbsoluteUri), (meta.GetProperty("unsubscribe").GetString(), meta.GetProperty("manage").GetString()));
        Assert.DoesNotContain(_logs.Entries, e => e.Message.Contains(new string('b', 64), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Body_WithoutLinks_HasMetaWithANullUnsubscribeAndManage()
    {
        await using var services = BuildServices(Clock(), _logs);
        await services.GetRequiredService<WebhookNotifier>().SendAsync(Message(), CancellationToken.None).WaitAsync(Bound);

        using var json = JsonDocument.Parse(Assert.Single(_receiver.Requests).Body);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("meta").GetProperty("unsubscribe").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("meta").GetProperty("manage").ValueKind);
    }

    [Fact]
    public async Task Body_OfAnIncidentNotice_ListsTheAffectedComponentsByIdAndName_InTheOrderTheNoticeGives()
    {
        var database = Guid.Parse("0197a5d0-0000-7000-8000-0000000000d1");
        var content = NotAboutOneComponent(NotificationKind.StatusIncidentUpdated) with
        {
            StatusIncidentId = Guid.Parse("0197a5d0-0000-7000-8000-0000000000c1"),
            Body = "Looking into it\n\nAffected components: API, Database",
            AffectedComponents = [new NotificationComponent(ComponentId, "API"), new NotificationComponent(database, "Database")],
        };
        using var json = await SendAsync(content);
        var root = json.RootElement;
        Assert.Equal(
            [(ComponentId, "API"), (database, "Database")],
            root.GetProperty("components").EnumerateArray().Select(c => (c.GetProperty("id").GetGuid(), c.GetProperty("name").GetString()!)));
        Assert.Equal(["id", "name"], root.GetProperty("components")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("component").ValueKind);
        Assert.Equal(content.Body, root.GetProperty("body").GetString()); // the paragraph stays in the text
    }

    [Fact]
    public async Task Body_OfAPostmortemNotice_IsTypedIncidentPostmortem_AndCarriesTheTextAndTheIncident()
    {
        var incidentId = Guid.Parse("0197a5d0-0000-7000-8000-0000000000c2");
        var content = NotAboutOneComponent(NotificationKind.StatusIncidentPostmortem) with
        {
            StatusIncidentId = incidentId,
            Subject = "[Acme Status] Postmortem: API errors",
            Body = "A bad deploy.\n\nAffected components: API",
            AffectedComponents = [new NotificationComponent(ComponentId, "API")],
        };
        using var json = await SendAsync(content);
        var root = json.RootElement;
        Assert.Equal("incident.postmortem", root.GetProperty("type").GetString());
        Assert.Equal(incidentId, root.GetProperty("status_incident_id").GetGuid());
        Assert.Equal((content.Subject, content.Body), (root.GetProperty("subject").GetString(), root.GetProperty("body").GetString()));
        Assert.Equal([ComponentId], root.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task Body_OfATestNotice_IsTypedSubscriptionTest_InTheUsualEnvelope_WithNoComponentIncidentOrMaintenance()
    {
        var page = TestData.Page(slug: "acme", name: "Acme Status") with { Id = PageId };
        var subscriber = TestData.Subscriber(PageId, SubscriberChannel.Webhook);
        var content = TestNotice.For(page, [], subscriber, Clock().GetUtcNow()).Content with { Link = "https://status.acme.test/acme" };
        var unsubscribe = new Uri("https://status.acme.test/acme/subscriptions/unsubscribe?token=" + new string('b', 64));
        var manage = new Uri("https://status.acme.test/acme/subscriptions/manage?token=" + new string('b', 64));
        await using var services = BuildServices(Clock(), _logs);
        var message = NotificationFixtures.Message(SubscriberChannel.Webhook, _receiver.Url.ToString(), _secret, unsubscribe, content) with { ManageUrl = manage };

        await services.GetRequiredService<WebhookNotifier>().SendAsync(message, CancellationToken.None).WaitAsync(Bound);

        using var json = JsonDocument.Parse(Assert.Single(_receiver.Requests).Body);
        var root = json.RootElement;
        Assert.Equal(
            ["id", "type", "event", "occurred_at", "page", "component", "components", "status_incident_id", "maintenance_window_id", "maintenance", "subject", "body", "link", "meta"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("subscription.test", root.GetProperty("type").GetString());
        Assert.Equal(message.NotificationId, root.GetProperty("id").GetGuid());
        Assert.Equal(Clock().GetUtcNow(), root.GetProperty("occurred_at").GetDateTimeOffset());
        Assert.Equal((PageId, "Acme Status", "acme"), (root.GetProperty("page").GetProperty("id").GetGuid(), root.GetProperty("page").GetProperty("name").GetString(), root.GetProperty("page").GetProperty("slug").GetString()));
        foreach (var none in new[] { "event", "component", "status_incident_id", "maintenance_window_id", "maintenance" })
        {
            Assert.Equal(JsonValueKind.Null, root.GetProperty(none).ValueKind);
        }

        Assert.Empty(root.GetProperty("components").EnumerateArray());
        Assert.Equal(("Test notification from Acme Status", content.Body), (root.GetProperty("subject").GetString(), root.GetProperty("body").GetString()));
        Assert.Equal("https://status.acme.test/acme", root.GetProperty("link").GetString());
        Assert.Equal((unsubscribe.AbsoluteUri, manage.AbsoluteUri), (root.GetProperty("meta").GetProperty("unsubscribe").GetString(), root.GetProperty("meta").GetProperty("manage").GetString()));
    }

    [Fact]
    public async Task Body_OfACancelledMaintenance_IsTypedMaintenanceCancelled_AndNamesTheWindow()
    {
        var windowId = Guid.Parse("0197a5d0-0000-7000-8000-0000000000cc");
        var content = NotAboutOneComponent(NotificationKind.MaintenanceCancelled) with
        {
            MaintenanceWindowId = windowId,
            Subject = "[Acme Status] Maintenance cancelled: Database upgrade",
            Body = "Affected components: API\n\nCancelled: this maintenance will not take place.\n\n2026-01-06 09:00 - 2026-01-06 10:00 UTC",
            AffectedComponents = [new NotificationComponent(ComponentId, "API")],
        };
        using var json = await SendAsync(content);
        var root = json.RootElement;
        Assert.Equal("maintenance.cancelled", root.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("event").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("component").ValueKind);
        Assert.Equal(windowId, root.GetProperty("maintenance_window_id").GetGuid());
        Assert.Equal([ComponentId], root.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
        Assert.Equal(content.Body, root.GetProperty("body").GetString());
        Assert.Equal("https://status.acme.test/acme", root.GetProperty("link").GetString());
    }

    [Fact]
    public async Task Body_OfARescheduledMaintenance_IsTypedMaintenanceRescheduled_AndCarriesTheOldAndTheNewTimes()
    {
        var windowId = Guid.Parse("0197a5d0-0000-7000-8000-0000000000dd");
        var content = NotAboutOneComponent(NotificationKind.MaintenanceRescheduled) with
        {
            MaintenanceWindowId = windowId,
            OccurrenceStartsAt = new DateTimeOffset(2026, 1, 6, 14, 0, 0, TimeSpan.FromHours(1)),
            OccurrenceEndsAt = new DateTimeOffset(2026, 1, 6, 15, 0, 0, TimeSpan.FromHours(1)),
            PreviousOccurrenceStartsAt = new DateTimeOffset(2026, 1, 6, 9, 0, 0, TimeSpan.Zero),
            PreviousOccurrenceEndsAt = new DateTimeOffset(2026, 1, 6, 10, 0, 0, TimeSpan.Zero),
            Subject = "[Acme Status] Maintenance rescheduled: Database upgrade",
            Body = "Rescheduled: this maintenance moved from 2026-01-06 09:00 - 2026-01-06 10:00 UTC to:\n\n2026-01-06 13:00 - 2026-01-06 14:00 UTC",
        };
        using var json = await SendAsync(content);
        var root = json.RootElement;
        Assert.Equal("maintenance.rescheduled", root.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("event").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("component").ValueKind);
        Assert.Equal(windowId, root.GetProperty("maintenance_window_id").GetGuid());
        var maintenance = root.GetProperty("maintenance");
        Assert.Equal(
            ["starts_at", "ends_at", "previous_starts_at", "previous_ends_at", "next_starts_at", "next_ends_at"],
            maintenance.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2026-01-06T13:00:00+00:00", maintenance.GetProperty("starts_at").GetString()); // in UTC, like occurred_at
        Assert.Equal(new DateTimeOffset(2026, 1, 6, 14, 0, 0, TimeSpan.Zero), maintenance.GetProperty("ends_at").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 1, 6, 9, 0, 0, TimeSpan.Zero), maintenance.GetProperty("previous_starts_at").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 1, 6, 10, 0, 0, TimeSpan.Zero), maintenance.GetProperty("previous_ends_at").GetDateTimeOffset());
        Assert.Equal(content.Body, root.GetProperty("body").GetString());
    }

    [Fact]
    public async Task Body_OfAnotherMaintenanceNotice_CarriesItsOccurrenceTimes_AndNullPreviousOnes()
    {
        var content = NotAboutOneComponent(NotificationKind.MaintenanceReminder) with
        {
            MaintenanceWindowId = Guid.Parse("0197a5d0-0000-7000-8000-0000000000ee"),
            OccurrenceStartsAt = new DateTimeOffset(2026, 1, 6, 9, 0, 0, TimeSpan.Zero),
            OccurrenceEndsAt = new DateTimeOffset(2026, 1, 6, 10, 0, 0, TimeSpan.Zero),
        };
        using var json = await SendAsync(content);
        var maintenance = json.RootElement.GetProperty("maintenance");
        Assert.Equal(new DateTimeOffset(2026, 1, 6, 9, 0, 0, TimeSpan.Zero), maintenance.GetProperty("starts_at").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 1, 6, 10, 0, 0, TimeSpan.Zero), maintenance.GetProperty("ends_at").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, maintenance.GetProperty("previous_starts_at").ValueKind);
        Assert.Equal(JsonValueKind.Null, maintenance.GetProperty("previous_ends_at").ValueKind);
    }

    [Fact]
    public async Task Body_OfACompletedNoticeThatRemindsOfTheNextOccurrence_NamesThatOccurrencesTimes()
    {
        // A window recurring more often than the reminder lead time: its completion stands in for the next occurrence's
        // reminder, and a receiver reads that occurrence from the payload, not only from the body's text.
        var next = new OccurrenceSpan(TestData.T0.AddMinutes(10), TestData.T0.AddMinutes(12));
        var content = CompletedNotice(next);

        using var json = await SendAsync(content);

        var maintenance = json.RootElement.GetProperty("maintenance");
        Assert.Equal(
            ["starts_at", "ends_at", "previous_starts_at", "previous_ends_at", "next_starts_at", "next_ends_at"],
            maintenance.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2026-01-05T09:00:00+00:00", maintenance.GetProperty("starts_at").GetString());
        Assert.Equal("2026-01-05T09:10:00+00:00", maintenance.GetProperty("next_starts_at").GetString()); // UTC, as every time
        Assert.Equal("2026-01-05T09:12:00+00:00", maintenance.GetProperty("next_ends_at").GetString());
        Assert.EndsWith("Next occurrence: 2026-01-05 10:10 - 2026-01-05 10:12 Europe/Berlin (UTC+01:00)", json.RootElement.GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_OfAnOrdinaryCompletedNotice_HasNullNextOccurrenceTimes()
    {
        using var json = await SendAsync(CompletedNotice(next: null));

        var maintenance = json.RootElement.GetProperty("maintenance");
        Assert.Equal("2026-01-05T09:00:00+00:00", maintenance.GetProperty("starts_at").GetString());
        Assert.Equal(JsonValueKind.Null, maintenance.GetProperty("next_starts_at").ValueKind);
        Assert.Equal(JsonValueKind.Null, maintenance.GetProperty("next_ends_at").ValueKind);
    }

    [Theory]
    [InlineData(200, NotificationResultKind.Delivered)]
    [InlineData(204, NotificationResultKind.Delivered)]
    [InlineData(410, NotificationResultKind.Gone)]
    [InlineData(400, NotificationResultKind.Permanent)]
    [InlineData(401, NotificationResultKind.Permanent)]
    [InlineData(404, NotificationResultKind.Permanent)]
    [InlineData(408, NotificationResultKind.Retry)]
    [InlineData(500, NotificationResultKind.Retry)]
    [InlineData(503, NotificationResultKind.Retry)]
    public async Task Status_MapsToResult(int status, NotificationResultKind expected)
    {
        _receiver.Respond = _ => new CannedResponse(status, status >= 400 ? "nope" : string.Empty);
        await using var services = BuildServices(Clock(), _logs);

        var result = await services.GetRequiredService<WebhookNotifier>().SendAsync(Message(), CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(expected, result.Kind);
        Assert.Equal(expected != NotificationResultKind.Delivered, result.IsDestinationFailure);
        if (expected != NotificationResultKind.Delivered)
        {
            Assert.Contains(status.ToString(CultureInfo.InvariantCulture), result.Error, StringComparison.Ordinal);
            Assert.Contains(_logs.Entries, e => e.EventId.Id == 4202);
        }
    }

    [Fact]
    public async Task TooManyRequests_RetriesAfterTheSecondsTheReceiverAskedFor()
    {
        _receiver.Respond = _ => new CannedResponse(429, "slow down", new Dictionary<string, string> { ["Retry-After"] = "120" });
        await using var services = BuildServices(Clock(), _logs);

        var result = await services.GetRequiredService<WebhookNotifier>().SendAsync(Message(), CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(NotificationResultKind.Retry, result.Kind);
        Assert.Equal(TimeSpan.FromSeconds(120), result.RetryAfter);
        Assert.Contains("slow down", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceUnavailable_RetriesAfterAnHttpDate_MeasuredOnTheInjectedClock()
    {
        var clock = Clock();
        var date = clock.GetUtcNow().AddSeconds(90).ToString("r", CultureInfo.InvariantCulture);
        _receiver.Respond = _ => new CannedResponse(503, string.Empty, new Dictionary<string, string> { ["Retry-After"] = date });
        await using var services = BuildServices(clock, _logs);

        var result = await services.GetRequiredService<WebhookNotifier>().SendAsync(Message(), CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(NotificationResultKind.Retry, result.Kind);
        Assert.Equal(TimeSpan.FromSeconds(90), result.RetryAfter);
    }

    [Fact]
    public async Task Redirect_IsNotFollowed_AndFailsPermanently()
    {
        _receiver.Respond = r => r.Target == "/hooks/incoming"
            ? new CannedResponse(302, string.Empty, new Dictionary<string, string> { ["Location"] = $"http://127.0.0.1:{_receiver.Port}/elsewhere" })
            : new CannedResponse(200);
        await using var services = BuildServices(Clock(), _logs);

        var result = await services.GetRequiredService<WebhookNotifier>().SendAsync(Message(), CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(NotificationResultKind.Permanent, result.Kind);
        Assert.Contains("redirects are not followed", result.Error, StringComparison.Ordinal);
        Assert.Single(_receiver.Requests);
    }

    [Fact]
    public async Task ReceiverThatNeverAnswers_TimesOutOnTheInjectedClock_AndRetries()
    {
        _receiver.Respond = _ => null;
        var clock = Clock();
        await using var services = BuildServices(clock, _logs, timeout: TimeSpan.FromSeconds(15));

        var sending = services.GetRequiredService<WebhookNotifier>().SendAsync(Message(), CancellationToken.None);
        await _receiver.FirstRequest.WaitAsync(Bound);
        Assert.False(sending.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(14));
        Assert.False(sending.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        var result = await sending.WaitAsync(Bound);

        Assert.Equal(NotificationResultKind.Retry, result.Kind);
        Assert.Contains("did not answer within 15 s", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiverThatNeverAnswers_TimesOutOnTheRealClock_WithAShortTimeout()
    {
        _receiver.Respond = _ => null;
        await using var services = BuildServices(TimeProvider.System, _logs, timeout: TimeSpan.FromMilliseconds(300));
        var started = TimeProvider.System.GetTimestamp();

        var result = await services.GetRequiredService<WebhookNotifier>().SendAsync(Message(), CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(NotificationResultKind.Retry, result.Kind);
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        Assert.InRange(elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task ConnectionRefused_Retries()
    {
        await using var services = BuildServices(Clock(), _logs);
        var message = NotificationFixtures.Message(SubscriberChannel.Webhook, $"http://127.0.0.1:{ClosedPort()}/hook", _secret);

        var result = await services.GetRequiredService<WebhookNotifier>().SendAsync(message, CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(NotificationResultKind.Retry, result.Kind);
        Assert.True(result.IsDestinationFailure, "an unreachable endpoint is the subscriber's failure");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("bm90IGVub3VnaA==")]
    [InlineData("%%% not base64 %%%")]
    public async Task SubscriberWithoutAValidSecret_FailsPermanently_WithoutSending(string? secret)
    {
        await using var services = BuildServices(Clock(), _logs);
        var message = NotificationFixtures.Message(SubscriberChannel.Webhook, _receiver.Url.ToString(), secret);

        var result = await services.GetRequiredService<WebhookNotifier>().SendAsync(message, CancellationToken.None);

        Assert.Equal(NotificationResultKind.Permanent, result.Kind);
        Assert.Contains("signing secret", result.Error, StringComparison.Ordinal);
        Assert.False(result.IsDestinationFailure, "StatusKit generates every secret: a broken one is the host's data");
        Assert.Equal(0, _receiver.ConnectionCount);
    }

    [Fact]
    public async Task PlainHttp_IsRefused_UnlessTheHostAllowsIt()
    {
        await using var services = BuildServices(Clock(), _logs, allowPrivateNetworks: false);

        var result = await services.GetRequiredService<WebhookNotifier>().SendAsync(Message(), CancellationToken.None);

        Assert.Equal(NotificationResultKind.Permanent, result.Kind);
        Assert.Contains("https", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, _receiver.ConnectionCount);
    }

    [Fact]
    public async Task LoopbackDestination_IsRefusedOnConnect_WhenPrivateNetworksAreNotAllowed()
    {
        await using var services = BuildServices(Clock(), _logs, allowPrivateNetworks: false, allowHttp: true);

        var result = await services.GetRequiredService<WebhookNotifier>().SendAsync(Message(), CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(NotificationResultKind.Permanent, result.Kind);
        Assert.Contains("loopback", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, _receiver.ConnectionCount);
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 4101);
    }

    [Fact]
    public async Task CallerCancellation_Propagates_InsteadOfBecomingARetry()
    {
        _receiver.Respond = _ => null;
        await using var services = BuildServices(Clock(), _logs);
        using var cts = new CancellationTokenSource();

        var sending = services.GetRequiredService<WebhookNotifier>().SendAsync(Message(), cts.Token);
        await _receiver.FirstRequest.WaitAsync(Bound);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending.WaitAsync(Bound));
    }

    /// <summary>The content of a notice about something other than one component (an incident, a window).</summary>
    private static NotificationContent NotAboutOneComponent(NotificationKind kind) => Content() with
    {
        Kind = kind,
        Event = NotificationEvents.None,
        ComponentId = null,
        ComponentName = null,
        OldStatus = null,
        NewStatus = null,
    };

    /// <summary>The completed notice of a two-minute occurrence at <c>T0</c>, as planned, naming <paramref name="next"/> when set.</summary>
    private static NotificationContent CompletedNotice(OccurrenceSpan? next)
    {
        var page = TestData.Page() with { TimeZoneId = "Europe/Berlin" };
        var window = TestData.Window(page.Id, componentIds: []) with { Recurrence = "FREQ=MINUTELY;INTERVAL=10" };
        var subscriber = TestData.Subscriber(page.Id, SubscriberChannel.Webhook) with
        {
            IsVerified = true,
            IsActive = true,
            NotifyOn = NotificationEvents.Maintenance,
        };
        return Assert.Single(MaintenanceNotices.Plan(
            page, window, NotificationKind.MaintenanceCompleted, TestData.T0, TestData.T0.AddMinutes(2), [subscriber], TestData.T0.AddMinutes(2), next: next)).Content;
    }

    /// <summary>Sends <paramref name="content"/> to the receiver as a webhook and returns the body it got.</summary>
    private async Task<JsonDocument> SendAsync(NotificationContent content)
    {
        await using var services = BuildServices(Clock(), _logs);
        await services.GetRequiredService<WebhookNotifier>()
            .SendAsync(NotificationFixtures.Message(SubscriberChannel.Webhook, _receiver.Url.ToString(), _secret, content: content), CancellationToken.None)
            .WaitAsync(Bound);
        return JsonDocument.Parse(Assert.Single(_receiver.Requests).Body);
    }
}
