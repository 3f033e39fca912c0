using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Services;
using StatusKit.Testing;
using StatusKit.TestSupport;
using static StatusKit.Tests.Services.ServiceAssert;

namespace StatusKit.Tests.Services;

/// <summary>The delivery log: what StatusKit sent a subscriber, or a page's subscribers, when, and how it went.</summary>
public sealed class NotificationLogTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ListForSubscriber_ShowsOnlyThatSubscribersNotices_NewestFirst_WithHowEachWent()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var subscriber = await AddSubscriberAsync(kit, page.Id);
        var neighbour = await AddSubscriberAsync(kit, page.Id);
        var first = await EnqueueAsync(kit, TestData.Notification(page.Id, subscriber.Id, createdAt: TestData.At(1), subject: "First"));
        var second = await EnqueueAsync(kit, TestData.Notification(page.Id, subscriber.Id, createdAt: TestData.At(3), subject: "Second"));
        await EnqueueAsync(kit, TestData.Notification(page.Id, neighbour.Id, createdAt: TestData.At(2)));
        await FinishAsync(kit.Store, first, NotificationState.DeadLettered, TestData.At(4), attempts: 8, error: "HTTP 410 Gone");

        var log = await kit.Get<NotificationLog>().ListForSubscriberAsync(subscriber.Id);

        Assert.Equal([second.Id, first.Id], log.Select(e => e.Id));
        var dead = log[1];
        Assert.Equal(
            (subscriber.Id, page.Id, SubscriberChannel.Webhook, "component.status_changed", "First", NotificationState.DeadLettered, 8, "HTTP 410 Gone"),
            (dead.SubscriberId, dead.PageId, dead.Channel, dead.Type, dead.Subject, dead.State, dead.Attempts, dead.LastError));
        Assert.Equal((TestData.At(1), TestData.At(0), TestData.At(4)), (dead.CreatedAt, dead.DueAt, dead.CompletedAt));
        Assert.Equal(
            (first.Content.StatusIncidentId, first.Content.MaintenanceWindowId, first.Content.ComponentId),
            (dead.IncidentId, dead.MaintenanceWindowId, dead.ComponentId));
        Assert.Equal((NotificationState.Pending, 0, (DateTimeOffset?)null), (log[0].State, log[0].Attempts, log[0].CompletedAt));
    }

    [Fact]
    public async Task ListForPage_ShowsEverySubscribersNotices_OfThatPageOnly_NewestFirst()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var (other, _) = await kit.CreatePageAsync("Other");
        var a = await EnqueueAsync(kit, TestData.Notification(page.Id, createdAt: TestData.At(1)));
        var b = await EnqueueAsync(kit, TestData.Notification(page.Id, createdAt: TestData.At(5)));
        var c = await EnqueueAsync(kit, TestData.Notification(page.Id, createdAt: TestData.At(3)));
        await EnqueueAsync(kit, TestData.Notification(other.Id, createdAt: TestData.At(4)));

        var log = await kit.Get<NotificationLog>().ListForPageAsync(page.Id);

        Assert.Equal([b.Id, c.Id, a.Id], log.Select(e => e.Id));
    }

    [Fact]
    public async Task A_state_filter_keeps_only_the_notices_in_that_state()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var subscriber = await AddSubscriberAsync(kit, page.Id);
        var delivered = await EnqueueAsync(kit, TestData.Notification(page.Id, subscriber.Id, createdAt: TestData.At(1)));
        var dead = await EnqueueAsync(kit, TestData.Notification(page.Id, subscriber.Id, createdAt: TestData.At(2)));
        var pending = await EnqueueAsync(kit, TestData.Notification(page.Id, subscriber.Id, createdAt: TestData.At(3), dueAt: TestData.At(100)));
        await FinishAsync(kit.Store, delivered, NotificationState.Delivered, TestData.At(5), attempts: 1);
        await FinishAsync(kit.Store, dead, NotificationState.DeadLettered, TestData.At(6), attempts: 3, error: "timeout");
        var log = kit.Get<NotificationLog>();

        Assert.Equal([dead.Id], (await log.ListForPageAsync(page.Id, NotificationState.DeadLettered)).Select(e => e.Id));
        Assert.Equal([delivered.Id], (await log.ListForSubscriberAsync(subscriber.Id, NotificationState.Delivered)).Select(e => e.Id));
        Assert.Equal([pending.Id], (await log.ListForSubscriberAsync(subscriber.Id, NotificationState.Pending)).Select(e => e.Id));
        Assert.Empty(await log.ListForPageAsync(page.Id, NotificationState.Superseded));
    }

    [Fact]
    public async Task Take_limits_the_list_to_the_newest_notices_fifty_by_default()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var subscriber = await AddSubscriberAsync(kit, page.Id);
        var rows = new List<Notification>();
        for (var minute = 0; minute < 51; minute++)
        {
            rows.Add(await EnqueueAsync(kit, TestData.Notification(page.Id, subscriber.Id, createdAt: TestData.At(minute))));
        }

        var log = kit.Get<NotificationLog>();

        Assert.Equal(50, (await log.ListForPageAsync(page.Id)).Count);
        Assert.Equal(51, (await log.ListForSubscriberAsync(subscriber.Id, take: 200)).Count);
        Assert.Equal([rows[50].Id, rows[49].Id], (await log.ListForSubscriberAsync(subscriber.Id, take: 2)).Select(e => e.Id));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(201)]
    public async Task A_take_outside_1_to_200_is_refused_naming_take(int take)
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var subscriber = await AddSubscriberAsync(kit, page.Id);
        var log = kit.Get<NotificationLog>();

        await InvalidAsync(kit, "take", () => log.ListForPageAsync(page.Id, take: take));
        await InvalidAsync(kit, "take", () => log.ListForSubscriberAsync(subscriber.Id, take: take));
    }

    [Fact]
    public async Task An_undefined_state_is_refused_naming_state()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var log = kit.Get<NotificationLog>();

        await InvalidAsync(kit, "state", () => log.ListForPageAsync(page.Id, (NotificationState)42));
    }

    [Fact]
    public async Task An_unknown_page_or_subscriber_is_not_found_naming_its_id()
    {
        await using var kit = new StatusKitHarness();
        var log = kit.Get<NotificationLog>();

        await RejectsAsync<StatusKitNotFoundException>(kit, "pageId", () => log.ListForPageAsync(Guid.NewGuid()));
        await RejectsAsync<StatusKitNotFoundException>(kit, "subscriberId", () => log.ListForSubscriberAsync(Guid.NewGuid()));
    }

    private static async Task<Subscriber> AddSubscriberAsync(StatusKitHarness kit, Guid pageId)
    {
        var subscriber = TestData.Subscriber(pageId, SubscriberChannel.Webhook);
        await kit.Store.AddSubscriberAsync(subscriber, [], None);
        return subscriber;
    }

    private static async Task<Notification> EnqueueAsync(StatusKitHarness kit, Notification notification)
    {
        Assert.Equal(1, await kit.Store.EnqueueNotificationsAsync([notification], None));
        return notification;
    }

    /// <summary>Takes a pending row through a dispatcher's claim to <paramref name="state"/> at <paramref name="at"/>.</summary>
    private static async Task FinishAsync(IStatusStore store, Notification row, NotificationState state, DateTimeOffset at, int attempts, string? error = null)
    {
        var claimed = await store.ClaimNotificationsAsync("log-test", at, at.AddMinutes(5), 1000, None);
        foreach (var other in claimed.Where(n => n.Id != row.Id))
        {
            await store.ReleaseNotificationAsync(other.Id, "log-test", None);
        }

        Assert.True(await store.CompleteNotificationAsync(new NotificationOutcome(row.Id, "log-test", state, at, attempts, error), None));
    }
}
