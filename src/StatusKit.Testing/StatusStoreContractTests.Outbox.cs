using StatusKit.Notifications;
using StatusKit.Status;

// The facts are public for xunit, not for callers; each fact's name is its specification, so facts carry no XML doc.
#pragma warning disable CS1591
namespace StatusKit.Testing;

public abstract partial class StatusStoreContractTests
{
    [Fact]
    public async Task EnqueueNotifications_ThenGet_ReturnsEveryField()
    {
        var page = await AddPageAsync();
        var notification = TestData.Notification(page.Id, coalesceKey: "sub:api", notAfter: TestData.At(2)) with
        {
            Content = TestData.Content("API down") with { OccurredAt = new DateTimeOffset(2026, 1, 5, 9, 0, 1, 999, TimeSpan.FromHours(5)) },
            DueAt = TestData.At(1),
        };

        Assert.Equal(1, await Store.EnqueueNotificationsAsync([notification], None));

        Assert.Equal(notification, await Store.GetNotificationAsync(notification.Id, None));
    }

    [Fact]
    public async Task EnqueueNotifications_ContentWithNullableFieldsNull_RoundTrips()
    {
        var page = await AddPageAsync();
        var notification = TestData.Notification(page.Id) with
        {
            Content = TestData.Content("Subscribed") with
            {
                Kind = NotificationKind.SubscriptionVerification,
                Event = default,
                ComponentId = null,
                ComponentName = null,
                OldStatus = null,
                NewStatus = null,
                StatusIncidentId = null,
                MaintenanceWindowId = null,
                OccurrenceStartsAt = null,
                OccurrenceEndsAt = null,
                PreviousOccurrenceStartsAt = null,
                PreviousOccurrenceEndsAt = null,
                NextOccurrenceStartsAt = null,
                NextOccurrenceEndsAt = null,
                Link = null,
            },
        };

        await EnqueueAsync(notification);

        Assert.Equal(notification, await Store.GetNotificationAsync(notification.Id, None));
    }

    [Fact]
    public async Task EnqueueNotifications_ContentsLanguage_RoundTrips_AndStaysNullForEnglish()
    {
        var page = await AddPageAsync();
        var german = TestData.Notification(page.Id) with { Content = TestData.Content("[Acme] Neue Störung: API") with { Language = "de" } };
        var english = TestData.Notification(page.Id);

        Assert.Equal(2, await Store.EnqueueNotificationsAsync([german, english], None));

        Assert.Equal("de", (await Store.GetNotificationAsync(german.Id, None))!.Content.Language);
        Assert.Null((await Store.GetNotificationAsync(english.Id, None))!.Content.Language);
    }

    [Fact]
    public async Task EnqueueNotifications_OfEveryKind_RoundTripTheirKind()
    {
        var page = await AddPageAsync();
        var rows = Enum.GetValues<NotificationKind>()
            .Select(kind => TestData.Notification(page.Id) with { Content = TestData.Content(kind.ToString()) with { Kind = kind } })
            .ToList();

        Assert.Equal(rows.Count, await Store.EnqueueNotificationsAsync(rows, None));

        foreach (var row in rows)
        {
            Assert.Equal(row.Content.Kind, (await Store.GetNotificationAsync(row.Id, None))!.Content.Kind);
        }
    }

    [Fact]
    public async Task EnqueueNotifications_ContentsAffectedComponents_RoundTripInTheirOrder()
    {
        var page = await AddPageAsync();
        var (database, api) = (Guid.NewGuid(), Guid.NewGuid());
        var notification = TestData.Notification(page.Id) with
        {
            Content = TestData.Content("Slow") with
            {
                Kind = NotificationKind.StatusIncidentUpdated,
                StatusIncidentId = Guid.NewGuid(),
                AffectedComponents = [new NotificationComponent(database, "Database"), new NotificationComponent(api, "API \"edge\" 😀")],
            },
        };

        await EnqueueAsync(notification);

        var stored = await Store.GetNotificationAsync(notification.Id, None);
        Assert.Equal(notification.Content.AffectedComponents, stored?.Content.AffectedComponents);
        StoreAssert.Same(notification, stored);
    }

    [Fact]
    public async Task GetNotification_Missing_ReturnsNull()
    {
        Assert.Null(await Store.GetNotificationAsync(Guid.NewGuid(), None));
    }

    [Fact]
    public async Task EnqueueNotifications_StoredDeduplicationKey_IsSkipped()
    {
        var page = await AddPageAsync();
        var first = await EnqueueAsync(TestData.Notification(page.Id, subject: "first"));
        var repeat = TestData.Notification(page.Id, subject: "repeat") with { DeduplicationKey = first.DeduplicationKey };
        var fresh = TestData.Notification(page.Id);

        var count = await Store.EnqueueNotificationsAsync([repeat, fresh], None);

        Assert.Equal(1, count);
        Assert.Null(await Store.GetNotificationAsync(repeat.Id, None));
        Assert.Equal(first, await Store.GetNotificationAsync(first.Id, None));
        Assert.Equal(fresh, await Store.GetNotificationAsync(fresh.Id, None));
    }

    [Fact]
    public async Task EnqueueNotifications_DeduplicationKeyOfACompletedRow_IsStillSkipped()
    {
        var page = await AddPageAsync();
        var first = await EnqueueAsync(TestData.Notification(page.Id));
        await DeliverAsync(first, TestData.At(1));

        var count = await Store.EnqueueNotificationsAsync(
            [TestData.Notification(page.Id) with { DeduplicationKey = first.DeduplicationKey }],
            None);

        Assert.Equal(0, count);
        Assert.Single(await Store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id }, None));
    }

    [Fact]
    public async Task EnqueueNotifications_RepeatedDeduplicationKeyWithinOneBatch_KeepsTheFirst()
    {
        var page = await AddPageAsync();
        var first = TestData.Notification(page.Id, subject: "first");
        var second = TestData.Notification(page.Id, subject: "second") with { DeduplicationKey = first.DeduplicationKey };

        var count = await Store.EnqueueNotificationsAsync([first, second], None);

        Assert.Equal(1, count);
        Assert.Equal(first, await Store.GetNotificationAsync(first.Id, None));
        Assert.Null(await Store.GetNotificationAsync(second.Id, None));
    }

    [Fact]
    public async Task EnqueueNotifications_CoalesceKeyOfPendingRow_MergesIntoIt_KeepingIdCreationAndNotAfter()
    {
        var page = await AddPageAsync();
        var subscriberId = Guid.NewGuid();
        var pending = await EnqueueAsync(TestData.Notification(
            page.Id, subscriberId, dueAt: TestData.At(2), coalesceKey: "sub:api", notAfter: TestData.At(10), subject: "degraded"));
        var newer = TestData.Notification(
            page.Id, subscriberId, dueAt: TestData.At(4), coalesceKey: "sub:api", notAfter: TestData.At(14), createdAt: TestData.At(2), subject: "outage");

        Assert.Equal(1, await Store.EnqueueNotificationsAsync([newer], None));

        var rows = await Store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id }, None);
        var row = Assert.Single(rows);
        // The later change's content, told from the status the queued row started from (what the subscriber last heard).
        var content = newer.Content with { OldStatus = pending.Content.OldStatus, Body = "API changed from Operational to Major Outage." };
        Assert.Equal(
            pending with { Content = content, DeduplicationKey = newer.DeduplicationKey, DueAt = TestData.At(4) },
            row);
        Assert.Null(await Store.GetNotificationAsync(newer.Id, None));
    }

    [Fact]
    public async Task EnqueueNotifications_CoalesceMergeOfAComponentChange_KeepsTheQueuedRowsOldStatus()
    {
        var page = await AddPageAsync();
        var subscriberId = Guid.NewGuid();
        var pending = await EnqueueAsync(TestData.Notification(page.Id, subscriberId, coalesceKey: "sub:api", notAfter: TestData.At(10)));
        var later = TestData.Notification(page.Id, subscriberId, dueAt: TestData.At(3), coalesceKey: "sub:api", createdAt: TestData.At(1));
        later = later with { Content = later.Content with { OldStatus = ComponentStatus.MajorOutage, NewStatus = ComponentStatus.PartialOutage } };

        await Store.EnqueueNotificationsAsync([later], None);

        var row = await Store.GetNotificationAsync(pending.Id, None);
        Assert.Equal(ComponentStatus.Operational, row?.Content.OldStatus);
        Assert.Equal(ComponentStatus.PartialOutage, row?.Content.NewStatus);
        Assert.Equal("API changed from Operational to Partial Outage.", row?.Content.Body);
    }

    [Fact]
    public async Task EnqueueNotifications_CoalesceMergeOfAPostmortemCorrection_IntoTheFirstPublicationsRow_KeepsItsWording()
    {
        var page = await AddPageAsync();
        var subscriberId = Guid.NewGuid();
        var pending = await EnqueueAsync(PostmortemRow(page.Id, subscriberId, "[Acme] Postmortem: API errors", "Cause.", updated: false, TestData.At(0)));
        var correction = PostmortemRow(page.Id, subscriberId, "[Acme] Postmortem updated: API errors", "Cause, corrected.", updated: true, TestData.At(1));

        Assert.Equal(1, await Store.EnqueueNotificationsAsync([correction], None));

        // The corrected text, worded as the publication the subscriber has not been told of yet.
        var row = await Store.GetNotificationAsync(pending.Id, None);
        Assert.Equal(
            ("[Acme] Postmortem: API errors", "Cause, corrected.", false, TestData.At(1)),
            (row?.Content.Subject, row?.Content.Body, row?.Content.PostmortemUpdated, row?.Content.OccurredAt));
        Assert.Equal(correction.DeduplicationKey, row?.DeduplicationKey);
    }

    [Fact]
    public async Task EnqueueNotifications_CoalesceMergeOfAPostmortemCorrection_IntoACorrectionsRow_StaysAnUpdate()
    {
        var page = await AddPageAsync();
        var subscriberId = Guid.NewGuid();
        var pending = await EnqueueAsync(PostmortemRow(page.Id, subscriberId, "[Acme] Postmortem updated: API errors", "Cause, corrected.", updated: true, TestData.At(0)));

        await Store.EnqueueNotificationsAsync(
            [PostmortemRow(page.Id, subscriberId, "[Acme] Postmortem updated: API errors", "Cause, corrected twice.", updated: true, TestData.At(1))], None);

        var row = await Store.GetNotificationAsync(pending.Id, None);
        Assert.Equal(
            ("[Acme] Postmortem updated: API errors", "Cause, corrected twice.", true),
            (row?.Content.Subject, row?.Content.Body, row?.Content.PostmortemUpdated));
    }

    [Fact]
    public async Task EnqueueNotifications_CoalesceMerge_NeverPushesDueTimePastNotAfter()
    {
        var page = await AddPageAsync();
        var pending = await EnqueueAsync(TestData.Notification(page.Id, dueAt: TestData.At(2), coalesceKey: "sub:api", notAfter: TestData.At(5)));

        await Store.EnqueueNotificationsAsync([TestData.Notification(page.Id, dueAt: TestData.At(4), coalesceKey: "sub:api")], None);
        await Store.EnqueueNotificationsAsync([TestData.Notification(page.Id, dueAt: TestData.At(7), coalesceKey: "sub:api", subject: "last")], None);

        var row = await Store.GetNotificationAsync(pending.Id, None);
        Assert.Equal("last", row?.Content.Subject);
        StoreAssert.SameInstant(TestData.At(5), row?.DueAt);
        StoreAssert.SameInstant(TestData.At(5), row?.NotAfter);
    }

    [Fact]
    public async Task EnqueueNotifications_CoalesceKeyRepeatedWithinOneBatch_MergesIntoOneRow()
    {
        var page = await AddPageAsync();
        var first = TestData.Notification(page.Id, dueAt: TestData.At(2), coalesceKey: "sub:api", subject: "first");
        var second = TestData.Notification(page.Id, dueAt: TestData.At(3), coalesceKey: "sub:api", subject: "second");

        Assert.Equal(2, await Store.EnqueueNotificationsAsync([first, second], None));

        var row = Assert.Single(await Store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id }, None));
        Assert.Equal(first.Id, row.Id);
        Assert.Equal("second", row.Content.Subject);
    }

    [Fact]
    public async Task EnqueueNotifications_CoalesceKeyOfALeasedRow_InsertsBesideIt()
    {
        var page = await AddPageAsync();
        var leased = await EnqueueAsync(TestData.Notification(page.Id, coalesceKey: "sub:api", subject: "sending"));
        await Store.ClaimNotificationsAsync("dispatcher-1", TestData.At(1), TestData.At(6), 10, None);
        var newer = TestData.Notification(page.Id, dueAt: TestData.At(3), coalesceKey: "sub:api", subject: "newer");

        Assert.Equal(1, await Store.EnqueueNotificationsAsync([newer], None));

        Assert.Equal("sending", (await Store.GetNotificationAsync(leased.Id, None))?.Content.Subject);
        Assert.Equal(newer, await Store.GetNotificationAsync(newer.Id, None));
    }

    [Fact]
    public async Task EnqueueNotifications_CoalesceKeyOfADeliveredRow_InsertsANewRow()
    {
        var page = await AddPageAsync();
        var delivered = await EnqueueAsync(TestData.Notification(page.Id, coalesceKey: "sub:api", subject: "sent"));
        await DeliverAsync(delivered, TestData.At(1));
        var newer = TestData.Notification(page.Id, dueAt: TestData.At(3), coalesceKey: "sub:api", subject: "newer");

        Assert.Equal(1, await Store.EnqueueNotificationsAsync([newer], None));

        Assert.Equal("sent", (await Store.GetNotificationAsync(delivered.Id, None))?.Content.Subject);
        Assert.Equal(newer, await Store.GetNotificationAsync(newer.Id, None));
    }

    [Fact]
    public async Task ClaimNotifications_ClaimsDuePendingRowsOldestDueFirst_UpToMaxCount_AndSetsTheLease()
    {
        var page = await AddPageAsync();
        var third = await EnqueueAsync(TestData.Notification(page.Id, dueAt: TestData.At(3)));
        var first = await EnqueueAsync(TestData.Notification(page.Id, dueAt: TestData.At(1)));
        var notDue = await EnqueueAsync(TestData.Notification(page.Id, dueAt: TestData.At(11)));
        var second = await EnqueueAsync(TestData.Notification(page.Id, dueAt: TestData.At(2)));

        var claimed = await Store.ClaimNotificationsAsync("dispatcher-1", TestData.At(10), TestData.At(15), 2, None);

        Assert.Equal([first.Id, second.Id], claimed.Select(n => n.Id));
        Assert.Equal(first with { LeaseOwner = "dispatcher-1", LeaseExpiresAt = TestData.At(15) }, claimed[0]);
        Assert.Equal(claimed[0], await Store.GetNotificationAsync(first.Id, None));
        var rest = await Store.ClaimNotificationsAsync("dispatcher-2", TestData.At(10), TestData.At(15), 10, None);
        Assert.Equal([third.Id], rest.Select(n => n.Id));
        Assert.Null((await Store.GetNotificationAsync(notDue.Id, None))?.LeaseOwner);
    }

    [Fact]
    public async Task ClaimNotifications_RowDueExactlyNow_IsClaimed()
    {
        var page = await AddPageAsync();
        var row = await EnqueueAsync(TestData.Notification(page.Id, dueAt: TestData.At(5)));

        var claimed = await Store.ClaimNotificationsAsync("dispatcher-1", TestData.At(5), TestData.At(6), 10, None);

        Assert.Equal([row.Id], claimed.Select(n => n.Id));
    }

    [Fact]
    public async Task ClaimNotifications_LeasedRow_IsNotClaimedAgainUntilTheLeaseExpires()
    {
        var page = await AddPageAsync();
        var row = await EnqueueAsync(TestData.Notification(page.Id, dueAt: TestData.At(0)));
        await Store.ClaimNotificationsAsync("dispatcher-1", TestData.At(1), TestData.At(6), 10, None);

        var whileLeased = await Store.ClaimNotificationsAsync("dispatcher-2", TestData.At(5), TestData.At(10), 10, None);
        var afterExpiry = await Store.ClaimNotificationsAsync("dispatcher-2", TestData.At(7), TestData.At(12), 10, None);

        Assert.Empty(whileLeased);
        Assert.Equal([row.Id], afterExpiry.Select(n => n.Id));
        var stored = await Store.GetNotificationAsync(row.Id, None);
        Assert.Equal("dispatcher-2", stored?.LeaseOwner);
        StoreAssert.SameInstant(TestData.At(12), stored?.LeaseExpiresAt);
    }

    [Fact]
    public async Task ClaimNotifications_SubscriberWithALiveLease_GetsNoMoreRowsClaimedUntilItsLeasedRowIsCompleted()
    {
        var page = await AddPageAsync();
        var busy = Guid.NewGuid();
        var firstOfBusy = await EnqueueAsync(TestData.Notification(page.Id, busy, dueAt: TestData.At(0)));
        var secondOfBusy = await EnqueueAsync(TestData.Notification(page.Id, busy, dueAt: TestData.At(1)));
        var other = await EnqueueAsync(TestData.Notification(page.Id, dueAt: TestData.At(2)));
        Assert.Equal([firstOfBusy.Id], (await Store.ClaimNotificationsAsync("dispatcher-1", TestData.At(3), TestData.At(8), 1, None)).Select(n => n.Id));

        var whileLeased = await Store.ClaimNotificationsAsync("dispatcher-2", TestData.At(4), TestData.At(9), 10, None);
        Assert.True(await Store.CompleteNotificationAsync(
            new NotificationOutcome(firstOfBusy.Id, "dispatcher-1", NotificationState.Delivered, TestData.At(5), 1), None));
        var afterCompletion = await Store.ClaimNotificationsAsync("dispatcher-2", TestData.At(5), TestData.At(10), 10, None);

        Assert.Equal([other.Id], whileLeased.Select(n => n.Id));
        Assert.Equal([secondOfBusy.Id], afterCompletion.Select(n => n.Id));
    }

    [Fact]
    public async Task ClaimNotifications_OwnerOfALiveLease_ClaimsMoreRowsOfThatSubscriber()
    {
        var page = await AddPageAsync();
        var subscriber = Guid.NewGuid();
        await EnqueueAsync(TestData.Notification(page.Id, subscriber, dueAt: TestData.At(0)));
        var next = await EnqueueAsync(TestData.Notification(page.Id, subscriber, dueAt: TestData.At(1)));
        await Store.ClaimNotificationsAsync("dispatcher-1", TestData.At(2), TestData.At(8), 1, None);

        var again = await Store.ClaimNotificationsAsync("dispatcher-1", TestData.At(3), TestData.At(9), 10, None);

        Assert.Equal([next.Id], again.Select(n => n.Id));
    }

    [Fact]
    public async Task ClaimNotifications_SubscriberWhoseLeaseExpired_HasAllItsDueRowsClaimable()
    {
        var page = await AddPageAsync();
        var subscriber = Guid.NewGuid();
        var leased = await EnqueueAsync(TestData.Notification(page.Id, subscriber, dueAt: TestData.At(0)));
        var waiting = await EnqueueAsync(TestData.Notification(page.Id, subscriber, dueAt: TestData.At(1)));
        await Store.ClaimNotificationsAsync("dispatcher-1", TestData.At(2), TestData.At(6), 1, None);

        var atExpiry = await Store.ClaimNotificationsAsync("dispatcher-2", TestData.At(6), TestData.At(11), 10, None);

        Assert.Equal([leased.Id, waiting.Id], atExpiry.Select(n => n.Id));
    }

    [Fact]
    public async Task ClaimNotifications_ConcurrentClaimers_NeverHoldRowsOfOneSubscriberAtOnce()
    {
        var page = await AddPageAsync();
        var subscribers = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToArray();
        var rows = Enumerable.Range(0, 100)
            .Select(i => TestData.Notification(page.Id, subscribers[i % subscribers.Length], dueAt: TestData.At(i % 7)))
            .ToArray();
        Assert.Equal(100, await Store.EnqueueNotificationsAsync(rows, None));

        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(worker => Task.Run(async () =>
            await Store.ClaimNotificationsAsync($"dispatcher-{worker}", TestData.At(10), TestData.At(20), 3, None))));

        var holders = claims.SelectMany(batch => batch).GroupBy(n => n.SubscriberId).ToArray();
        Assert.NotEmpty(holders);
        Assert.All(holders, subscriber => Assert.Single(subscriber.Select(n => n.LeaseOwner).Distinct()));
    }

    [Fact]
    public async Task ClaimNotifications_CompletedRows_AreNeverClaimed()
    {
        var page = await AddPageAsync();
        var row = await EnqueueAsync(TestData.Notification(page.Id));
        await DeliverAsync(row, TestData.At(1));

        Assert.Empty(await Store.ClaimNotificationsAsync("dispatcher-2", TestData.At(60), TestData.At(61), 10, None));
    }

    [Fact]
    public async Task ClaimNotifications_ConcurrentClaimers_ClaimEveryRowExactlyOnce()
    {
        var page = await AddPageAsync();
        var rows = Enumerable.Range(0, 200)
            .Select(i => TestData.Notification(page.Id, dueAt: TestData.At(i % 7)))
            .ToArray();
        Assert.Equal(200, await Store.EnqueueNotificationsAsync(rows, None));

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            var mine = new List<Guid>();
            for (var attempt = 0; attempt < 100; attempt++)
            {
                var batch = await Store.ClaimNotificationsAsync($"dispatcher-{worker}", TestData.At(10), TestData.At(20), 7, None);
                if (batch.Count == 0)
                {
                    return mine;
                }

                Assert.All(batch, n => Assert.Equal($"dispatcher-{worker}", n.LeaseOwner));
                mine.AddRange(batch.Select(n => n.Id));
            }

            return mine;
        })));

        var all = claims.SelectMany(c => c).ToArray();
        Assert.Equal(200, all.Length);
        StoreAssert.SameIds(rows.Select(r => r.Id), all);
    }

    [Fact]
    public async Task ClaimNotifications_MaxCountBelowOne_ThrowsArgumentOutOfRange()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => Store.ClaimNotificationsAsync("dispatcher-1", TestData.At(0), TestData.At(1), 0, None));
    }

    [Fact]
    public async Task CompleteNotification_DeliveredByTheLeaseOwner_RecordsTheOutcomeAndClearsTheLease()
    {
        var page = await AddPageAsync();
        var row = await EnqueueAsync(TestData.Notification(page.Id));
        await Store.ClaimNotificationsAsync("dispatcher-1", TestData.At(1), TestData.At(6), 10, None);

        var completed = await Store.CompleteNotificationAsync(
            new NotificationOutcome(row.Id, "dispatcher-1", NotificationState.Delivered, TestData.At(2), 1),
            None);

        Assert.True(completed);
        Assert.Equal(
            row with { State = NotificationState.Delivered, Attempts = 1, CompletedAt = TestData.At(2) },
            await Store.GetNotificationAsync(row.Id, None));
    }

    [Fact]
    public async Task CompleteNotification_Retry_KeepsItPendingUntilTheNextAttempt()
    {
        var page = await AddPageAsync();
        var row = await EnqueueAsync(TestData.Notification(page.Id));
        await Store.ClaimNotificationsAsync("dispatcher-1", TestData.At(1), TestData.At(6), 10, None);

        Assert.True(await Store.CompleteNotificationAsync(
            new NotificationOutcome(row.Id, "dispatcher-1", NotificationState.Pending, TestData.At(2), 1, "HTTP 503", TestData.At(4)),
            None));

        Assert.Equal(
            row with { Attempts = 1, LastError = "HTTP 503", DueAt = TestData.At(4) },
            await Store.GetNotificationAsync(row.Id, None));
        Assert.Empty(await Store.ClaimNotificationsAsync("dispatcher-2", TestData.At(3), TestData.At(8), 10, None));
        Assert.Equal([row.Id], (await Store.ClaimNotificationsAsync("dispatcher-2", TestData.At(4), TestData.At(9), 10, None)).Select(n => n.Id));
    }

    [Fact]
    public async Task CompleteNotification_ByAnotherDispatcher_ReturnsFalse_AndChangesNothing()
    {
        var page = await AddPageAsync();
        var row = await EnqueueAsync(TestData.Notification(page.Id));
        var claimed = (await Store.ClaimNotificationsAsync("dispatcher-1", TestData.At(1), TestData.At(6), 10, None)).Single();

        var completed = await Store.CompleteNotificationAsync(
            new NotificationOutcome(row.Id, "dispatcher-2", NotificationState.Delivered, TestData.At(2), 1),
            None);

        Assert.False(completed);
        Assert.Equal(claimed, await Store.GetNotificationAsync(row.Id, None));
    }

    [Fact]
    public async Task CompleteNotification_AfterTheLeaseWasTakenOver_ReturnsFalseForTheFormerOwner()
    {
        var page = await AddPageAsync();
        var row = await EnqueueAsync(TestData.Notification(page.Id));
        await Store.ClaimNotificationsAsync("dispatcher-1", TestData.At(1), TestData.At(2), 10, None);
        await Store.ClaimNotificationsAsync("dispatcher-2", TestData.At(3), TestData.At(8), 10, None);

        var former = await Store.CompleteNotificationAsync(
            new NotificationOutcome(row.Id, "dispatcher-1", NotificationState.Delivered, TestData.At(4), 1),
            None);
        var current = await Store.CompleteNotificationAsync(
            new NotificationOutcome(row.Id, "dispatcher-2", NotificationState.Delivered, TestData.At(5), 1),
            None);

        Assert.False(former);
        Assert.True(current);
        StoreAssert.SameInstant(TestData.At(5), (await Store.GetNotificationAsync(row.Id, None))?.CompletedAt);
    }

    [Fact]
    public async Task CompleteNotification_UnclaimedOrMissingRow_ReturnsFalse()
    {
        var page = await AddPageAsync();
        var row = await EnqueueAsync(TestData.Notification(page.Id));

        Assert.False(await Store.CompleteNotificationAsync(
            new NotificationOutcome(row.Id, "dispatcher-1", NotificationState.Delivered, TestData.At(1), 1), None));
        Assert.False(await Store.CompleteNotificationAsync(
            new NotificationOutcome(Guid.NewGuid(), "dispatcher-1", NotificationState.Delivered, TestData.At(1), 1), None));
        Assert.Equal(row, await Store.GetNotificationAsync(row.Id, None));
    }

    [Fact]
    public async Task CompleteNotification_DeadLettered_StaysListedAndIsNeverClaimedAgain()
    {
        var page = await AddPageAsync();
        var row = await EnqueueAsync(TestData.Notification(page.Id));
        await Store.ClaimNotificationsAsync("dispatcher-1", TestData.At(1), TestData.At(6), 10, None);

        Assert.True(await Store.CompleteNotificationAsync(
            new NotificationOutcome(row.Id, "dispatcher-1", NotificationState.DeadLettered, TestData.At(2), 8, "HTTP 410"),
            None));

        var deadLetters = await Store.ListNotificationsAsync(new NotificationQuery { State = NotificationState.DeadLettered }, None);
        Assert.Equal(
            [row with { State = NotificationState.DeadLettered, Attempts = 8, LastError = "HTTP 410", CompletedAt = TestData.At(2) }],
            deadLetters);
        Assert.Empty(await Store.ClaimNotificationsAsync("dispatcher-1", TestData.At(100), TestData.At(101), 10, None));
    }

    [Fact]
    public async Task ReleaseNotification_ByTheOwner_ClearsTheLease_SoAnotherDispatcherCanClaimItAtOnce()
    {
        var page = await AddPageAsync();
        var row = await EnqueueAsync(TestData.Notification(page.Id));
        await Store.ClaimNotificationsAsync("dispatcher-1", TestData.At(1), TestData.At(6), 10, None);

        Assert.True(await Store.ReleaseNotificationAsync(row.Id, "dispatcher-1", None));

        Assert.Equal(row, await Store.GetNotificationAsync(row.Id, None));
        Assert.Equal([row.Id], (await Store.ClaimNotificationsAsync("dispatcher-2", TestData.At(2), TestData.At(7), 10, None)).Select(n => n.Id));
    }

    [Fact]
    public async Task ReleaseNotification_ByAnotherDispatcher_ReturnsFalse_AndKeepsTheLease()
    {
        var page = await AddPageAsync();
        var row = await EnqueueAsync(TestData.Notification(page.Id));
        var claimed = (await Store.ClaimNotificationsAsync("dispatcher-1", TestData.At(1), TestData.At(6), 10, None)).Single();

        Assert.False(await Store.ReleaseNotificationAsync(row.Id, "dispatcher-2", None));
        Assert.False(await Store.ReleaseNotificationAsync(Guid.NewGuid(), "dispatcher-1", None));

        Assert.Equal(claimed, await Store.GetNotificationAsync(row.Id, None));
    }

    [Fact]
    public async Task GetLastDeliveredNotification_ReturnsTheMostRecentlyDeliveredRowOfTheCoalesceKey()
    {
        var page = await AddPageAsync();
        var older = await EnqueueAsync(TestData.Notification(page.Id, coalesceKey: "sub:api", subject: "older", createdAt: TestData.At(5)));
        await DeliverAsync(older, TestData.At(6));
        var newer = await EnqueueAsync(TestData.Notification(page.Id, dueAt: TestData.At(7), coalesceKey: "sub:api", subject: "newer", createdAt: TestData.At(1)));
        await DeliverAsync(newer, TestData.At(8));
        await EnqueueAsync(TestData.Notification(page.Id, dueAt: TestData.At(9), coalesceKey: "sub:api", subject: "pending"));
        var otherKey = await EnqueueAsync(TestData.Notification(page.Id, dueAt: TestData.At(9), coalesceKey: "sub:web"));
        await DeliverAsync(otherKey, TestData.At(12));

        var last = await Store.GetLastDeliveredNotificationAsync("sub:api", None);

        Assert.Equal(newer.Id, last?.Id);
        Assert.Null(await Store.GetLastDeliveredNotificationAsync("sub:none", None));
    }

    [Fact]
    public async Task CountPendingNotifications_CountsEveryPendingRow_DueOrNot_LeasedOrNot_AndNoneDeliveredOrDeadLettered()
    {
        var page = await AddPageAsync();
        Assert.Equal(0, await Store.CountPendingNotificationsAsync(None));
        var delivered = await EnqueueAsync(TestData.Notification(page.Id));
        await DeliverAsync(delivered, TestData.At(1));
        var deadLettered = await EnqueueAsync(TestData.Notification(page.Id, dueAt: TestData.At(2)));
        await Store.ClaimNotificationsAsync("dispatcher-1", TestData.At(2), TestData.At(7), 10, None);
        await Store.CompleteNotificationAsync(
            new NotificationOutcome(deadLettered.Id, "dispatcher-1", NotificationState.DeadLettered, TestData.At(3), 8, "HTTP 410"), None);
        await EnqueueAsync(TestData.Notification(page.Id, dueAt: TestData.At(4)));
        await EnqueueAsync(TestData.Notification(page.Id, dueAt: TestData.At(5)));
        await EnqueueAsync(TestData.Notification(page.Id, dueAt: TestData.At(500)));
        await Store.ClaimNotificationsAsync("dispatcher-2", TestData.At(4), TestData.At(9), 1, None);

        Assert.Equal(3, await Store.CountPendingNotificationsAsync(None));
    }

    [Fact]
    public async Task CountDeliveredNotifications_CountsTheSubscribersRowsDeliveredAtOrAfterSince()
    {
        var page = await AddPageAsync();
        var subscriberId = Guid.NewGuid();
        var early = await EnqueueAsync(TestData.Notification(page.Id, subscriberId));
        await DeliverAsync(early, TestData.At(1));
        var atSince = await EnqueueAsync(TestData.Notification(page.Id, subscriberId, dueAt: TestData.At(2)));
        await DeliverAsync(atSince, TestData.At(5));
        var late = await EnqueueAsync(TestData.Notification(page.Id, subscriberId, dueAt: TestData.At(6)));
        await DeliverAsync(late, TestData.At(7));
        await EnqueueAsync(TestData.Notification(page.Id, subscriberId, dueAt: TestData.At(8)));
        var someoneElse = await EnqueueAsync(TestData.Notification(page.Id, dueAt: TestData.At(8)));
        await DeliverAsync(someoneElse, TestData.At(9));

        Assert.Equal(2, await Store.CountDeliveredNotificationsAsync(subscriberId, TestData.At(5), None));
        Assert.Equal(3, await Store.CountDeliveredNotificationsAsync(subscriberId, TestData.At(0), None));
        Assert.Equal(0, await Store.CountDeliveredNotificationsAsync(subscriberId, TestData.At(8), None));
    }

    [Fact]
    public async Task ListNotifications_ReturnsNewestFirst_FilteredByPageSubscriberAndState_AndLimitedByTake()
    {
        var page = await AddPageAsync();
        var other = await AddPageAsync();
        var subscriberId = Guid.NewGuid();
        var oldest = await EnqueueAsync(TestData.Notification(page.Id, subscriberId, createdAt: TestData.At(1)));
        var newest = await EnqueueAsync(TestData.Notification(page.Id, subscriberId, createdAt: TestData.At(3)));
        var middle = await EnqueueAsync(TestData.Notification(page.Id, createdAt: TestData.At(2)));
        var elsewhere = await EnqueueAsync(TestData.Notification(other.Id, subscriberId, createdAt: TestData.At(4)));
        await DeliverAsync(oldest, TestData.At(5));

        async Task<IEnumerable<Guid>> Ids(NotificationQuery query) =>
            (await Store.ListNotificationsAsync(query, None)).Select(n => n.Id);

        Assert.Equal([elsewhere.Id, newest.Id, middle.Id, oldest.Id], await Ids(new NotificationQuery()));
        Assert.Equal([newest.Id, middle.Id, oldest.Id], await Ids(new NotificationQuery { PageId = page.Id }));
        Assert.Equal([elsewhere.Id, newest.Id, oldest.Id], await Ids(new NotificationQuery { SubscriberId = subscriberId }));
        Assert.Equal([oldest.Id], await Ids(new NotificationQuery { State = NotificationState.Delivered }));
        Assert.Equal([newest.Id], await Ids(new NotificationQuery { PageId = page.Id, SubscriberId = subscriberId, State = NotificationState.Pending }));
        Assert.Equal([elsewhere.Id, newest.Id], await Ids(new NotificationQuery { Take = 2 }));
    }

    [Fact]
    public async Task ListNotifications_TakeBelowOne_ThrowsArgumentOutOfRange()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => Store.ListNotificationsAsync(new NotificationQuery { Take = 0 }, None));
    }

    private static Notification PostmortemRow(Guid pageId, Guid subscriberId, string subject, string body, bool updated, DateTimeOffset at) =>
        TestData.Notification(pageId, subscriberId, coalesceKey: $"postmortem|incident|{subscriberId:N}", createdAt: at) with
        {
            Content = new NotificationContent
            {
                Kind = NotificationKind.StatusIncidentPostmortem,
                Subject = subject,
                Body = body,
                PageName = "Acme",
                PageSlug = "acme",
                StatusIncidentId = Guid.Empty,
                PostmortemUpdated = updated,
                OccurredAt = at,
            },
            DueAt = at,
        };
}
