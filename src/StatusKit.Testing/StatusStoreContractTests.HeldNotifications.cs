using StatusKit.Notifications;

// The facts are public for xunit, not for callers; each fact's name is its specification, so facts carry no XML doc.
#pragma warning disable CS1591
namespace StatusKit.Testing;

public abstract partial class StatusStoreContractTests
{
    [Fact]
    public async Task RescheduleHeldNotifications_MovesThePendingUnleasedRowsOfTheKeysDueAtTheHeldTime_AndNoOther()
    {
        var page = await AddPageAsync();
        var heldUntil = TestData.At(60);
        var leased = await EnqueueAsync(TestData.Notification(page.Id, dueAt: heldUntil, coalesceKey: "k-leased", notAfter: heldUntil));
        Assert.Single(await Store.ClaimNotificationsAsync("dispatcher-1", heldUntil, heldUntil.AddMinutes(5), 10, None));
        var delivered = await EnqueueAsync(TestData.Notification(page.Id, dueAt: heldUntil, coalesceKey: "k-delivered", notAfter: heldUntil));
        await DeliverAsync(delivered, heldUntil);
        var held = await EnqueueAsync(TestData.Notification(page.Id, dueAt: heldUntil, coalesceKey: "k-held", notAfter: heldUntil));
        var heldLonger = await EnqueueAsync(TestData.Notification(page.Id, dueAt: heldUntil, coalesceKey: "k-longer", notAfter: TestData.At(122), createdAt: TestData.At(112)));
        var dueOtherwise = await EnqueueAsync(TestData.Notification(page.Id, dueAt: TestData.At(61), coalesceKey: "k-other-time", notAfter: heldUntil));
        var otherKey = await EnqueueAsync(TestData.Notification(page.Id, dueAt: heldUntil, coalesceKey: "k-unlisted", notAfter: heldUntil));
        string[] keys = ["k-leased", "k-delivered", "k-held", "k-longer", "k-other-time"];

        var moved = await Store.RescheduleHeldNotificationsAsync(keys, heldUntil, TestData.At(120), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), None);

        Assert.Equal(2, moved);
        Assert.Equal(held with { DueAt = TestData.At(120), NotAfter = TestData.At(120) }, await Store.GetNotificationAsync(held.Id, None));
        Assert.Equal(heldLonger with { DueAt = TestData.At(120) }, await Store.GetNotificationAsync(heldLonger.Id, None));
        Assert.Equal(dueOtherwise, await Store.GetNotificationAsync(dueOtherwise.Id, None));
        Assert.Equal(otherKey, await Store.GetNotificationAsync(otherKey.Id, None));
        Assert.Equal(heldUntil, (await Store.GetNotificationAsync(leased.Id, None))!.DueAt);
        Assert.Equal(NotificationState.Delivered, (await Store.GetNotificationAsync(delivered.Id, None))!.State);
    }

    [Fact]
    public async Task RescheduleHeldNotifications_Earlier_MovesTheNotAfterWithIt_AndTheRowIsClaimableThen()
    {
        var page = await AddPageAsync();
        var held = await EnqueueAsync(TestData.Notification(page.Id, dueAt: TestData.At(60), coalesceKey: "k-held", notAfter: TestData.At(60)));

        Assert.Equal(1, await Store.RescheduleHeldNotificationsAsync(["k-held"], TestData.At(60), TestData.At(20), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), None));
        Assert.Equal(0, await Store.RescheduleHeldNotificationsAsync(["k-held"], TestData.At(60), TestData.At(90), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), None)); // no longer held until then

        Assert.Equal(held with { DueAt = TestData.At(20), NotAfter = TestData.At(20) }, await Store.GetNotificationAsync(held.Id, None));
        Assert.Equal([held.Id], (await Store.ClaimNotificationsAsync("dispatcher-1", TestData.At(20), TestData.At(25), 10, None)).Select(n => n.Id));
    }

    [Fact]
    public async Task RescheduleHeldNotifications_NeverMakesARowDueBeforeItsCreationPlusTheDebounce_AndItsNotAfterIsItsCreationPlusTheMaxDelayOrTheNewTime()
    {
        var page = await AddPageAsync();
        var old = await EnqueueAsync(TestData.Notification(page.Id, dueAt: TestData.At(60), coalesceKey: "k-old", notAfter: TestData.At(60), createdAt: TestData.At(5)));
        var young = await EnqueueAsync(TestData.Notification(page.Id, dueAt: TestData.At(60), coalesceKey: "k-young", notAfter: TestData.At(60), createdAt: TestData.At(19.5)));
        var later = await EnqueueAsync(TestData.Notification(page.Id, dueAt: TestData.At(60), coalesceKey: "k-later", notAfter: TestData.At(29), createdAt: TestData.At(28)));
        var uncapped = await EnqueueAsync(TestData.Notification(page.Id, dueAt: TestData.At(60), coalesceKey: "k-uncapped", createdAt: TestData.At(19)));

        Assert.Equal(4, await Store.RescheduleHeldNotificationsAsync(
            ["k-old", "k-young", "k-later", "k-uncapped"], TestData.At(60), TestData.At(20), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), None));

        Assert.Equal(old with { DueAt = TestData.At(20), NotAfter = TestData.At(20) }, await Store.GetNotificationAsync(old.Id, None));
        Assert.Equal(young with { DueAt = TestData.At(21.5), NotAfter = TestData.At(29.5) }, await Store.GetNotificationAsync(young.Id, None));
        Assert.Equal(later with { DueAt = TestData.At(30), NotAfter = TestData.At(38) }, await Store.GetNotificationAsync(later.Id, None));
        Assert.Equal(uncapped with { DueAt = TestData.At(21) }, await Store.GetNotificationAsync(uncapped.Id, None));
        Assert.Equal([old.Id], (await Store.ClaimNotificationsAsync("dispatcher-1", TestData.At(20.9), TestData.At(25), 10, None)).Select(n => n.Id));
    }

    [Fact]
    public async Task RescheduleHeldNotifications_Earlier_AChangeMergedAfterwards_IsDueByTheNewNotAfter_NotByTheOldEnd()
    {
        var page = await AddPageAsync();
        var held = await EnqueueAsync(TestData.Notification(page.Id, dueAt: TestData.At(60), coalesceKey: "k-held", notAfter: TestData.At(60)));
        Assert.Equal(1, await Store.RescheduleHeldNotificationsAsync(["k-held"], TestData.At(60), TestData.At(8), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), None));

        // The component changes again before the row is sent: the change merges, due after the debounce but not past the
        // row's deadline, which now is its creation plus the maximum delay rather than the end it was held until.
        var change = ChangeAt(page.Id, "k-held", TestData.At(9.5), dueAt: TestData.At(11.5), notAfter: TestData.At(19.5));
        Assert.Equal(1, await Store.EnqueueNotificationsAsync([change], None));

        var row = await Store.GetNotificationAsync(held.Id, None);
        StoreAssert.SameInstant(TestData.At(10), row?.DueAt);
        StoreAssert.SameInstant(TestData.At(10), row?.NotAfter);
    }

    [Fact]
    public async Task RescheduleHeldNotifications_Earlier_CountsTheDebounceFromTheLatestChangeMergedIntoTheRow_AndItsNotAfterFollows()
    {
        var page = await AddPageAsync();
        var flapped = await EnqueueAsync(ChangeAt(page.Id, "k-flapped", TestData.At(12), dueAt: TestData.At(60), notAfter: TestData.At(60)));
        var flapping = await EnqueueAsync(ChangeAt(page.Id, "k-flapping", TestData.At(5), dueAt: TestData.At(60), notAfter: TestData.At(60)));
        Assert.Equal(2, await Store.EnqueueNotificationsAsync(
            [ChangeAt(page.Id, "k-flapped", TestData.At(19), dueAt: TestData.At(60), notAfter: TestData.At(60)),
             ChangeAt(page.Id, "k-flapping", TestData.At(19), dueAt: TestData.At(60), notAfter: TestData.At(60))],
            None));

        Assert.Equal(2, await Store.RescheduleHeldNotificationsAsync(
            ["k-flapped", "k-flapping"], TestData.At(60), TestData.At(20), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), None));

        // Two minutes after the change at 19, within the ten minutes after the first change at 12.
        var flappedRow = await Store.GetNotificationAsync(flapped.Id, None);
        StoreAssert.SameInstant(TestData.At(21), flappedRow?.DueAt);
        StoreAssert.SameInstant(TestData.At(22), flappedRow?.NotAfter);

        // Changing since 5: the debounce of its change at 19 is later than ten minutes after its first change.
        var flappingRow = await Store.GetNotificationAsync(flapping.Id, None);
        StoreAssert.SameInstant(TestData.At(21), flappingRow?.DueAt);
        StoreAssert.SameInstant(TestData.At(21), flappingRow?.NotAfter);
    }

    // A component change at `at` as the planner writes it: created then, its content saying it happened then.
    private static Notification ChangeAt(Guid pageId, string coalesceKey, DateTimeOffset at, DateTimeOffset dueAt, DateTimeOffset notAfter)
    {
        var notification = TestData.Notification(pageId, dueAt: dueAt, coalesceKey: coalesceKey, notAfter: notAfter, createdAt: at);
        return notification with { Content = notification.Content with { OccurredAt = at } };
    }

    [Fact]
    public async Task RescheduleHeldNotifications_KeysOfTenThousandSubscribersOnFourComponents_MovesTheirHeldRows()
    {
        var page = await AddPageAsync();
        var held = await EnqueueAsync(TestData.Notification(page.Id, dueAt: TestData.At(60), coalesceKey: "k-last", notAfter: TestData.At(60)));
        string[] keys = [.. Enumerable.Range(0, 40_000).Select(_ => $"component|{Guid.NewGuid():N}|{Guid.NewGuid():N}"), "k-last"];

        Assert.Equal(1, await Store.RescheduleHeldNotificationsAsync(keys, TestData.At(60), TestData.At(20), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), None));

        Assert.Equal(TestData.At(20), (await Store.GetNotificationAsync(held.Id, None))!.DueAt);
    }

    [Fact]
    public async Task RescheduleHeldNotifications_NoKeys_MovesNothing()
    {
        var page = await AddPageAsync();
        var held = await EnqueueAsync(TestData.Notification(page.Id, dueAt: TestData.At(60), coalesceKey: "k-held"));

        Assert.Equal(0, await Store.RescheduleHeldNotificationsAsync([], TestData.At(60), TestData.At(20), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), None));

        Assert.Equal(held, await Store.GetNotificationAsync(held.Id, None));
    }
}
