using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Notifications.Dispatching;
using StatusKit.Services;
using StatusKit.Status;
using StatusKit.TestSupport.Fakes;
using StatusKit.Testing;
using static StatusKit.Tests.Notifications.Dispatching.DispatcherHarness;

namespace StatusKit.Tests.Notifications.Dispatching;

/// <summary>
/// A subscriber whose destination keeps failing stops being tried: after DeactivateAfterDeadLetters dead letters in a
/// row (default 5), as after one 410 Gone.
/// </summary>
public sealed class DeadDestinationTests
{
    private static readonly NotificationResult NotFound = NotificationResult.Permanent("HTTP 404 no_service").AtDestination();

    [Fact]
    public async Task FourDeadLettersInARow_KeepTheSubscriberActive_TheFifthDeactivatesIt_AsDeadLetters()
    {
        var (h, subscriber, notifier) = await ArrangeAsync();
        var dispatcher = h.Dispatcher(notifier);

        await SendAsync(h, dispatcher, subscriber, 4);

        Assert.True((await StoredAsync(h, subscriber)).IsActive);
        Assert.False(h.Logger.Has(1320));

        await SendOneAsync(h, dispatcher, subscriber);

        var stored = await StoredAsync(h, subscriber);
        Assert.False(stored.IsActive);
        Assert.Equal(SubscriberDeactivationReason.DeadLetters, stored.DeactivationReason);
        var warning = Assert.Single(h.Logger.Entries, e => e.EventId.Id == 1320);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(subscriber.Id.ToString(), warning.Message, StringComparison.Ordinal);
        Assert.Contains("(Slack)", warning.Message, StringComparison.Ordinal);
        Assert.Contains("last 5 notices", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(h.Logger.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task OnceDeactivated_ItsNextNotices_AreSupersededUnsent()
    {
        var (h, subscriber, notifier) = await ArrangeAsync();
        h.Settings.DeactivateAfterDeadLetters = 1;
        var first = await h.EnqueueAsync(h.Change(subscriber, coalesce: false));
        var second = await h.EnqueueAsync(h.Change(subscriber, coalesce: false, dueAt: h.Clock.GetUtcNow().AddTicks(1)));
        h.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(2, await h.Dispatcher(notifier).RunOnceAsync(None));

        Assert.Equal(NotificationState.DeadLettered, (await h.GetAsync(first.Id)).State);
        Assert.Equal(NotificationState.Superseded, (await h.GetAsync(second.Id)).State);
        Assert.Single(notifier.Attempts);
    }

    [Fact]
    public async Task ADeliveryInBetween_StartsTheCountAgain()
    {
        var (h, subscriber, notifier) = await ArrangeAsync();
        var dispatcher = h.Dispatcher(notifier);
        await SendAsync(h, dispatcher, subscriber, 4);

        notifier.Respond = (_, _) => Task.FromResult(NotificationResult.Delivered);
        await SendOneAsync(h, dispatcher, subscriber);
        notifier.Respond = (_, _) => Task.FromResult(NotFound);
        await AssertStoppedByTheFifthDeadLetterAsync(h, dispatcher, subscriber);
    }

    [Fact]
    public async Task SupersededAndPendingRows_NeitherCountNorStartTheCountAgain()
    {
        var (h, subscriber, notifier) = await ArrangeAsync();
        h.Settings.DeactivateAfterDeadLetters = 3;
        var dispatcher = h.Dispatcher(notifier);
        await SendOneAsync(h, dispatcher, subscriber);

        // A row that fails for a retry stays pending, written between the dead letters.
        var pending = h.Change(subscriber, coalesce: false);
        notifier.Respond = (message, _) => Task.FromResult(message.NotificationId == pending.Id ? NotificationResult.Retry("HTTP 503").AtDestination() : NotFound);
        await h.EnqueueAsync(pending);
        await dispatcher.RunOnceAsync(None);
        h.Clock.Advance(TimeSpan.FromSeconds(1));

        // A verification message whose token was replaced is superseded unsent; the change after it is the second dead letter.
        var stale = await h.EnqueueAsync(h.Notice(subscriber with { VerifyTokenHash = TestData.Unique("replaced") }, NotificationKind.SubscriptionVerification));
        var second = await h.EnqueueAsync(h.Change(subscriber, coalesce: false, at: h.Clock.GetUtcNow().AddTicks(1)));
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        await dispatcher.RunOnceAsync(None);
        h.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(NotificationState.Pending, (await h.GetAsync(pending.Id)).State);
        Assert.Equal(NotificationState.Superseded, (await h.GetAsync(stale.Id)).State);
        Assert.Equal(NotificationState.DeadLettered, (await h.GetAsync(second.Id)).State);
        Assert.True((await StoredAsync(h, subscriber)).IsActive);

        await SendOneAsync(h, dispatcher, subscriber);

        Assert.False((await StoredAsync(h, subscriber)).IsActive);
    }

    [Fact]
    public async Task WithTheOptionNull_NoNumberOfDeadLettersDeactivates()
    {
        var (h, subscriber, notifier) = await ArrangeAsync();
        h.Settings.DeactivateAfterDeadLetters = null;
        var dispatcher = h.Dispatcher(notifier);

        await SendAsync(h, dispatcher, subscriber, 12);

        Assert.True((await StoredAsync(h, subscriber)).IsActive);
        Assert.Equal(12, notifier.Attempts.Count);
        Assert.False(h.Logger.Has(1320));
    }

    [Fact]
    public async Task Gone_StillDeactivatesAtOnce_AsDestinationGone()
    {
        var (h, subscriber, notifier) = await ArrangeAsync();
        notifier.Respond = (_, _) => Task.FromResult(NotificationResult.Gone("HTTP 410"));

        await SendOneAsync(h, h.Dispatcher(notifier), subscriber);

        var stored = await StoredAsync(h, subscriber);
        Assert.False(stored.IsActive);
        Assert.Equal(SubscriberDeactivationReason.DestinationGone, stored.DeactivationReason);
        Assert.True(h.Logger.Has(1311));
        Assert.False(h.Logger.Has(1320));
    }

    [Fact]
    public async Task DeadLettersOnTheSendingSide_DeactivateNobody()
    {
        // The host's mail server refusing for days is the host's problem, not every subscriber's.
        var (h, subscriber, notifier) = await ArrangeAsync();
        notifier.Respond = (_, _) => Task.FromResult(NotificationResult.Permanent("The SMTP server refused the credentials."));
        var dispatcher = h.Dispatcher(notifier);

        await SendAsync(h, dispatcher, subscriber, 6);

        Assert.True((await StoredAsync(h, subscriber)).IsActive);
    }

    [Fact]
    public async Task ASubscriberThatNeverConfirmed_IsNotDeactivatedByItsFailedVerificationMessages()
    {
        var (h, subscriber, notifier) = await ArrangeAsync(verified: false);
        h.Settings.DeactivateAfterDeadLetters = 1;
        var dispatcher = h.Dispatcher(notifier);

        for (var i = 0; i < 3; i++)
        {
            // Each subscription started over carries a new token, and its own verification message.
            var current = (await StoredAsync(h, subscriber)) with { VerifyTokenHash = TestData.Unique("verify") };
            current = await h.Store.UpdateSubscriberAsync(current, [], None);
            var verification = await h.EnqueueAsync(h.Notice(current, NotificationKind.SubscriptionVerification));
            await dispatcher.RunOnceAsync(None);
            h.Clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(NotificationState.DeadLettered, (await h.GetAsync(verification.Id)).State);
        }

        var stored = await StoredAsync(h, subscriber);
        Assert.True(stored.IsActive);
        Assert.Null(stored.DeactivationReason);
    }

    [Fact]
    public async Task AReactivatedSubscriber_CountsOnlyTheDeadLettersSinceItWasReactivated()
    {
        var (h, subscriber, notifier) = await ArrangeAsync();
        var dispatcher = h.Dispatcher(notifier);
        await SendAsync(h, dispatcher, subscriber, 5);

        var deactivated = await StoredAsync(h, subscriber);
        await h.Store.UpdateSubscriberAsync(
            deactivated with { IsActive = true, DeactivationReason = null, ActivatedAt = h.Clock.GetUtcNow() }, [], None);

        await AssertStoppedByTheFifthDeadLetterAsync(h, dispatcher, subscriber);
    }

    [Fact]
    public async Task AStoreThatCannotCountTheDeadLetters_LeavesTheSubscriberActive_AndTheRestOfThePassGoesOn()
    {
        var (h, subscriber, notifier) = await ArrangeAsync();
        h.Settings.DeactivateAfterDeadLetters = 1;
        var (store, control) = InterceptingStatusStore.Wrap(h.Store);
        control.Before = (method, args) => method == nameof(IStatusStore.ListNotificationsAsync) && args[0] is NotificationQuery { State: NotificationState.DeadLettered }
            ? throw new InvalidOperationException("the store is down")
            : null;
        var dispatcher = h.DispatcherOver(store, new Random(7), notifier);
        var first = await h.EnqueueAsync(h.Change(subscriber, coalesce: false));
        var second = await h.EnqueueAsync(h.Change(subscriber, coalesce: false, dueAt: h.Clock.GetUtcNow().AddTicks(1)));
        h.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(2, await dispatcher.RunOnceAsync(None));

        Assert.True((await StoredAsync(h, subscriber)).IsActive);
        Assert.Equal([NotificationState.DeadLettered, NotificationState.DeadLettered], [(await h.GetAsync(first.Id)).State, (await h.GetAsync(second.Id)).State]);
        Assert.Equal(LogLevel.Warning, h.Logger.Entries.First(e => e.EventId.Id == 1321).Level);
        Assert.False(h.Logger.Has(1320));
    }

    [Fact]
    public async Task ASubscriberReactivatedWhileItsDeadLettersWereCounted_StartedAfresh_AndStaysActive()
    {
        var (h, subscriber, notifier) = await ArrangeAsync();
        h.Settings.DeactivateAfterDeadLetters = 1;
        var (store, control) = InterceptingStatusStore.Wrap(h.Store);
        control.Before = (method, args) => method == nameof(IStatusStore.ListNotificationsAsync) && args[0] is NotificationQuery { State: NotificationState.Delivered }
            ? ReactivateAsync()
            : null;
        async Task ReactivateAsync()
        {
            var stored = await StoredAsync(h, subscriber);
            await h.Store.UpdateSubscriberAsync(stored with { ActivatedAt = h.Clock.GetUtcNow() }, [], None);
        }

        var dispatcher = h.DispatcherOver(store, new Random(7), notifier);
        await SendOneAsync(h, dispatcher, subscriber);

        Assert.True((await StoredAsync(h, subscriber)).IsActive);
        Assert.False(h.Logger.Has(1320));
    }

    private static async Task<(DispatcherHarness Harness, Subscriber Subscriber, RecordingNotifier Notifier)> ArrangeAsync(bool verified = true)
    {
        var h = await DispatcherHarness.CreateAsync();
        h.Settings.MaxNotificationsPerHour = 0;
        var subscriber = await h.SubscriberAsync(SubscriberChannel.Slack, verified);
        var notifier = new RecordingNotifier(SubscriberChannel.Slack) { Respond = (_, _) => Task.FromResult(NotFound) };
        return (h, subscriber, notifier);
    }

    /// <summary>Writes one notice, due now, runs one dispatcher pass and moves the clock on a second.</summary>
    private static async Task SendOneAsync(DispatcherHarness h, NotificationDispatcher dispatcher, Subscriber subscriber)
    {
        await h.EnqueueAsync(h.Change(subscriber, coalesce: false));
        await dispatcher.RunOnceAsync(None);
        h.Clock.Advance(TimeSpan.FromSeconds(1));
    }

    private static async Task SendAsync(DispatcherHarness h, NotificationDispatcher dispatcher, Subscriber subscriber, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await SendOneAsync(h, dispatcher, subscriber);
        }
    }

    // With the default of five: four dead letters in a row leave the subscriber active, the fifth stops it.
    private static async Task AssertStoppedByTheFifthDeadLetterAsync(DispatcherHarness h, NotificationDispatcher dispatcher, Subscriber subscriber)
    {
        await SendAsync(h, dispatcher, subscriber, 4);
        Assert.True((await StoredAsync(h, subscriber)).IsActive);

        await SendOneAsync(h, dispatcher, subscriber);

        Assert.False((await StoredAsync(h, subscriber)).IsActive);
    }

    private static async Task<Subscriber> StoredAsync(DispatcherHarness h, Subscriber subscriber) =>
        (await h.Store.GetSubscriberAsync(subscriber.Id, None))!;
}
