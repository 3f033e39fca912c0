using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Notifications.Dispatching;
using StatusKit.Status;
using StatusKit.TestSupport.Fakes;
using static StatusKit.Tests.Notifications.Dispatching.DispatcherHarness;

namespace StatusKit.Tests.Notifications.Dispatching;

/// <summary>The hourly cap per subscriber and the digest that folds what it held back.</summary>
public sealed class StormControlTests
{
    [Fact]
    public async Task PastTheCap_RowsWaitForTheNextHour_ThenGoOutAsOneDigestWithEveryChange()
    {
        var h = await DispatcherHarness.CreateAsync();
        h.Settings.MaxNotificationsPerHour = 2;
        var subscriber = await h.SubscriberAsync();
        var other = await h.SubscriberAsync();
        h.Clock.Advance(TimeSpan.FromMinutes(20));
        var rows = new List<Notification>();
        for (var i = 0; i < 5; i++)
        {
            rows.Add(await h.EnqueueAsync(h.Change(subscriber, ComponentStatus.PartialOutage)));
        }

        var unrelated = await h.EnqueueAsync(h.Change(other));
        var notifier = new RecordingNotifier(SubscriberChannel.Email);
        var dispatcher = h.Dispatcher(notifier);

        Assert.Equal(6, await dispatcher.RunOnceAsync(None));

        Assert.Equal(3, notifier.Delivered.Count);
        Assert.Contains(notifier.Delivered, m => m.NotificationId == unrelated.Id);
        var nextHour = new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);
        var deferred = (await h.AllAsync(NotificationState.Pending)).ToArray();
        Assert.Equal(3, deferred.Length);
        Assert.All(deferred, d =>
        {
            Assert.Equal(nextHour, d.DueAt);
            Assert.Equal(0, d.Attempts);
            Assert.StartsWith(HourlyCap.DeferredMarker, d.LastError, StringComparison.Ordinal);
        });

        h.Clock.SetUtcNow(nextHour.AddTicks(-1));
        Assert.Equal(0, await dispatcher.RunOnceAsync(None));
        h.Clock.SetUtcNow(nextHour);
        Assert.Equal(3, await dispatcher.RunOnceAsync(None));

        var digest = notifier.Delivered[^1];
        Assert.Equal(4, notifier.Delivered.Count);
        Assert.Equal(NotificationKind.Digest, digest.Content.Kind);
        Assert.Equal(subscriber.Id, digest.Subscriber.Id);
        foreach (var row in deferred)
        {
            Assert.Contains(row.Content.ComponentName!, digest.Content.Body, StringComparison.Ordinal);
            Assert.Equal(NotificationState.Delivered, (await h.GetAsync(row.Id)).State);
        }

        Assert.Empty(await h.AllAsync(NotificationState.Pending));
        Assert.True(h.Logger.Has(1308));
        Assert.True(h.Logger.Has(1309));
    }

    [Fact]
    public async Task ADigest_ShowsEachChangeOnThePagesClock_WithItsOffset_LikeAMaintenanceNotice()
    {
        var h = await DispatcherHarness.CreateAsync(); // the page's clock is Europe/Berlin, UTC+01:00 in January
        h.Settings.MaxNotificationsPerHour = 1;
        var subscriber = await h.SubscriberAsync();
        h.Clock.Advance(TimeSpan.FromMinutes(20)); // 09:20 UTC
        for (var i = 0; i < 3; i++)
        {
            await h.EnqueueAsync(h.Change(subscriber, ComponentStatus.PartialOutage));
        }

        var notifier = new RecordingNotifier(SubscriberChannel.Email);
        var dispatcher = h.Dispatcher(notifier);
        await dispatcher.RunOnceAsync(None);
        h.Clock.SetUtcNow(new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero));
        await dispatcher.RunOnceAsync(None);

        var digest = notifier.Delivered[^1].Content;
        Assert.Equal(NotificationKind.Digest, digest.Kind);
        var lines = digest.Body.Split('\n').Skip(1).ToArray();
        Assert.Equal(2, lines.Length);
        Assert.All(lines, line => Assert.StartsWith("- 2026-01-05 10:20 Europe/Berlin (UTC+01:00) ", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADigest_IsWrittenInTheLanguageOfItsNewestRow_WhenThePagesLanguageChangedBetweenRows()
    {
        string?[] languages = [null, null, "de", "de"];

        var digest = await DigestOfFourRowsAsync((content, i) => content with { Language = languages[i] });

        Assert.Equal("de", digest.Language);
        Assert.EndsWith("3 Statusänderungen", digest.Subject, StringComparison.Ordinal);
        Assert.Contains("Teilausfall", digest.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADigest_NamesThePageAsItsNewestRowDoes_WhenThePageWasRenamedBetweenRows()
    {
        string[] names = ["Acme", "Acme", "Acme Cloud", "Acme Cloud"];

        var digest = await DigestOfFourRowsAsync((content, i) => content with { PageName = names[i] });

        Assert.Equal("Acme Cloud", digest.PageName);
        Assert.StartsWith("[Acme Cloud] ", digest.Subject, StringComparison.Ordinal);
        Assert.Contains("Acme Cloud", digest.Body.Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoDispatchers_SendingToOneSubscriberAtOnce_DeliverNoMoreThanTheCap()
    {
        var h = await DispatcherHarness.CreateAsync();
        h.Settings.MaxNotificationsPerHour = 3;
        h.Settings.BatchSize = 3;
        var subscriber = await h.SubscriberAsync();
        for (var i = 0; i < 6; i++)
        {
            await h.EnqueueAsync(h.Change(subscriber));
        }

        var sends = 0;
        var firstSendStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirstSend = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var notifier = new RecordingNotifier(SubscriberChannel.Email)
        {
            Respond = async (_, _) =>
            {
                if (Interlocked.Increment(ref sends) == 1)
                {
                    firstSendStarted.SetResult();
                    await releaseFirstSend.Task;
                }

                return NotificationResult.Delivered;
            },
        };
        var first = h.Dispatcher(notifier);
        var second = h.Dispatcher(notifier);

        var firstPass = first.RunOnceAsync(None);
        await firstSendStarted.Task;
        var secondPass = await second.RunOnceAsync(None);
        releaseFirstSend.SetResult();
        await firstPass;
        await second.RunOnceAsync(None);
        await first.RunOnceAsync(None);

        Assert.Equal(0, secondPass);
        Assert.Equal(3, notifier.Delivered.Count);
        var deferred = await h.AllAsync(NotificationState.Pending);
        Assert.Equal(3, deferred.Count);
        Assert.All(deferred, d => Assert.StartsWith(HourlyCap.DeferredMarker, d.LastError, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FailedDigest_IsRetriedAsADigest()
    {
        var h = await DispatcherHarness.CreateAsync();
        h.Settings.MaxNotificationsPerHour = 1;
        var subscriber = await h.SubscriberAsync();
        for (var i = 0; i < 3; i++)
        {
            await h.EnqueueAsync(h.Change(subscriber));
        }

        var failOnce = true;
        var notifier = new RecordingNotifier(SubscriberChannel.Email)
        {
            Respond = (m, _) =>
            {
                if (m.Content.Kind == NotificationKind.Digest && failOnce)
                {
                    failOnce = false;
                    return Task.FromResult(NotificationResult.Retry("503"));
                }

                return Task.FromResult(NotificationResult.Delivered);
            },
        };
        var dispatcher = h.Dispatcher(notifier);
        await dispatcher.RunOnceAsync(None);
        h.Clock.SetUtcNow(new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal(2, await dispatcher.RunOnceAsync(None));
        h.Clock.Advance(h.Settings.RetryDelays[0]);
        Assert.Equal(2, await dispatcher.RunOnceAsync(None));

        var digests = notifier.Attempts.Where(m => m.Content.Kind == NotificationKind.Digest).ToArray();
        Assert.Equal(2, digests.Length);
        Assert.Equal(digests[0].NotificationId, digests[1].NotificationId);
        Assert.Equal([1, 2], digests.Select(d => d.Attempt));
        Assert.Equal(3, (await h.AllAsync(NotificationState.Delivered)).Count);
    }

    [Fact]
    public async Task VerificationMessages_AreNeverCapped()
    {
        var h = await DispatcherHarness.CreateAsync();
        h.Settings.MaxNotificationsPerHour = 1;
        var subscriber = await h.SubscriberAsync();
        await h.EnqueueAsync(h.Change(subscriber));
        var verification = await h.EnqueueAsync(h.Notice(subscriber, NotificationKind.SubscriptionVerification) with { DueAt = h.Clock.GetUtcNow().AddTicks(1) });
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        var notifier = new RecordingNotifier(SubscriberChannel.Email);

        await h.Dispatcher(notifier).RunOnceAsync(None);

        Assert.Equal(2, notifier.Delivered.Count);
        Assert.Equal(NotificationState.Delivered, (await h.GetAsync(verification.Id)).State);
    }

    [Fact]
    public async Task ZeroTurnsTheCapOff()
    {
        var h = await DispatcherHarness.CreateAsync();
        h.Settings.MaxNotificationsPerHour = 0;
        h.Settings.BatchSize = 50;
        var subscriber = await h.SubscriberAsync();
        for (var i = 0; i < 30; i++)
        {
            await h.EnqueueAsync(h.Change(subscriber));
        }

        var notifier = new RecordingNotifier(SubscriberChannel.Email);
        await h.Dispatcher(notifier).RunOnceAsync(None);

        Assert.Equal(30, notifier.Delivered.Count);
    }

    [Theory]
    [InlineData("2026-01-05T09:00:00Z", "2026-01-05T09:00:00Z", "2026-01-05T10:00:00Z")]
    [InlineData("2026-01-05T09:59:59.9999999Z", "2026-01-05T09:00:00Z", "2026-01-05T10:00:00Z")]
    [InlineData("2026-01-05T23:30:00+05:30", "2026-01-05T18:00:00Z", "2026-01-05T19:00:00Z")]
    [InlineData("2026-12-31T23:10:00Z", "2026-12-31T23:00:00Z", "2027-01-01T00:00:00Z")]
    public void ClockHours_AreUtc(string now, string start, string next)
    {
        var at = DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), HourlyCap.StartOfHour(at));
        Assert.Equal(DateTimeOffset.Parse(next, System.Globalization.CultureInfo.InvariantCulture), HourlyCap.NextHour(at));
    }

    // Four component changes a minute apart for one subscriber under a cap of one an hour, each row's content changed by
    // vary (its index, oldest first): the first goes out, the other three are folded into the next hour's digest.
    private static async Task<NotificationContent> DigestOfFourRowsAsync(Func<NotificationContent, int, NotificationContent> vary)
    {
        var h = await DispatcherHarness.CreateAsync();
        h.Settings.MaxNotificationsPerHour = 1;
        var subscriber = await h.SubscriberAsync();
        for (var i = 0; i < 4; i++)
        {
            h.Clock.Advance(TimeSpan.FromMinutes(1)); // rows in the order they were written
            var row = h.Change(subscriber, ComponentStatus.PartialOutage);
            await h.EnqueueAsync(row with { Content = vary(row.Content, i) });
        }

        var notifier = new RecordingNotifier(SubscriberChannel.Email);
        var dispatcher = h.Dispatcher(notifier);
        await dispatcher.RunOnceAsync(None);
        h.Clock.SetUtcNow(new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero));
        await dispatcher.RunOnceAsync(None);

        var digest = notifier.Delivered[^1].Content;
        Assert.Equal(NotificationKind.Digest, digest.Kind);
        return digest;
    }
}
