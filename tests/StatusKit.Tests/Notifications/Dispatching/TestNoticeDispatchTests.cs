using Microsoft.Extensions.DependencyInjection;
using StatusKit.Abstractions;
using StatusKit.Configuration;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Notifications.Dispatching;
using StatusKit.Services;
using StatusKit.Status;
using StatusKit.TestSupport;
using StatusKit.TestSupport.Fakes;
using StatusKit.Testing;
using static StatusKit.Tests.Notifications.Dispatching.DispatcherHarness;

namespace StatusKit.Tests.Notifications.Dispatching;

/// <summary>
/// An operator's test notice (<see cref="NotificationKind.Test"/>) goes out at once like any notice: retried, logged and
/// in the delivery log, but never held back by the hourly cap, never folded into its digest, and neither superseding
/// nor superseded by another notice.
/// </summary>
public sealed class TestNoticeDispatchTests
{
    [Fact]
    public async Task A_test_notice_is_delivered_on_the_next_pass_through_a_notifier_with_the_page_and_subscription_links_and_the_log_says_so()
    {
        var email = new RecordingNotifier(SubscriberChannel.Email);
        await using var kit = new StatusKitHarness(services =>
        {
            services.AddSingleton<INotifier>(email);
            services.Configure<StatusPagesOptions>(o =>
            {
                o.PublicBaseAddress = new Uri("https://status.acme.test/status/");
                o.LinkSigningKey = Convert.ToBase64String(new byte[32]);
            });
        });
        var (page, _) = await kit.CreatePageAsync("Acme");
        var subscriber = (await kit.Subscribers.SubscribeAsync(
            new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "ops@example.com", PreVerified = true })).Subscriber;

        var queued = await kit.Subscribers.SendTestNotificationAsync(subscriber.Id);
        Assert.Equal(1, await kit.Get<NotificationDispatcher>().RunOnceAsync(None));

        var message = Assert.Single(email.Delivered);
        Assert.Equal((queued.Id, subscriber.Id, NotificationKind.Test, 1), (message.NotificationId, message.Subscriber.Id, message.Content.Kind, message.Attempt));
        Assert.Equal($"https://status.acme.test/status/{page.Slug}", message.Content.Link?.TrimEnd('/'));
        Assert.NotNull(message.UnsubscribeUrl);
        Assert.NotNull(message.ManageUrl);
        var logged = Assert.Single(await kit.Get<NotificationLog>().ListForSubscriberAsync(subscriber.Id));
        Assert.Equal((queued.Id, NotificationState.Delivered, 1, "subscription.test"), (logged.Id, logged.State, logged.Attempts, logged.Type));
    }

    [Fact]
    public async Task A_failing_test_notice_is_retried_then_dead_lettered_like_any_notice()
    {
        var h = await DispatcherHarness.CreateAsync();
        h.Settings.RetryDelays.Clear();
        h.Settings.RetryDelays.Add(TimeSpan.FromMinutes(1));
        var subscriber = await h.SubscriberAsync();
        var test = await h.EnqueueAsync(Test(h, subscriber));
        var notifier = new RecordingNotifier(SubscriberChannel.Email) { Respond = (_, _) => Task.FromResult(NotificationResult.Retry("mailbox busy")) };
        var dispatcher = h.Dispatcher(notifier);

        await dispatcher.RunOnceAsync(None);
        var retried = await h.GetAsync(test.Id);
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        await dispatcher.RunOnceAsync(None);

        Assert.Equal((NotificationState.Pending, 1, h.Clock.GetUtcNow()), (retried.State, retried.Attempts, retried.DueAt));
        var dead = await h.GetAsync(test.Id);
        Assert.Equal((NotificationState.DeadLettered, 2, "mailbox busy"), (dead.State, dead.Attempts, dead.LastError));
    }

    [Fact]
    public async Task Past_the_hourly_cap_a_test_notice_is_still_sent_at_once_while_a_change_is_deferred()
    {
        var h = await DispatcherHarness.CreateAsync();
        h.Settings.MaxNotificationsPerHour = 1;
        var subscriber = await h.SubscriberAsync();
        var notifier = new RecordingNotifier(SubscriberChannel.Email);
        var dispatcher = h.Dispatcher(notifier);
        await h.EnqueueAsync(h.Change(subscriber));
        await dispatcher.RunOnceAsync(None); // the hour's one delivery
        var change = await h.EnqueueAsync(h.Change(subscriber, ComponentStatus.PartialOutage));
        var test = await h.EnqueueAsync(Test(h, subscriber));

        await dispatcher.RunOnceAsync(None);

        Assert.Equal(NotificationState.Delivered, (await h.GetAsync(test.Id)).State);
        Assert.Equal(test.Id, notifier.Delivered[^1].NotificationId);
        var deferred = await h.GetAsync(change.Id);
        Assert.Equal(NotificationState.Pending, deferred.State);
        Assert.StartsWith(HourlyCap.DeferredMarker, deferred.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_test_notice_queued_beside_deferred_changes_is_sent_on_its_own_and_never_folded_into_their_digest()
    {
        var h = await DispatcherHarness.CreateAsync();
        h.Settings.MaxNotificationsPerHour = 1;
        var subscriber = await h.SubscriberAsync();
        var notifier = new RecordingNotifier(SubscriberChannel.Email);
        var dispatcher = h.Dispatcher(notifier);
        for (var i = 0; i < 3; i++)
        {
            await h.EnqueueAsync(h.Change(subscriber, ComponentStatus.PartialOutage));
        }

        await dispatcher.RunOnceAsync(None); // one sent, two deferred to the next hour
        h.Clock.SetUtcNow(HourlyCap.NextHour(h.Clock.GetUtcNow()));
        var test = await h.EnqueueAsync(Test(h, subscriber));

        await dispatcher.RunOnceAsync(None);

        var digest = Assert.Single(notifier.Delivered, m => m.Content.Kind == NotificationKind.Digest);
        var alone = Assert.Single(notifier.Delivered, m => m.Content.Kind == NotificationKind.Test);
        Assert.Equal(test.Id, alone.NotificationId);
        Assert.DoesNotContain("Test notification", digest.Content.Body, StringComparison.Ordinal);
        Assert.Empty(await h.AllAsync(NotificationState.Pending));
    }

    [Fact]
    public async Task A_test_notice_and_the_subscribers_other_notices_all_go_out_none_superseding_another()
    {
        var h = await DispatcherHarness.CreateAsync();
        var subscriber = await h.SubscriberAsync();
        var component = Guid.NewGuid();
        var earlier = await h.EnqueueAsync(Test(h, subscriber));
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        var change = await h.EnqueueAsync(h.Change(subscriber, ComponentStatus.MajorOutage, component));
        var incident = await h.EnqueueAsync(h.Notice(subscriber, NotificationKind.StatusIncidentCreated));
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        var later = await h.EnqueueAsync(Test(h, subscriber));
        var notifier = new RecordingNotifier(SubscriberChannel.Email);

        await h.Dispatcher(notifier).RunOnceAsync(None);

        Assert.Equal(
            new[] { earlier.Id, change.Id, incident.Id, later.Id }.Order(),
            notifier.Delivered.Select(m => m.NotificationId).Order());
        Assert.Empty(await h.AllAsync(NotificationState.Superseded));
    }

    [Fact]
    public async Task A_test_to_a_subscriber_who_unsubscribed_before_it_went_out_is_superseded_as_any_notice_would_be()
    {
        var h = await DispatcherHarness.CreateAsync();
        var subscriber = await h.SubscriberAsync();
        var test = await h.EnqueueAsync(Test(h, subscriber));
        await h.Store.UpdateSubscriberAsync(subscriber with { IsActive = false }, [], None);
        var notifier = new RecordingNotifier(SubscriberChannel.Email);

        await h.Dispatcher(notifier).RunOnceAsync(None);

        Assert.Empty(notifier.Delivered);
        Assert.Equal(NotificationState.Superseded, (await h.GetAsync(test.Id)).State);
    }

    [Fact]
    public void The_rules_that_hold_back_fold_or_supersede_notices_leave_a_test_notice_alone()
    {
        var subscriber = TestData.Subscriber(TestData.Page().Id, SubscriberChannel.Slack);
        var row = TestNotice.For(TestData.Page(), [], subscriber, TestData.T0);

        Assert.False(HourlyCap.Applies(NotificationKind.Test, cap: 1));
        Assert.Null(row.CoalesceKey);
        Assert.False(SupersedeRules.NeedsSubjectCheck(row.Content));
        Assert.False(SupersedeRules.NeedsFlapCheck(row));
        Assert.Null(SupersedeRules.ForFlap(row, lastDelivered: null));
        Assert.Null(SupersedeRules.ForLaterRow(row, [row with { Id = Guid.NewGuid(), CreatedAt = TestData.At(5) }]));
        Assert.Null(SupersedeRules.ForSubscriber(row, subscriber));
        Assert.Null(row.NotAfter);
        Assert.Equal(row.CreatedAt, row.DueAt);
    }

    private static Notification Test(DispatcherHarness h, Subscriber subscriber) =>
        TestNotice.For(h.Page, [], subscriber, h.Clock.GetUtcNow());
}
