using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.TestSupport.Fakes;
using static StatusKit.Tests.Notifications.Dispatching.DispatcherHarness;

namespace StatusKit.Tests.Notifications.Dispatching;

/// <summary>Leases between dispatchers, and what a stopping dispatcher gives back.</summary>
public sealed class LeaseAndShutdownTests
{
    [Fact]
    public async Task ExpiredLease_IsReclaimedByAnotherDispatcher_AndTheOldOwnerCanNoLongerComplete()
    {
        var h = await DispatcherHarness.CreateAsync();
        var subscriber = await h.SubscriberAsync();
        var row = await h.EnqueueAsync(h.Change(subscriber));
        var now = h.Clock.GetUtcNow();
        Assert.Single(await h.Store.ClaimNotificationsAsync("crashed-dispatcher", now, now + h.Settings.LeaseDuration, 10, None));
        var notifier = new RecordingNotifier(SubscriberChannel.Email);
        var survivor = h.Dispatcher(notifier);

        Assert.Equal(0, await survivor.RunOnceAsync(None));
        h.Clock.Advance(h.Settings.LeaseDuration);
        Assert.Equal(1, await survivor.RunOnceAsync(None));

        var late = new NotificationOutcome(row.Id, "crashed-dispatcher", NotificationState.Pending, h.Clock.GetUtcNow(), 1, "late", h.Clock.GetUtcNow());
        Assert.False(await h.Store.CompleteNotificationAsync(late, None));
        var stored = await h.GetAsync(row.Id);
        Assert.Equal(NotificationState.Delivered, stored.State);
        Assert.Equal(1, stored.Attempts);
        Assert.Single(notifier.Delivered);
    }

    [Fact]
    public async Task OnlyTheLeaseOwnerRecordsTheOutcome_ASlowOwnerLosesToTheNextOne()
    {
        var h = await DispatcherHarness.CreateAsync();
        var subscriber = await h.SubscriberAsync();
        var row = await h.EnqueueAsync(h.Change(subscriber));
        var gate = new TaskCompletionSource<NotificationResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // A notifier that ignores cancellation and hangs past the lease.
        var slow = new RecordingNotifier(SubscriberChannel.Email) { Respond = (_, _) => { started.TrySetResult(); return gate.Task; } };
        var slowDispatcher = h.Dispatcher(slow);
        var slowPass = slowDispatcher.RunOnceAsync(None);
        await started.Task;
        h.Clock.Advance(h.Settings.LeaseDuration);

        var fast = new RecordingNotifier(SubscriberChannel.Email) { Respond = (_, _) => Task.FromResult(NotificationResult.Retry("503")) };
        Assert.Equal(1, await h.Dispatcher(fast).RunOnceAsync(None));
        gate.SetResult(NotificationResult.Delivered);
        Assert.Equal(0, await slowPass);

        var stored = await h.GetAsync(row.Id);
        Assert.Equal(NotificationState.Pending, stored.State);
        Assert.Equal("503", stored.LastError);
        Assert.Contains(h.Logger.Entries, e => e.EventId.Id == 1312 && e.Message.Contains(slowDispatcher.LeaseOwner, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Shutdown_ReleasesClaimedRowsThatWereNotSent_SoAnotherDispatcherTakesThemAtOnce()
    {
        var h = await DispatcherHarness.CreateAsync();
        h.Settings.MaxConcurrency = 1;
        var rows = new List<Notification>();
        for (var i = 0; i < 3; i++)
        {
            rows.Add(await h.EnqueueAsync(h.Change(await h.SubscriberAsync())));
        }

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hanging = new RecordingNotifier(SubscriberChannel.Email)
        {
            Respond = async (_, ct) =>
            {
                started.TrySetResult();
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);
                return NotificationResult.Delivered;
            },
        };
        using var stopping = new CancellationTokenSource();
        var pass = h.Dispatcher(hanging).RunOnceAsync(stopping.Token);
        await started.Task;
        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pass);
        foreach (var row in rows)
        {
            var stored = await h.GetAsync(row.Id);
            Assert.Equal(NotificationState.Pending, stored.State);
            Assert.Null(stored.LeaseOwner);
            Assert.Equal(0, stored.Attempts);
        }

        Assert.True(h.Logger.Has(1313));
        var next = new RecordingNotifier(SubscriberChannel.Email);
        Assert.Equal(3, await h.Dispatcher(next).RunOnceAsync(None));
        Assert.Equal(3, next.Delivered.Count);
    }

    [Fact]
    public async Task Shutdown_AfterASuccessfulSend_StillRecordsTheDelivery()
    {
        var h = await DispatcherHarness.CreateAsync();
        var row = await h.EnqueueAsync(h.Change(await h.SubscriberAsync()));
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource<NotificationResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var notifier = new RecordingNotifier(SubscriberChannel.Email) { Respond = (_, _) => { started.TrySetResult(); return gate.Task; } };
        using var stopping = new CancellationTokenSource();
        var pass = h.Dispatcher(notifier).RunOnceAsync(stopping.Token);
        await started.Task;

        await stopping.CancelAsync();
        gate.SetResult(NotificationResult.Delivered);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pass);
        var stored = await h.GetAsync(row.Id);
        Assert.Equal(NotificationState.Delivered, stored.State);
        Assert.Null(stored.LeaseOwner);
    }

    [Fact]
    public async Task HostedLoop_DeliversAtOnce_ThenPollsOnTheClock_AndStopsCleanly()
    {
        var h = await DispatcherHarness.CreateAsync();
        var subscriber = await h.SubscriberAsync();
        var first = await h.EnqueueAsync(h.Change(subscriber));
        await h.EnqueueAsync(h.Change(subscriber, dueAt: h.Clock.GetUtcNow() + h.Settings.PollInterval));
        var deliveries = new[] { new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var count = 0;
        var notifier = new RecordingNotifier(SubscriberChannel.Email)
        {
            Respond = (_, _) =>
            {
                deliveries[Interlocked.Increment(ref count) - 1].TrySetResult();
                return Task.FromResult(NotificationResult.Delivered);
            },
        };
        var dispatcher = h.Dispatcher(notifier);

        await dispatcher.StartAsync(None);
        await deliveries[0].Task;
        while (h.Clock.ActiveTimerCount == 0 || (await h.GetAsync(first.Id)).State != NotificationState.Delivered)
        {
            await Task.Yield(); // until the loop, finding nothing more due, waits for the poll interval on the clock
        }

        Assert.False(deliveries[1].Task.IsCompleted);
        h.Clock.Advance(h.Settings.PollInterval);
        await deliveries[1].Task;

        await dispatcher.StopAsync(None);
        Assert.Equal(2, notifier.Delivered.Count);
        Assert.True(h.Logger.Has(1300));
        Assert.True(h.Logger.Has(1301));
    }
}
