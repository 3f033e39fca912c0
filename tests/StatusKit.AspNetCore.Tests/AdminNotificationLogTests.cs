using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Services;
using StatusKit.Testing;

using static StatusKit.AspNetCore.Tests.AdminResponses;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// The admin API's delivery log: what StatusKit sent a subscriber (or a page's subscribers), when, and whether it
/// arrived, without the destination or any secret.
/// </summary>
public sealed class AdminNotificationLogTests : IAsyncLifetime
{
    private const string SigningSecret = "whsec_c2VjcmV0LW9mLXRoZS1sb2ctdGVzdHM=";
    private readonly ManualTimeProvider _clock = new(TestData.At(0));
    private WebApplication? _app;
    private Seeded? _seeded;

    private WebApplication App => _app ?? throw new InvalidOperationException("Not started.");

    private Seeded Seed => _seeded ?? throw new InvalidOperationException("Not seeded.");

    private sealed record Seeded(Guid PageId, Subscriber Email, Subscriber Webhook, Notification Delivered, Notification DeadLettered, Notification Elsewhere);

    public async Task InitializeAsync()
    {
        _app = await EmbeddedHost.StartAsync(
            services =>
            {
                services.AddSingleton<TimeProvider>(_clock);
                services.AddStatusPages().AddStatusPageEndpoints();
            },
            app => app.MapStatusPages("/status"));
        var store = App.Services.GetRequiredService<IStatusStore>();
        var pages = App.Services.GetRequiredService<StatusPageService>();
        var page = await pages.CreateAsync(new CreateStatusPage { Name = "Acme" });
        var other = await pages.CreateAsync(new CreateStatusPage { Name = "Other" });
        var email = TestData.Subscriber(page.Id, SubscriberChannel.Email, "customer@example.com");
        var webhook = TestData.Subscriber(page.Id, SubscriberChannel.Webhook, "https://hooks.example.com/customer") with { SigningSecret = SigningSecret };
        var stranger = TestData.Subscriber(other.Id, SubscriberChannel.Email);
        foreach (var subscriber in new[] { email, webhook, stranger })
        {
            await store.AddSubscriberAsync(subscriber, [], CancellationToken.None);
        }

        // Due a day after the host's clock, so its dispatcher leaves them to the test.
        var due = TestData.At(24 * 60);
        var delivered = TestData.Notification(page.Id, email.Id, dueAt: due, createdAt: TestData.At(1), subject: "API is down") with { Channel = SubscriberChannel.Email };
        var deadLettered = TestData.Notification(page.Id, webhook.Id, dueAt: due, createdAt: TestData.At(2), subject: "API is still down");
        var elsewhere = TestData.Notification(other.Id, stranger.Id, dueAt: due, createdAt: TestData.At(3)) with { Channel = SubscriberChannel.Email };
        await store.EnqueueNotificationsAsync([delivered, deadLettered, elsewhere], CancellationToken.None);
        var claimed = await store.ClaimNotificationsAsync("test", due, due.AddMinutes(5), 10, CancellationToken.None);
        Assert.Equal(3, claimed.Count);
        await store.CompleteNotificationAsync(new NotificationOutcome(delivered.Id, "test", NotificationState.Delivered, TestData.At(24 * 60 + 1), 1), CancellationToken.None);
        await store.CompleteNotificationAsync(
            new NotificationOutcome(deadLettered.Id, "test", NotificationState.DeadLettered, TestData.At(24 * 60 + 2), 8, "HTTP 410 Gone"), CancellationToken.None);
        await store.ReleaseNotificationAsync(elsewhere.Id, "test", CancellationToken.None);
        _seeded = new Seeded(page.Id, email, webhook, delivered, deadLettered, elsewhere);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_pages_log_shows_a_delivered_email_and_a_dead_lettered_webhook_newest_first_and_no_other_pages_notices()
    {
        using var admin = App.Client();

        var log = await ReadAsync(await admin.GetAsync($"/status/admin/pages/{Seed.PageId}/notifications"), HttpStatusCode.OK);

        Assert.Equal([Seed.DeadLettered.Id, Seed.Delivered.Id], log.EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));
        var dead = log[0];
        Assert.Equal(Seed.Webhook.Id, dead.GetProperty("subscriberId").GetGuid());
        Assert.Equal("webhook", dead.GetProperty("channel").GetString());
        Assert.Equal("component.status_changed", dead.GetProperty("type").GetString());
        Assert.Equal("API is still down", dead.GetProperty("subject").GetString());
        Assert.Equal("deadLettered", dead.GetProperty("state").GetString());
        Assert.Equal(8, dead.GetProperty("attempts").GetInt32());
        Assert.Equal("HTTP 410 Gone", dead.GetProperty("lastError").GetString());
        Assert.Equal(TestData.At(2), dead.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal(TestData.At(24 * 60), dead.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(TestData.At(24 * 60 + 2), dead.GetProperty("completedAt").GetDateTimeOffset());
        Assert.Equal(Seed.DeadLettered.Content.StatusIncidentId, dead.GetProperty("incidentId").GetGuid());
        Assert.Equal(Seed.DeadLettered.Content.MaintenanceWindowId, dead.GetProperty("maintenanceWindowId").GetGuid());
        Assert.Equal(Seed.DeadLettered.Content.ComponentId, dead.GetProperty("componentId").GetGuid());
        var delivered = log[1];
        Assert.Equal(
            ("email", "delivered", 1, JsonValueKind.Null),
            (delivered.GetProperty("channel").GetString(), delivered.GetProperty("state").GetString(), delivered.GetProperty("attempts").GetInt32(),
                delivered.GetProperty("lastError").ValueKind));
    }

    [Fact]
    public async Task A_subscribers_log_shows_only_its_own_notices_and_is_never_cached()
    {
        using var admin = App.Client();

        using var response = await admin.GetAsync($"/status/admin/subscribers/{Seed.Email.Id}/notifications");
        var log = await ReadAsync(response, HttpStatusCode.OK);

        Assert.Equal([Seed.Delivered.Id], log.EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_log_shows_no_destination_secret_or_body()
    {
        using var admin = App.Client();

        var pageLog = await admin.GetStringAsync($"/status/admin/pages/{Seed.PageId}/notifications");
        var subscriberLog = await admin.GetStringAsync($"/status/admin/subscribers/{Seed.Webhook.Id}/notifications");

        foreach (var json in new[] { pageLog, subscriberLog })
        {
            Assert.DoesNotContain("customer@example.com", json, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("hooks.example.com", json, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(SigningSecret, json, StringComparison.Ordinal);
            Assert.DoesNotContain(Seed.DeadLettered.Content.Body, json, StringComparison.Ordinal);
            Assert.DoesNotContain(Seed.DeadLettered.DeduplicationKey, json, StringComparison.Ordinal);
            Assert.DoesNotContain("destination", json, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("deadLettered")]
    [InlineData("DEADLETTERED")]
    [InlineData("deadlettered")]
    public async Task The_state_filter_takes_the_state_in_any_case(string state)
    {
        using var admin = App.Client();

        var log = await ReadAsync(await admin.GetAsync($"/status/admin/pages/{Seed.PageId}/notifications?state={state}"), HttpStatusCode.OK);

        Assert.Equal([Seed.DeadLettered.Id], log.EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task Take_keeps_the_newest_notices()
    {
        using var admin = App.Client();

        var log = await ReadAsync(await admin.GetAsync($"/status/admin/pages/{Seed.PageId}/notifications?take=1"), HttpStatusCode.OK);

        Assert.Equal([Seed.DeadLettered.Id], log.EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));
    }

    [Theory]
    [InlineData("state=bounced", "state")]
    [InlineData("state=2", "state")]
    [InlineData("take=0", "take")]
    [InlineData("take=201", "take")]
    [InlineData("take=abc", "take")]
    [InlineData("skip=1", "skip")]
    public async Task A_bad_query_is_a_problem_naming_it(string query, string field)
    {
        using var admin = App.Client();

        await AssertProblemAsync(await admin.GetAsync($"/status/admin/pages/{Seed.PageId}/notifications?{query}"), HttpStatusCode.BadRequest, field);
        await AssertProblemAsync(await admin.GetAsync($"/status/admin/subscribers/{Seed.Email.Id}/notifications?{query}"), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task An_unknown_page_or_subscriber_is_a_404_naming_its_id()
    {
        using var admin = App.Client();

        await AssertProblemAsync(await admin.GetAsync($"/status/admin/pages/{Guid.NewGuid()}/notifications"), HttpStatusCode.NotFound, "pageId");
        await AssertProblemAsync(await admin.GetAsync($"/status/admin/subscribers/{Guid.NewGuid()}/notifications"), HttpStatusCode.NotFound, "subscriberId");
    }
}
