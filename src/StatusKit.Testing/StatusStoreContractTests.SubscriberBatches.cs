using StatusKit.Model;
using StatusKit.Notifications;

// The facts are public for xunit, not for callers; each fact's name is its specification, so facts carry no XML doc.
#pragma warning disable CS1591
namespace StatusKit.Testing;

public abstract partial class StatusStoreContractTests
{
    [Fact]
    public async Task AddSubscribers_AllNew_AddsEachAtVersionOne_InOneCall_WithTheirNotifications()
    {
        var page = await AddPageAsync();
        var email = TestData.Subscriber(page.Id, SubscriberChannel.Email) with { IsVerified = false };
        var webhook = TestData.Subscriber(page.Id, SubscriberChannel.Webhook) with { Version = 7 };
        var slack = TestData.Subscriber(page.Id, SubscriberChannel.Slack) with { ComponentIds = [] };
        var verifyEmail = TestData.Notification(page.Id, email.Id, subject: "Confirm email");
        var verifyWebhook = TestData.Notification(page.Id, webhook.Id, subject: "Confirm webhook");

        var outcome = await Store.AddSubscribersAsync([email, webhook, slack], [verifyEmail, verifyWebhook], None);

        Assert.Equal([email.Id, webhook.Id, slack.Id], outcome.Added);
        Assert.Empty(outcome.Taken);
        StoreAssert.Same(email, await Store.GetSubscriberAsync(email.Id, None));
        StoreAssert.Same(webhook with { Version = 1 }, await Store.GetSubscriberAsync(webhook.Id, None));
        StoreAssert.Same(slack, await Store.GetSubscriberAsync(slack.Id, None));
        StoreAssert.Same(verifyEmail, await Store.GetNotificationAsync(verifyEmail.Id, None));
        StoreAssert.Same(verifyWebhook, await Store.GetNotificationAsync(verifyWebhook.Id, None));
    }

    [Fact]
    public async Task AddSubscribers_WithDestinationsTaken_RefusesThose_NamingTheirHolders_AddsTheOthers_AndEnqueuesOnlyTheAddedOnesNotifications()
    {
        var page = await AddPageAsync();
        var stored = TestData.Subscriber(page.Id, SubscriberChannel.Email, "Ops@Example.com") with
        {
            IsActive = false,
            DeactivationReason = SubscriberDeactivationReason.Unsubscribed,
        };
        var storedHook = TestData.Subscriber(page.Id, SubscriberChannel.Webhook, "https://hooks.example.com/a");
        await Store.AddSubscriberAsync(stored, [], None);
        await Store.AddSubscriberAsync(storedHook, [], None);
        var again = TestData.Subscriber(page.Id, SubscriberChannel.Email, "ops@example.COM");
        var hookAgain = TestData.Subscriber(page.Id, SubscriberChannel.Webhook, "https://hooks.example.com/a");
        var fresh = TestData.Subscriber(page.Id, SubscriberChannel.Email, "new@example.com");

        var outcome = await Store.AddSubscribersAsync(
            [again, fresh, hookAgain],
            [TestData.Notification(page.Id, again.Id, subject: "Refused"), TestData.Notification(page.Id, fresh.Id, subject: "Added"), TestData.Notification(page.Id, hookAgain.Id, subject: "Refused")],
            None);

        Assert.Equal([fresh.Id], outcome.Added);
        Assert.Equal(new[] { again.Id, hookAgain.Id }.Order(), outcome.Taken.Keys.Order());
        StoreAssert.Same(stored, outcome.Taken[again.Id]);
        StoreAssert.Same(storedHook, outcome.Taken[hookAgain.Id]);
        Assert.Null(await Store.GetSubscriberAsync(again.Id, None));
        Assert.Null(await Store.GetSubscriberAsync(hookAgain.Id, None));
        StoreAssert.Same(fresh, await Store.GetSubscriberAsync(fresh.Id, None));
        StoreAssert.Same(stored, await Store.GetSubscriberAsync(stored.Id, None));
        var outbox = await Store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id }, None);
        Assert.Equal(["Added"], outbox.Select(n => n.Content.Subject));
    }

    [Fact]
    public async Task AddSubscribers_RepeatingADestinationWithinTheBatch_AddsTheFirst_AndRefusesTheRepeats_NamingTheFirst()
    {
        var page = await AddPageAsync();
        var first = TestData.Subscriber(page.Id, SubscriberChannel.Email, "ops@example.com");
        var upper = TestData.Subscriber(page.Id, SubscriberChannel.Email, "OPS@EXAMPLE.COM");
        var hook = TestData.Subscriber(page.Id, SubscriberChannel.Webhook, "https://hooks.example.com/a");
        var hookAgain = TestData.Subscriber(page.Id, SubscriberChannel.Webhook, "https://hooks.example.com/a");

        var outcome = await Store.AddSubscribersAsync([first, hook, upper, hookAgain], [], None);

        Assert.Equal([first.Id, hook.Id], outcome.Added);
        StoreAssert.Same(first, outcome.Taken[upper.Id]);
        StoreAssert.Same(hook, outcome.Taken[hookAgain.Id]);
        Assert.Equal(new[] { first.Id, hook.Id }.Order(), (await Store.ListSubscribersAsync(page.Id, None)).Select(s => s.Id).Order());
    }

    [Fact]
    public async Task AddSubscribers_ComparesDestinationsAsTheSingleAddDoes()
    {
        var page = await AddPageAsync();
        var other = await AddPageAsync();
        var incident = TestData.Incident(page.Id);
        await Store.AddStatusIncidentAsync(incident, [], None);
        await Store.AddSubscriberAsync(TestData.Subscriber(page.Id, SubscriberChannel.Email, "ops@example.com"), [], None);
        await Store.AddSubscriberAsync(TestData.Subscriber(page.Id, SubscriberChannel.Webhook, "https://hooks.example.com/Token"), [], None);
        var longS = TestData.Subscriber(page.Id, SubscriberChannel.Email, "ops@example.com".Replace('s', '\u017F'));
        var urlInOtherCase = TestData.Subscriber(page.Id, SubscriberChannel.Webhook, "https://hooks.example.com/token");
        var otherChannel = TestData.Subscriber(page.Id, SubscriberChannel.Slack, "https://hooks.example.com/Token");
        var otherPage = TestData.Subscriber(other.Id, SubscriberChannel.Email, "ops@example.com");
        var follower = TestData.Subscriber(page.Id, SubscriberChannel.Email, "ops@example.com") with { StatusIncidentId = incident.Id, ComponentIds = [], NotifyOn = NotificationEvents.All };
        var followerAgain = follower with { Id = Guid.NewGuid(), Destination = "OPS@example.com", UnsubscribeTokenHash = "another-unsubscribe-hash" };

        var outcome = await Store.AddSubscribersAsync([longS, urlInOtherCase, otherChannel, otherPage, follower, followerAgain], [], None);

        Assert.Equal([urlInOtherCase.Id, otherChannel.Id, otherPage.Id, follower.Id], outcome.Added);
        Assert.Equal(new[] { longS.Id, followerAgain.Id }.Order(), outcome.Taken.Keys.Order());
        StoreAssert.Same(follower, outcome.Taken[followerAgain.Id]);
        StoreAssert.Same(follower, await Store.GetSubscriberAsync(follower.Id, None));
        Assert.Equal([follower.Id], (await Store.ListStatusIncidentSubscribersAsync(incident.Id, None)).Select(s => s.Id));
    }

    [Fact]
    public async Task AddSubscribers_EmptyBatch_AddsNothing()
    {
        var page = await AddPageAsync();

        var outcome = await Store.AddSubscribersAsync([], [], None);

        Assert.Empty(outcome.Added);
        Assert.Empty(outcome.Taken);
        Assert.Empty(await Store.ListSubscribersAsync(page.Id, None));
    }

    [Fact]
    public async Task AddSubscribers_Cancelled_Throws_AndAddsNothing()
    {
        var page = await AddPageAsync();
        var subscriber = TestData.Subscriber(page.Id);
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.AddSubscribersAsync([subscriber], [TestData.Notification(page.Id, subscriber.Id)], cancellation.Token));

        Assert.Empty(await Store.ListSubscribersAsync(page.Id, None));
        Assert.Empty(await Store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id }, None));
    }

    [Fact]
    public async Task AddSubscribers_OnAPageThatIsMissing_ThrowsNotFound_AndAddsNothing()
    {
        var page = await AddPageAsync();
        var deleted = await AddPageAsync();
        Assert.True(await Store.DeletePageAsync(deleted.Id, null, None));
        var onPage = TestData.Subscriber(page.Id);

        var error = await Assert.ThrowsAsync<StatusKitNotFoundException>(() => Store.AddSubscribersAsync(
            [onPage, TestData.Subscriber(deleted.Id)], [TestData.Notification(page.Id, onPage.Id)], None));

        Assert.Equal("pageId", error.Field);
        Assert.Empty(await Store.ListSubscribersAsync(page.Id, None));
        Assert.Empty(await Store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id }, None));
    }

    [Fact]
    public async Task AddSubscribers_WithAnIdStoredOrRepeated_ThrowsConflictNamingId_AndAddsNothing()
    {
        var page = await AddPageAsync();
        var stored = TestData.Subscriber(page.Id);
        await Store.AddSubscriberAsync(stored, [], None);
        var fresh = TestData.Subscriber(page.Id);

        var storedId = await Assert.ThrowsAsync<StatusKitConflictException>(() => Store.AddSubscribersAsync(
            [fresh, TestData.Subscriber(page.Id) with { Id = stored.Id }], [], None));
        var repeated = await Assert.ThrowsAsync<StatusKitConflictException>(() => Store.AddSubscribersAsync(
            [fresh, TestData.Subscriber(page.Id) with { Id = fresh.Id }], [], None));

        Assert.Equal(("id", "id"), (storedId.Field, repeated.Field));
        Assert.Equal([stored.Id], (await Store.ListSubscribersAsync(page.Id, None)).Select(s => s.Id));
    }

    [Fact]
    public async Task AddSubscribers_ABatchOfThousands_OnAPageWithThousands_AddsTheNewAndRefusesTheTaken()
    {
        var page = await AddPageAsync();
        var stored = Enumerable.Range(0, 1_500).Select(i => TestData.Subscriber(page.Id, SubscriberChannel.Email, $"user{i}@example.com")).ToArray();
        Assert.Equal(1_500, (await Store.AddSubscribersAsync(stored, [], None)).Added.Count);
        var batch = Enumerable.Range(1_000, 2_500).Select(i => TestData.Subscriber(page.Id, SubscriberChannel.Email, $"USER{i}@example.com")).ToArray();

        var outcome = await Store.AddSubscribersAsync(batch, [.. batch.Select(s => TestData.Notification(page.Id, s.Id))], None);

        Assert.Equal(batch.Skip(500).Select(s => s.Id), outcome.Added);
        Assert.Equal(batch.Take(500).Select(s => s.Id).Order(), outcome.Taken.Keys.Order());
        Assert.All(batch.Take(500), (s, i) => Assert.Equal(stored[1_000 + i].Id, outcome.Taken[s.Id].Id));
        Assert.Equal(3_500, (await Store.ListSubscribersAsync(page.Id, None)).Count);
        Assert.Equal(2_000, (await Store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id, Take = 10_000 }, None)).Count);
    }

    [Fact]
    public async Task AddSubscribers_TwoBatchesRacingForTheSameDestinations_AddEachDestinationOnce_WithOneNotification()
    {
        var page = await AddPageAsync();
        var destinations = Enumerable.Range(0, 200).Select(i => $"racer{i}@example.com").ToArray();
        (IReadOnlyList<Subscriber> Subscribers, IReadOnlyList<Notification> Notifications) Batch()
        {
            var subscribers = destinations.Select(d => TestData.Subscriber(page.Id, SubscriberChannel.Email, d)).ToArray();
            return (subscribers, [.. subscribers.Select(s => TestData.Notification(page.Id, s.Id))]);
        }

        var batches = new[] { Batch(), Batch() };

        var outcomes = await Task.WhenAll(batches.Select(b => Task.Run(() => Store.AddSubscribersAsync(b.Subscribers, b.Notifications, None))));

        Assert.Equal(destinations.Length, outcomes.Sum(o => o.Added.Count));
        Assert.Equal(destinations.Length, outcomes.Sum(o => o.Taken.Count));
        var subscribers = await Store.ListSubscribersAsync(page.Id, None);
        Assert.Equal(destinations.Order(StringComparer.Ordinal), subscribers.Select(s => s.Destination).Order(StringComparer.Ordinal));
        var outbox = await Store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id, Take = 10_000 }, None);
        Assert.Equal(subscribers.Select(s => s.Id).Order(), outbox.Select(n => n.SubscriberId).Order());
    }
}
