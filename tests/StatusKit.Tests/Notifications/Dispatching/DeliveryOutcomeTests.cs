using Microsoft.Extensions.Logging;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.TestSupport.Fakes;
using static StatusKit.Tests.Notifications.Dispatching.DispatcherHarness;

namespace StatusKit.Tests.Notifications.Dispatching;

/// <summary>What the dispatcher records for each answer of a notifier.</summary>
public sealed class DeliveryOutcomeTests
{
    [Fact]
    public async Task Delivered_IsRecordedWithTheAttemptAndTheMessageCarriesTheRow()
    {
        var h = await DispatcherHarness.CreateAsync();
        var subscriber = await h.SubscriberAsync();
        var row = await h.EnqueueAsync(h.Change(subscriber));
        var notifier = new RecordingNotifier(SubscriberChannel.Email);

        var processed = await h.Dispatcher(notifier).RunOnceAsync(None);

        Assert.Equal(1, processed);
        var message = Assert.Single(notifier.Delivered);
        Assert.Equal(row.Id, message.NotificationId);
        Assert.Equal(1, message.Attempt);
        Assert.Equal(subscriber.Id, message.Subscriber.Id);
        Assert.Equal(row.Content, message.Content);
        var stored = await h.GetAsync(row.Id);
        Assert.Equal(NotificationState.Delivered, stored.State);
        Assert.Equal(1, stored.Attempts);
        Assert.Equal(h.Clock.GetUtcNow(), stored.CompletedAt);
        Assert.Null(stored.LeaseOwner);
        Assert.True(h.Logger.Has(1304));
    }

    [Fact]
    public async Task TheMessageCarriesTheSubscribersUnsubscribeAndManageLinks_WithTheSameToken_WhenLinksCanBeBuilt()
    {
        var h = await DispatcherHarness.CreateAsync();
        h.LinkOptions.PublicBaseAddress = new Uri("https://status.acme.test/status/");
        h.LinkOptions.LinkSigningKey = Convert.ToBase64String(new byte[32]);
        var subscriber = await h.SubscriberAsync();
        await h.EnqueueAsync(h.Change(subscriber));
        var notifier = new RecordingNotifier(SubscriberChannel.Email);

        await h.Dispatcher(notifier).RunOnceAsync(None);

        var message = Assert.Single(notifier.Delivered);
        var unsubscribe = message.UnsubscribeUrl!.AbsoluteUri;
        Assert.StartsWith($"https://status.acme.test/status/{h.Page.Slug}/subscriptions/unsubscribe?token=", unsubscribe, StringComparison.Ordinal);
        Assert.Equal(unsubscribe.Replace("/subscriptions/unsubscribe?", "/subscriptions/manage?", StringComparison.Ordinal), message.ManageUrl?.AbsoluteUri);
    }

    [Fact]
    public async Task WithoutALinkSigningKey_TheMessageCarriesNeitherLink()
    {
        var h = await DispatcherHarness.CreateAsync();
        h.LinkOptions.PublicBaseAddress = new Uri("https://status.acme.test/status/");
        var subscriber = await h.SubscriberAsync();
        await h.EnqueueAsync(h.Change(subscriber));
        var notifier = new RecordingNotifier(SubscriberChannel.Email);

        await h.Dispatcher(notifier).RunOnceAsync(None);

        var message = Assert.Single(notifier.Delivered);
        Assert.Equal((null, null), (message.UnsubscribeUrl, message.ManageUrl));
    }

    [Fact]
    public async Task Retry_FollowsTheScheduleExactly_ThenDeadLettersAfterTheLastDelay()
    {
        var h = await DispatcherHarness.CreateAsync();
        h.Settings.RetryDelays.Clear();
        TimeSpan[] delays = [TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30)];
        foreach (var delay in delays)
        {
            h.Settings.RetryDelays.Add(delay);
        }

        var subscriber = await h.SubscriberAsync();
        var row = await h.EnqueueAsync(h.Change(subscriber));
        var notifier = new RecordingNotifier(SubscriberChannel.Email) { Respond = (_, _) => Task.FromResult(NotificationResult.Retry("503")) };
        var dispatcher = h.Dispatcher(notifier);

        Assert.Equal(1, await dispatcher.RunOnceAsync(None));
        foreach (var (delay, attempt) in delays.Select((d, i) => (d, i + 1)))
        {
            var pending = await h.GetAsync(row.Id);
            Assert.Equal(NotificationState.Pending, pending.State);
            Assert.Equal(attempt, pending.Attempts);
            Assert.Equal(h.Clock.GetUtcNow() + delay, pending.DueAt);
            Assert.Equal("503", pending.LastError);

            h.Clock.Advance(delay - TimeSpan.FromTicks(1));
            Assert.Equal(0, await dispatcher.RunOnceAsync(None));
            h.Clock.Advance(TimeSpan.FromTicks(1));
            Assert.Equal(1, await dispatcher.RunOnceAsync(None));
        }

        var dead = await h.GetAsync(row.Id);
        Assert.Equal(NotificationState.DeadLettered, dead.State);
        Assert.Equal(4, dead.Attempts);
        Assert.Equal([1, 2, 3, 4], notifier.Attempts.Select(m => m.Attempt));
        var visible = Assert.Single(await h.AllAsync(NotificationState.DeadLettered));
        Assert.Equal(row.Id, visible.Id);
        Assert.True(h.Logger.Has(1306));
    }

    [Fact]
    public async Task DeadLetter_OfAFailingDestination_IsAWarning_ThatPagesNobody()
    {
        var h = await DispatcherHarness.CreateAsync();
        var subscriber = await h.SubscriberAsync(SubscriberChannel.Webhook);
        var row = await h.EnqueueAsync(h.Change(subscriber));
        var notifier = new RecordingNotifier(SubscriberChannel.Webhook)
        {
            Respond = (_, _) => Task.FromResult(NotificationResult.Permanent("The receiver answered HTTP 404 Not Found.").AtDestination()),
        };

        await h.Dispatcher(notifier).RunOnceAsync(None);

        Assert.Equal(NotificationState.DeadLettered, (await h.GetAsync(row.Id)).State);
        var deadLetter = Assert.Single(h.Logger.Entries, e => e.EventId.Id == 1319);
        Assert.Equal(LogLevel.Warning, deadLetter.Level);
        Assert.Contains(subscriber.Id.ToString(), deadLetter.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(h.Logger.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task DeadLetter_OfADestinationThatIsGone_IsAWarning()
    {
        var h = await DispatcherHarness.CreateAsync();
        var subscriber = await h.SubscriberAsync(SubscriberChannel.Webhook);
        await h.EnqueueAsync(h.Change(subscriber));
        var notifier = new RecordingNotifier(SubscriberChannel.Webhook) { Respond = (_, _) => Task.FromResult(NotificationResult.Gone("HTTP 410")) };

        await h.Dispatcher(notifier).RunOnceAsync(None);

        Assert.Equal(LogLevel.Warning, Assert.Single(h.Logger.Entries, e => e.EventId.Id == 1319).Level);
        Assert.True(h.Logger.Has(1311));
        Assert.DoesNotContain(h.Logger.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task DeadLetter_OfAFailureOnTheSendingSide_StaysAnError()
    {
        var h = await DispatcherHarness.CreateAsync();
        h.Settings.RetryDelays.Clear();
        h.Settings.RetryDelays.Add(TimeSpan.FromSeconds(5));
        var subscriber = await h.SubscriberAsync();
        var row = await h.EnqueueAsync(h.Change(subscriber));
        // The host's email sender throws (its pickup folder is gone, its mail API rejects its key): the host's failure.
        var notifier = new RecordingNotifier(SubscriberChannel.Email) { Respond = (_, _) => throw new UnauthorizedAccessException("pickup folder") };
        var dispatcher = h.Dispatcher(notifier);

        await dispatcher.RunOnceAsync(None);
        h.Clock.Advance(TimeSpan.FromSeconds(5));
        await dispatcher.RunOnceAsync(None);

        Assert.Equal(NotificationState.DeadLettered, (await h.GetAsync(row.Id)).State);
        Assert.Equal(LogLevel.Error, Assert.Single(h.Logger.Entries, e => e.EventId.Id == 1306).Level);
        Assert.False(h.Logger.Has(1319));
    }

    [Theory]
    [InlineData(120, 120)]
    [InlineData(1, 5)]
    public async Task Retry_WaitsAtLeastRetryAfter(int retryAfterSeconds, int expectedSeconds)
    {
        var h = await DispatcherHarness.CreateAsync();
        var subscriber = await h.SubscriberAsync();
        var row = await h.EnqueueAsync(h.Change(subscriber));
        var notifier = new RecordingNotifier(SubscriberChannel.Email)
        {
            Respond = (_, _) => Task.FromResult(NotificationResult.Retry("429", TimeSpan.FromSeconds(retryAfterSeconds))),
        };

        await h.Dispatcher(notifier).RunOnceAsync(None);

        Assert.Equal(h.Clock.GetUtcNow().AddSeconds(expectedSeconds), (await h.GetAsync(row.Id)).DueAt);
    }

    [Fact]
    public async Task Retry_SpreadsTheDelayByTheJitter()
    {
        var h = await DispatcherHarness.CreateAsync();
        h.Settings.RetryJitter = 0.5;
        var subscriber = await h.SubscriberAsync();
        var rows = new List<Notification>();
        for (var i = 0; i < 30; i++)
        {
            rows.Add(await h.EnqueueAsync(h.Change(subscriber)));
        }

        h.Settings.BatchSize = 30;
        var notifier = new RecordingNotifier(SubscriberChannel.Email) { Respond = (_, _) => Task.FromResult(NotificationResult.Retry("503")) };
        await h.Dispatcher(new Random(1234), notifier).RunOnceAsync(None);

        var waits = new List<TimeSpan>();
        foreach (var row in rows)
        {
            waits.Add((await h.GetAsync(row.Id)).DueAt - h.Clock.GetUtcNow());
        }

        Assert.All(waits, w => Assert.InRange(w, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(7.5)));
        Assert.True(waits.Distinct().Count() > 20, "the jitter spreads the retries");
    }

    [Fact]
    public async Task NotifierThatThrows_IsAFailedAttempt_NotAnExceptionOutOfThePass()
    {
        var h = await DispatcherHarness.CreateAsync();
        var subscriber = await h.SubscriberAsync();
        var row = await h.EnqueueAsync(h.Change(subscriber));
        var notifier = new RecordingNotifier(SubscriberChannel.Email) { Respond = (_, _) => throw new InvalidOperationException("socket closed") };

        Assert.Equal(1, await h.Dispatcher(notifier).RunOnceAsync(None));

        var stored = await h.GetAsync(row.Id);
        Assert.Equal(NotificationState.Pending, stored.State);
        Assert.Equal(1, stored.Attempts);
        Assert.Contains("socket closed", stored.LastError, StringComparison.Ordinal);
        Assert.True(h.Logger.Has(1314));
    }

    [Fact]
    public async Task SendThatHangs_IsCutOffByTheTimeout_AndRetried()
    {
        var h = await DispatcherHarness.CreateAsync();
        var subscriber = await h.SubscriberAsync();
        var row = await h.EnqueueAsync(h.Change(subscriber));
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var notifier = new RecordingNotifier(SubscriberChannel.Email)
        {
            Respond = async (_, ct) =>
            {
                started.TrySetResult();
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);
                return NotificationResult.Delivered;
            },
        };

        var pass = h.Dispatcher(notifier).RunOnceAsync(None);
        await started.Task;
        h.Clock.Advance(h.Settings.LeaseDuration / 2);
        Assert.Equal(1, await pass);

        var stored = await h.GetAsync(row.Id);
        Assert.Equal(NotificationState.Pending, stored.State);
        Assert.Equal(1, stored.Attempts);
        Assert.Contains("timed out", stored.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Permanent_DeadLettersAtOnce()
    {
        var h = await DispatcherHarness.CreateAsync();
        var subscriber = await h.SubscriberAsync();
        var row = await h.EnqueueAsync(h.Change(subscriber));
        var notifier = new RecordingNotifier(SubscriberChannel.Email) { Respond = (_, _) => Task.FromResult(NotificationResult.Permanent("400 Bad Request")) };

        await h.Dispatcher(notifier).RunOnceAsync(None);

        var stored = await h.GetAsync(row.Id);
        Assert.Equal(NotificationState.DeadLettered, stored.State);
        Assert.Equal(1, stored.Attempts);
        Assert.Equal("400 Bad Request", stored.LastError);
        Assert.True((await h.Store.GetSubscriberAsync(subscriber.Id, None))!.IsActive);
    }

    [Fact]
    public async Task Gone_DeadLettersAndDeactivatesTheSubscriber_AndItsOtherRowsAreSuperseded()
    {
        var h = await DispatcherHarness.CreateAsync();
        var subscriber = await h.SubscriberAsync(SubscriberChannel.Webhook);
        var first = await h.EnqueueAsync(h.Change(subscriber));
        var second = await h.EnqueueAsync(h.Change(subscriber, dueAt: h.Clock.GetUtcNow().AddTicks(1)) with { Id = Guid.NewGuid() });
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        var notifier = new RecordingNotifier(SubscriberChannel.Webhook) { Respond = (_, _) => Task.FromResult(NotificationResult.Gone("410 Gone")) };

        Assert.Equal(2, await h.Dispatcher(notifier).RunOnceAsync(None));

        Assert.Equal(NotificationState.DeadLettered, (await h.GetAsync(first.Id)).State);
        Assert.Equal(NotificationState.Superseded, (await h.GetAsync(second.Id)).State);
        Assert.Single(notifier.Attempts);
        Assert.False((await h.Store.GetSubscriberAsync(subscriber.Id, None))!.IsActive);
        Assert.True(h.Logger.Has(1311));
    }

    [Fact]
    public async Task MissingNotifierForTheChannel_IsRetriedLater_NeverDropped()
    {
        var h = await DispatcherHarness.CreateAsync();
        var subscriber = await h.SubscriberAsync(SubscriberChannel.Slack);
        var row = await h.EnqueueAsync(h.Change(subscriber));
        var email = new RecordingNotifier(SubscriberChannel.Email);

        Assert.Equal(1, await h.Dispatcher(email).RunOnceAsync(None));

        var waiting = await h.GetAsync(row.Id);
        Assert.Equal(NotificationState.Pending, waiting.State);
        Assert.Equal(0, waiting.Attempts);
        Assert.Equal(h.Clock.GetUtcNow() + h.Settings.RetryDelays[0], waiting.DueAt);
        Assert.Contains(h.Logger.Entries, e => e.EventId.Id == 1310 && e.Level == Microsoft.Extensions.Logging.LogLevel.Error);
        Assert.Empty(email.Attempts);

        var slack = new RecordingNotifier(SubscriberChannel.Slack);
        h.Clock.Advance(h.Settings.RetryDelays[0]);
        Assert.Equal(1, await h.Dispatcher(email, slack).RunOnceAsync(None));
        Assert.Single(slack.Delivered);
        Assert.Equal(NotificationState.Delivered, (await h.GetAsync(row.Id)).State);
    }
}
