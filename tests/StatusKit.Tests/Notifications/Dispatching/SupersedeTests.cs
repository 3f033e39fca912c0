using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Notifications.Dispatching;
using StatusKit.Status;
using StatusKit.TestSupport.Fakes;
using StatusKit.Testing;
using static StatusKit.Tests.Notifications.Dispatching.DispatcherHarness;

namespace StatusKit.Tests.Notifications.Dispatching;

/// <summary>Rows that are not worth sending any more: subscriber state and flaps.</summary>
public sealed class SupersedeTests
{
    [Theory]
    [InlineData(NotificationKind.StatusIncidentCreated, true, false, false, true)]
    [InlineData(NotificationKind.StatusIncidentResolved, true, false, false, true)]
    [InlineData(NotificationKind.MaintenanceScheduled, false, true, false, true)]
    [InlineData(NotificationKind.MaintenanceReminder, false, true, false, true)]
    [InlineData(NotificationKind.MaintenanceStarted, false, true, false, true)]
    [InlineData(NotificationKind.MaintenanceCancelled, false, true, false, false)]
    [InlineData(NotificationKind.MaintenanceCompleted, false, true, false, false)]
    [InlineData(NotificationKind.MaintenanceCancelled, false, true, true, false)]
    [InlineData(NotificationKind.ComponentStatusChanged, false, false, false, false)]
    public void NeedsSubjectCheck_OnlyNoticesThatMeanNothingOnceTheirIncidentOrWindowIsGone(
        NotificationKind kind, bool aboutIncident, bool aboutWindow, bool windowDeletion, bool expected)
    {
        var content = new NotificationContent
        {
            Kind = kind, Subject = "s", Body = "b", PageName = "Acme", PageSlug = "acme", OccurredAt = DateTimeOffset.UnixEpoch,
            StatusIncidentId = aboutIncident ? Guid.NewGuid() : null,
            MaintenanceWindowId = aboutWindow ? Guid.NewGuid() : null,
            MaintenanceWindowDeleted = windowDeletion,
        };

        Assert.Equal(expected, SupersedeRules.NeedsSubjectCheck(content));
    }

    [Theory]
    [InlineData(null, "its postmortem was removed")]
    [InlineData(-60, null)] // published before the notice was planned: the text was replaced since, the postmortem stays
    [InlineData(0, null)]
    [InlineData(60, "its postmortem was removed and published again since")]
    public void ForPostmortem_DropsTheNoticeOfAPostmortemTheIncidentNoLongerHas(int? publishedSecondsAfterNotice, string? expected)
    {
        var planned = new DateTimeOffset(2026, 1, 6, 9, 30, 0, TimeSpan.Zero);
        var content = new NotificationContent
        {
            Kind = NotificationKind.StatusIncidentPostmortem, Subject = "s", Body = PostmortemNotice.Body("p", []), PageName = "Acme",
            PageSlug = "acme", StatusIncidentId = Guid.NewGuid(), OccurredAt = planned,
        };
        var incident = new StatusIncident
        {
            Id = content.StatusIncidentId.Value, PageId = Guid.NewGuid(), Title = "t", Message = "m", State = StatusIncidentState.Resolved,
            CreatedAt = planned.AddDays(-1), UpdatedAt = planned,
            Postmortem = publishedSecondsAfterNotice is null ? null : "p",
            PostmortemPublishedAt = publishedSecondsAfterNotice is { } s ? planned.AddSeconds(s) : null,
        };

        Assert.Equal(expected, SupersedeRules.ForPostmortem(content, incident));
        Assert.Null(SupersedeRules.ForPostmortem(content with { Kind = NotificationKind.StatusIncidentResolved }, incident with { Postmortem = null, PostmortemPublishedAt = null }));
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task UnverifiedOrInactiveSubscriber_GetsNothing(bool verified, bool active)
    {
        var h = await DispatcherHarness.CreateAsync();
        var subscriber = await h.SubscriberAsync(verified: verified, active: active);
        var row = await h.EnqueueAsync(h.Change(subscriber));
        var notifier = new RecordingNotifier(SubscriberChannel.Email);

        Assert.Equal(1, await h.Dispatcher(notifier).RunOnceAsync(None));

        Assert.Empty(notifier.Attempts);
        var stored = await h.GetAsync(row.Id);
        Assert.Equal(NotificationState.Superseded, stored.State);
        Assert.Equal(0, stored.Attempts);
    }

    [Fact]
    public async Task DeletedSubscriber_GetsNothing()
    {
        var h = await DispatcherHarness.CreateAsync();
        var subscriber = await h.SubscriberAsync();
        var row = await h.EnqueueAsync(h.Change(subscriber));
        await h.Store.DeleteSubscriberAsync(subscriber.Id, null, None);
        var notifier = new RecordingNotifier(SubscriberChannel.Email);

        await h.Dispatcher(notifier).RunOnceAsync(None);

        Assert.Empty(notifier.Attempts);
        Assert.Equal(NotificationState.Superseded, (await h.GetAsync(row.Id)).State);
    }

    [Fact]
    public async Task VerificationMessage_IsDeliveredToAnUnverifiedSubscriber()
    {
        var h = await DispatcherHarness.CreateAsync();
        var subscriber = await h.SubscriberAsync(verified: false);
        var verification = await h.EnqueueAsync(h.Notice(subscriber, NotificationKind.SubscriptionVerification));
        var change = await h.EnqueueAsync(h.Change(subscriber));
        var notifier = new RecordingNotifier(SubscriberChannel.Email);

        Assert.Equal(2, await h.Dispatcher(notifier).RunOnceAsync(None));

        Assert.Equal(verification.Id, Assert.Single(notifier.Delivered).NotificationId);
        Assert.Equal(NotificationState.Delivered, (await h.GetAsync(verification.Id)).State);
        Assert.Equal(NotificationState.Superseded, (await h.GetAsync(change.Id)).State);
    }

    [Fact]
    public async Task VerificationMessage_WhoseTokenIsNoLongerTheSubscribers_IsNotSent()
    {
        var h = await DispatcherHarness.CreateAsync();
        var subscriber = await h.SubscriberAsync(verified: false);
        var replaced = await h.EnqueueAsync(h.Notice(subscriber, NotificationKind.SubscriptionVerification));
        var renewed = subscriber with { VerifyTokenHash = Testing.TestData.Unique("verify") };
        await h.Store.UpdateSubscriberAsync(renewed, [h.Notice(renewed, NotificationKind.SubscriptionVerification)], None);
        var current = (await h.AllAsync()).Single(n => n.Id != replaced.Id);
        var notifier = new RecordingNotifier(SubscriberChannel.Email);

        Assert.Equal(2, await h.Dispatcher(notifier).RunOnceAsync(None));

        Assert.Equal(current.Id, Assert.Single(notifier.Delivered).NotificationId);
        Assert.Equal(NotificationState.Superseded, (await h.GetAsync(replaced.Id)).State);
        Assert.True(h.Logger.Has(1307));
    }

    [Fact]
    public async Task Flap_BackToTheLastNotifiedStatus_SendsNothing()
    {
        var h = await DispatcherHarness.CreateAsync();
        var subscriber = await h.SubscriberAsync();
        var component = Guid.NewGuid();
        var notifier = new RecordingNotifier(SubscriberChannel.Email);
        var dispatcher = h.Dispatcher(notifier);
        await h.EnqueueAsync(h.Change(subscriber, ComponentStatus.MajorOutage, component));
        await dispatcher.RunOnceAsync(None);

        // Major -> Partial -> Major within one debounce window: the pending row ends on Major, which was last sent.
        h.Clock.Advance(TimeSpan.FromMinutes(5));
        var flap = await h.EnqueueAsync(h.Change(subscriber, ComponentStatus.MajorOutage, component));
        await dispatcher.RunOnceAsync(None);

        Assert.Single(notifier.Delivered);
        Assert.Equal(NotificationState.Superseded, (await h.GetAsync(flap.Id)).State);

        h.Clock.Advance(TimeSpan.FromMinutes(5));
        var real = await h.EnqueueAsync(h.Change(subscriber, ComponentStatus.PartialOutage, component));
        await dispatcher.RunOnceAsync(None);
        Assert.Equal(real.Id, notifier.Delivered[^1].NotificationId);
    }

    [Fact]
    public async Task Resolved_ForAComponentTheSubscriberNeverHeardAbout_SendsNothing()
    {
        var h = await DispatcherHarness.CreateAsync();
        var subscriber = await h.SubscriberAsync();
        var resolved = await h.EnqueueAsync(h.Change(subscriber, ComponentStatus.Operational));
        var notifier = new RecordingNotifier(SubscriberChannel.Email);

        await h.Dispatcher(notifier).RunOnceAsync(None);

        Assert.Empty(notifier.Attempts);
        Assert.Equal(NotificationState.Superseded, (await h.GetAsync(resolved.Id)).State);
    }

    [Fact]
    public async Task Debounce_TwoChangesInTheWindow_DeliverOnceWithTheLatestState()
    {
        var h = await DispatcherHarness.CreateAsync();
        var subscriber = await h.SubscriberAsync();
        var component = Guid.NewGuid();
        var notifier = new RecordingNotifier(SubscriberChannel.Email);
        var dispatcher = h.Dispatcher(notifier);
        await h.EnqueueAsync(h.DebouncedChange(subscriber, ComponentStatus.DegradedPerformance, component));
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        await h.EnqueueAsync(h.DebouncedChange(subscriber, ComponentStatus.MajorOutage, component));

        h.Clock.Advance(TimeSpan.FromMinutes(1.5));
        Assert.Equal(0, await dispatcher.RunOnceAsync(None));
        h.Clock.Advance(TimeSpan.FromMinutes(0.5));
        Assert.Equal(1, await dispatcher.RunOnceAsync(None));

        var message = Assert.Single(notifier.Delivered);
        Assert.Equal(ComponentStatus.MajorOutage, message.Content.NewStatus);
        Assert.Single(await h.AllAsync());
    }

    [Fact]
    public async Task Debounce_ContinuousFlapping_IsStillDeliveredByNotAfter()
    {
        var h = await DispatcherHarness.CreateAsync();
        var subscriber = await h.SubscriberAsync();
        var component = Guid.NewGuid();
        var t0 = h.Clock.GetUtcNow();
        var notifier = new RecordingNotifier(SubscriberChannel.Email);
        var dispatcher = h.Dispatcher(notifier);
        DateTimeOffset? firstDelivery = null;
        for (var minute = 0; minute <= 15; minute++)
        {
            var status = minute % 2 == 0 ? ComponentStatus.MajorOutage : ComponentStatus.DegradedPerformance;
            await h.EnqueueAsync(h.DebouncedChange(subscriber, status, component));
            await dispatcher.RunOnceAsync(None);
            if (firstDelivery is null && notifier.Delivered.Count > 0)
            {
                firstDelivery = h.Clock.GetUtcNow();
            }

            h.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(t0 + h.Settings.MaxDebounceDelay, firstDelivery);
        Assert.Equal(ComponentStatus.MajorOutage, notifier.Delivered[0].Content.NewStatus);
    }

    [Fact]
    public async Task RetriedRow_IsNotDelivered_AfterALaterChangeOfItsComponentWasFoundToNeedNoMessage()
    {
        var h = await DispatcherHarness.CreateAsync();
        var subscriber = await h.SubscriberAsync();
        var component = Guid.NewGuid();
        var outage = await h.EnqueueAsync(h.Change(subscriber, ComponentStatus.MajorOutage, component));
        Notification? resolved = null;
        var receiverDown = true;
        var notifier = new RecordingNotifier(SubscriberChannel.Email)
        {
            Respond = async (message, ct) =>
            {
                if (resolved is null)
                {
                    // The component recovers while the outage row is leased and being sent: the engine enqueues a
                    // "resolved" row for the same (subscriber, component) key; it cannot merge into the leased row.
                    resolved = await h.EnqueueAsync(h.DebouncedChange(subscriber, ComponentStatus.Operational, component));
                }

                return receiverDown ? NotificationResult.Retry("HTTP 503") : NotificationResult.Delivered;
            },
        };
        var dispatcher = h.Dispatcher(notifier);

        await dispatcher.RunOnceAsync(None);                 // t0: outage attempt 1 fails -> due t0+5s
        h.Clock.Advance(TimeSpan.FromSeconds(5));
        await dispatcher.RunOnceAsync(None);                 // t0+5s: the outage row is stale now
        h.Clock.Advance(TimeSpan.FromMinutes(2));
        await dispatcher.RunOnceAsync(None);                 // t0+2min5s: the "resolved" row comes due
        receiverDown = false;
        h.Clock.Advance(TimeSpan.FromMinutes(4));
        await dispatcher.RunOnceAsync(None);                 // t0+6min5s: the outage row's retry would have been due

        // The component is Operational; the last thing the subscriber hears must not be "Major Outage".
        var last = notifier.Delivered.Count == 0 ? null : notifier.Delivered[^1];
        Assert.True(
            last is null || last.Content.NewStatus == ComponentStatus.Operational,
            $"Last delivered: {last?.Content.NewStatus}; outage row {(await h.GetAsync(outage.Id)).State}, resolved row {(await h.GetAsync(resolved!.Id)).State}");
        Assert.Equal(NotificationState.Superseded, (await h.GetAsync(outage.Id)).State);
    }

    [Fact]
    public async Task RetriedRow_IsNotDelivered_AfterALaterChangeOfItsComponentWasDelivered()
    {
        var h = await DispatcherHarness.CreateAsync();
        var subscriber = await h.SubscriberAsync();
        var component = Guid.NewGuid();
        var outage = await h.EnqueueAsync(h.Change(subscriber, ComponentStatus.MajorOutage, component));
        Notification? degraded = null;
        var notifier = new RecordingNotifier(SubscriberChannel.Email)
        {
            Respond = async (message, ct) =>
            {
                if (degraded is not null)
                {
                    return NotificationResult.Delivered;
                }

                // A second into the failing send, the component turns Degraded: a row of its own, due at once.
                h.Clock.Advance(TimeSpan.FromSeconds(1));
                degraded = await h.EnqueueAsync(h.Change(subscriber, ComponentStatus.DegradedPerformance, component));
                return NotificationResult.Retry("HTTP 503");
            },
        };
        var dispatcher = h.Dispatcher(notifier);

        await dispatcher.RunOnceAsync(None);                 // t0: the outage attempt fails -> due t0+1s+5s
        await dispatcher.RunOnceAsync(None);                 // t0+1s: Degraded is delivered
        h.Clock.Advance(TimeSpan.FromSeconds(5));
        await dispatcher.RunOnceAsync(None);                 // t0+6s: the outage row's retry is due

        Assert.Equal(degraded!.Id, Assert.Single(notifier.Delivered).NotificationId);
        Assert.Equal(NotificationState.Superseded, (await h.GetAsync(outage.Id)).State);
    }

    [Fact]
    public async Task TwoRowsOfOneComponentInOnePass_DeliverOnlyTheLaterChange()
    {
        var h = await DispatcherHarness.CreateAsync();
        var subscriber = await h.SubscriberAsync();
        var component = Guid.NewGuid();
        var notifier = new RecordingNotifier(SubscriberChannel.Email);
        var t0 = h.Clock.GetUtcNow();
        var outage = h.Change(subscriber, ComponentStatus.MajorOutage, component);
        var partial = h.Change(subscriber, ComponentStatus.PartialOutage, component, at: t0.AddSeconds(1));

        // Both stored as rows of their own (as when the second change came while the first row was leased).
        await h.Store.EnqueueNotificationsAsync([outage], None);
        await h.Store.ClaimNotificationsAsync("other", t0, t0.AddMinutes(1), 10, None);
        await h.Store.EnqueueNotificationsAsync([partial], None);
        await h.Store.ReleaseNotificationAsync(outage.Id, "other", None);
        h.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(2, await h.Dispatcher(notifier).RunOnceAsync(None));

        Assert.Equal(partial.Id, Assert.Single(notifier.Delivered).NotificationId);
        Assert.Equal(NotificationState.Superseded, (await h.GetAsync(outage.Id)).State);
    }

    [Fact]
    public void Rules_AreThoseOfTheDesign()
    {
        var row = new Notification
        {
            Id = Guid.NewGuid(),
            PageId = Guid.NewGuid(),
            SubscriberId = Guid.NewGuid(),
            Channel = SubscriberChannel.Email,
            DeduplicationKey = "k",
            CoalesceKey = "c",
            Content = Testing.TestData.Content("x") with { NewStatus = ComponentStatus.PartialOutage },
            CreatedAt = Testing.TestData.T0,
            DueAt = Testing.TestData.T0,
        };

        Assert.Null(SupersedeRules.ForFlap(row, null));
        Assert.NotNull(SupersedeRules.ForFlap(row with { Content = row.Content with { NewStatus = ComponentStatus.Operational } }, null));
        Assert.NotNull(SupersedeRules.ForFlap(row, row));
        Assert.Null(SupersedeRules.ForFlap(row, row with { Content = row.Content with { NewStatus = ComponentStatus.MajorOutage } }));
    }

    [Fact]
    public void Rules_ChangesCoalescedBackToWhereTheyStarted_AreAFlap()
    {
        var row = new Notification
        {
            Id = Guid.NewGuid(),
            PageId = Guid.NewGuid(),
            SubscriberId = Guid.NewGuid(),
            Channel = SubscriberChannel.Email,
            DeduplicationKey = "k",
            CoalesceKey = "c",
            Content = Testing.TestData.Content("x") with { OldStatus = ComponentStatus.UnderMaintenance, NewStatus = ComponentStatus.UnderMaintenance },
            CreatedAt = Testing.TestData.T0,
            DueAt = Testing.TestData.T0,
        };
        var earlier = row with
        {
            Id = Guid.NewGuid(),
            Content = row.Content with { OldStatus = ComponentStatus.MajorOutage, NewStatus = ComponentStatus.Operational, OccurredAt = Testing.TestData.T0.AddHours(-1) },
            CreatedAt = Testing.TestData.T0.AddHours(-1),
        };

        // The subscriber last heard "Operational" from a component row, then of the maintenance from the window's notice.
        Assert.NotNull(SupersedeRules.ForFlap(row, earlier));
        Assert.NotNull(SupersedeRules.ForFlap(row, null));
        Assert.Null(SupersedeRules.ForFlap(row with { Content = row.Content with { NewStatus = ComponentStatus.MajorOutage } }, earlier));
    }

    [Fact]
    public void Rules_OnlyTheLatestChangeOfAComponentIsSent()
    {
        var t0 = Testing.TestData.T0;
        var row = new Notification
        {
            Id = Guid.NewGuid(),
            PageId = Guid.NewGuid(),
            SubscriberId = Guid.NewGuid(),
            Channel = SubscriberChannel.Email,
            DeduplicationKey = "k",
            CoalesceKey = "c",
            Content = Testing.TestData.Content("x") with { NewStatus = ComponentStatus.PartialOutage, OccurredAt = t0 },
            CreatedAt = t0,
            DueAt = t0,
        };
        Notification Other(DateTimeOffset occurredAt, DateTimeOffset createdAt, string? key = "c") => row with
        {
            Id = Guid.NewGuid(),
            CoalesceKey = key,
            Content = row.Content with { NewStatus = ComponentStatus.MajorOutage, OccurredAt = occurredAt },
            CreatedAt = createdAt,
        };

        Assert.Null(SupersedeRules.ForLaterRow(row, [row]));
        Assert.NotNull(SupersedeRules.ForLaterRow(row, [Other(t0.AddSeconds(1), t0.AddSeconds(1))]));
        Assert.Null(SupersedeRules.ForLaterRow(row, [Other(t0.AddSeconds(1), t0.AddSeconds(1), key: "other")]));
        Assert.Null(SupersedeRules.ForLaterRow(row, [Other(t0.AddSeconds(-1), t0.AddSeconds(-1))]));

        // A row merged with a later change keeps its old creation time: the change's time decides.
        Assert.NotNull(SupersedeRules.ForLaterRow(row, [Other(t0.AddSeconds(1), t0.AddSeconds(-5))]));
        Assert.Null(SupersedeRules.ForLaterRow(row, [Other(t0.AddSeconds(-1), t0.AddSeconds(5))]));

        // Simultaneous changes cannot be ordered: neither is sent.
        Assert.NotNull(SupersedeRules.ForLaterRow(row, [Other(t0, t0)]));

        // A change older than the one last delivered would take the subscriber back in time.
        Assert.NotNull(SupersedeRules.ForFlap(row, Other(t0.AddSeconds(1), t0.AddSeconds(1))));
        Assert.Null(SupersedeRules.ForFlap(row, Other(t0.AddSeconds(-1), t0.AddSeconds(-1))));
    }

    [Fact]
    public void ForLaterRow_OfAPostmortemNotice_NamesTheLaterTextOfItsPostmortem()
    {
        // A correction told while the first notice was being sent gets a row of its own; if the first is queued again
        // for a retry after the correction went out, the subscriber must not end on the old text.
        var t0 = new DateTimeOffset(2026, 1, 6, 9, 30, 0, TimeSpan.Zero);
        var first = new Notification
        {
            Id = Guid.NewGuid(),
            PageId = Guid.NewGuid(),
            SubscriberId = Guid.NewGuid(),
            Channel = SubscriberChannel.Email,
            DeduplicationKey = "postmortem|1",
            CoalesceKey = "postmortem|i|s",
            Content = Testing.TestData.Content("A bad deploy.") with { Kind = NotificationKind.StatusIncidentPostmortem, OccurredAt = t0 },
            CreatedAt = t0,
            DueAt = t0,
        };
        var correction = first with
        {
            Id = Guid.NewGuid(),
            DeduplicationKey = "postmortem|2",
            Content = first.Content with { Body = "A bad deploy (corrected).", OccurredAt = t0.AddMinutes(1) },
            CreatedAt = t0.AddMinutes(1),
            State = NotificationState.Delivered,
        };

        Assert.Equal("a later text of the same postmortem replaces it", SupersedeRules.ForLaterRow(first, [correction]));
        Assert.Null(SupersedeRules.ForLaterRow(correction, [first]));
    }
}
