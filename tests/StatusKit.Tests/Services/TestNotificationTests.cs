using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Services;
using StatusKit.Testing;
using StatusKit.TestSupport;
using StatusKit.TestSupport.Fakes;
using static StatusKit.Tests.Services.ServiceAssert;

namespace StatusKit.Tests.Services;

/// <summary>
/// An operator's test notice to one subscriber (<see cref="SubscriberService.SendTestNotificationAsync"/>): queued in the
/// outbox like any notice, for that subscriber only, due at once, never debounced, and refused for a subscriber that
/// would not get it.
/// </summary>
public sealed class TestNotificationTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task SendTestNotification_QueuesOneTestNotice_ForThatSubscriberOnly_DueNow_AndAnswersItsPendingLogEntry()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme Status");
        var subscriber = await SubscribeAsync(kit, page.Id, "ops@example.com");
        await SubscribeAsync(kit, page.Id, "neighbour@example.com");
        var now = kit.Clock.GetUtcNow();

        var entry = await kit.Subscribers.SendTestNotificationAsync(subscriber.Id, None);

        var row = Assert.Single(await OutboxAsync(kit, page.Id));
        Assert.Equal(
            (entry.Id, subscriber.Id, page.Id, SubscriberChannel.Email, NotificationKind.Test, NotificationState.Pending, 0),
            (row.Id, row.SubscriberId, row.PageId, row.Channel, row.Content.Kind, row.State, row.Attempts));
        Assert.Equal((now, now, (DateTimeOffset?)null, (string?)null), (row.CreatedAt, row.DueAt, row.NotAfter, row.CoalesceKey));
        Assert.Equal(
            (subscriber.Id, page.Id, SubscriberChannel.Email, "subscription.test", "Test notification from Acme Status", NotificationState.Pending, 0, now, now),
            (entry.SubscriberId, entry.PageId, entry.Channel, entry.Type, entry.Subject, entry.State, entry.Attempts, entry.CreatedAt, entry.DueAt));
        Assert.Equal(((Guid?)null, (Guid?)null, (Guid?)null, (DateTimeOffset?)null, (string?)null),
            (entry.IncidentId, entry.MaintenanceWindowId, entry.ComponentId, entry.CompletedAt, entry.LastError));
        Assert.Equal(entry, Assert.Single(await kit.Get<NotificationLog>().ListForSubscriberAsync(subscriber.Id)));
        Assert.Equal(subscriber.Version, (await kit.Subscribers.GetAsync(subscriber.Id))!.Version); // the subscriber is not written
    }

    [Fact]
    public async Task The_test_notice_is_about_nothing_on_the_page_and_no_event_so_no_rule_about_changes_touches_it()
    {
        await using var kit = Kit();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var subscriber = await SubscribeAsync(kit, page.Id, "ops@example.com");

        await kit.Subscribers.SendTestNotificationAsync(subscriber.Id, None);

        var content = Assert.Single(await OutboxAsync(kit, page.Id)).Content;
        Assert.Equal(
            (NotificationEvents.None, (Guid?)null, (string?)null, (Guid?)null, (Guid?)null, (string?)null),
            (content.Event, content.ComponentId, content.ComponentName, content.StatusIncidentId, content.MaintenanceWindowId, content.Link));
        Assert.Empty(content.AffectedComponents);
        Assert.Equal(("Acme", page.Slug, kit.Clock.GetUtcNow()), (content.PageName, content.PageSlug, content.OccurredAt));
    }

    [Fact]
    public async Task The_body_says_it_is_a_test_from_the_pages_operators_and_that_the_subscriber_follows_every_component_and_its_events()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme", ("API", null, null), ("Website", null, null));
        var subscriber = await SubscribeAsync(kit, page.Id, "ops@example.com", notifyOn: NotificationEvents.Outage | NotificationEvents.Resolved);

        await kit.Subscribers.SendTestNotificationAsync(subscriber.Id, None);

        var body = Assert.Single(await OutboxAsync(kit, page.Id)).Content.Body;
        Assert.Equal(
            "This is a test notification sent by the operators of Acme to check that their notices reach you. Nothing has changed on the page.\n\n" +
            "You follow all components, and are told of: outage, resolved.",
            body);
    }

    [Fact]
    public async Task The_body_names_the_components_the_subscriber_follows_in_the_pages_order()
    {
        await using var kit = Kit();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null), ("Website", null, null), ("Database", null, null));
        var subscriber = await SubscribeAsync(kit, page.Id, "ops@example.com", componentIds: [c[2].Id, c[0].Id]);

        await kit.Subscribers.SendTestNotificationAsync(subscriber.Id, None);

        var body = Assert.Single(await OutboxAsync(kit, page.Id)).Content.Body;
        Assert.EndsWith("\n\nYou follow API, Database, and are told of: degraded, outage, maintenance, resolved.", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_subscriber_is_not_found_naming_subscriberId()
    {
        await using var kit = Kit();

        await RejectsAsync<StatusKitNotFoundException>(kit, "subscriberId", () => kit.Subscribers.SendTestNotificationAsync(Guid.NewGuid(), None));
    }

    [Fact]
    public async Task An_unsubscribed_subscriber_is_a_conflict_saying_it_is_inactive_and_nothing_is_queued()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var subscription = await kit.Subscribers.SubscribeAsync(
            new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "ops@example.com", PreVerified = true });
        Assert.True(await kit.Subscribers.UnsubscribeAsync(subscription.UnsubscribeToken));

        var refused = await RejectsAsync<StatusKitConflictException>(
            kit, "subscriberId", () => kit.Subscribers.SendTestNotificationAsync(subscription.Subscriber.Id, None));

        Assert.Contains("inactive", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await OutboxAsync(kit, page.Id));
    }

    [Fact]
    public async Task A_deactivated_subscriber_is_a_conflict_saying_it_is_inactive()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var subscriber = await SubscribeAsync(kit, page.Id, "ops@example.com");
        await kit.Subscribers.DeactivateAsync(subscriber.Id);

        var refused = await RejectsAsync<StatusKitConflictException>(kit, "subscriberId", () => kit.Subscribers.SendTestNotificationAsync(subscriber.Id, None));

        Assert.Contains("inactive", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unverified_subscriber_is_a_conflict_saying_its_verification_message_is_its_test()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var subscription = await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "ops@example.com" });

        var refused = await RejectsAsync<StatusKitConflictException>(
            kit, "subscriberId", () => kit.Subscribers.SendTestNotificationAsync(subscription.Subscriber.Id, None));

        Assert.Contains("not confirmed", refused.Message, StringComparison.Ordinal);
        Assert.Contains("verification message", refused.Message, StringComparison.Ordinal);
        Assert.Equal([NotificationKind.SubscriptionVerification], (await OutboxAsync(kit, page.Id)).Select(n => n.Content.Kind));
    }

    [Fact]
    public async Task A_second_test_while_the_first_is_pending_is_a_conflict_naming_the_pending_one()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var subscriber = await SubscribeAsync(kit, page.Id, "ops@example.com");
        var first = await kit.Subscribers.SendTestNotificationAsync(subscriber.Id, None);

        var refused = await RejectsAsync<StatusKitConflictException>(kit, "subscriberId", () => kit.Subscribers.SendTestNotificationAsync(subscriber.Id, None));

        Assert.Contains(first.Id.ToString(), refused.Message, StringComparison.Ordinal);
        Assert.Contains("still pending", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(NotificationState.Delivered)]
    [InlineData(NotificationState.DeadLettered)]
    public async Task Once_the_first_test_is_delivered_or_dead_lettered_another_may_be_sent(NotificationState outcome)
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var subscriber = await SubscribeAsync(kit, page.Id, "ops@example.com");
        var first = await kit.Subscribers.SendTestNotificationAsync(subscriber.Id, None);
        await FinishAsync(kit, first.Id, outcome);
        kit.Clock.Advance(TimeSpan.FromSeconds(1));

        var second = await kit.Subscribers.SendTestNotificationAsync(subscriber.Id, None);

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(2, (await OutboxAsync(kit, page.Id)).Count(n => n.Content.Kind == NotificationKind.Test));
    }

    [Fact]
    public async Task Other_pending_notices_of_the_subscriber_do_not_hold_a_test_back()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var subscriber = await SubscribeAsync(kit, page.Id, "ops@example.com");
        await kit.Store.EnqueueNotificationsAsync([TestData.Notification(page.Id, subscriber.Id, dueAt: TestData.At(100))], None);

        var entry = await kit.Subscribers.SendTestNotificationAsync(subscriber.Id, None);

        Assert.Equal("subscription.test", entry.Type);
    }

    [Fact]
    public async Task Queueing_a_test_logs_1025_at_Information_with_the_subscriber_and_its_channel_but_not_its_destination()
    {
        var logs = new ListLoggerProvider();
        await using var kit = new StatusKitHarness(services =>
        {
            services.AddLogging(b => b.AddProvider(logs));
            services.AddSingleton<StatusKit.Abstractions.INotifier>(new RecordingNotifier(SubscriberChannel.Email));
        });
        var (page, _) = await kit.CreatePageAsync("Acme");
        var subscriber = await SubscribeAsync(kit, page.Id, "ops@example.com");

        var entry = await kit.Subscribers.SendTestNotificationAsync(subscriber.Id, None);

        var logged = Assert.Single(logs.Entries, e => e.EventId.Id == 1025);
        Assert.Equal(("StatusKit.Services.SubscriberService", LogLevel.Information), (logged.Category, logged.Level));
        Assert.Contains(subscriber.Id.ToString(), logged.Message, StringComparison.Ordinal);
        Assert.Contains(entry.Id.ToString(), logged.Message, StringComparison.Ordinal);
        Assert.Contains("Email", logged.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ops@example.com", logged.Message, StringComparison.Ordinal);
    }

    private static async Task<Subscriber> SubscribeAsync(
        StatusKitHarness kit, Guid pageId, string email, NotificationEvents notifyOn = NotificationEvents.All, IReadOnlyList<Guid>? componentIds = null)
    {
        var subscription = await kit.Subscribers.SubscribeAsync(new Subscribe
        {
            PageId = pageId,
            Channel = SubscriberChannel.Email,
            Destination = email,
            NotifyOn = notifyOn,
            ComponentIds = componentIds ?? [],
            PreVerified = true,
        });
        return subscription.Subscriber;
    }

    /// <summary>Takes a pending row through a dispatcher's claim to <paramref name="state"/>.</summary>
    private static async Task FinishAsync(StatusKitHarness kit, Guid rowId, NotificationState state)
    {
        var now = kit.Clock.GetUtcNow();
        var claimed = await kit.Store.ClaimNotificationsAsync("test", now, now.AddMinutes(5), 1000, None);
        Assert.Contains(claimed, n => n.Id == rowId);
        foreach (var row in claimed)
        {
            Assert.True(row.Id == rowId
                ? await kit.Store.CompleteNotificationAsync(new NotificationOutcome(row.Id, "test", state, now, 1, null), None)
                : await kit.Store.ReleaseNotificationAsync(row.Id, "test", None));
        }
    }
}
