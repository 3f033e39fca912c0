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
        var heldLonger = await EnqueueAsync(TestData.Notification(page.Id, dueAt: heldUntil, coalesceKey: "k-longer", notAfter: TestData.At(200)));
        var dueOtherwise = await EnqueueAsync(TestData.Notification(page.Id, dueAt: TestData.At(61), coalesceKey: "k-other-time", notAfter: heldUntil));
        var otherKey = await EnqueueAsync(TestData.Notification(page.Id, dueAt: heldUntil, coalesceKey: "k-unlisted", notAfter: heldUntil));
        string[] keys = ["k-leased", "k-delivered", "k-held", "k-longer", "k-other-time"];

        var moved = await Store.RescheduleHeldNotificationsAsync(keys, heldUntil, TestData.At(120), TimeSpan.FromMinutes(2), None);

        Assert.Equal(2, moved);
        Assert.Equal(held with { DueAt = TestData.At(120), NotAfter = TestData.At(120) }, await Store.GetNotificationAsync(held.Id, None));
        Assert.Equal(heldLonger with { DueAt = TestData.At(120) }, await Store.GetNotificationAsync(heldLonger.Id, None));
        Assert.Equal(dueOtherwise, await Store.GetNotificationAsync(dueOtherwise.Id, None));
        Assert.Equal(otherKey, await Store.GetNotificationAsync(otherKey.Id, None));
        Assert.Equal(heldUntil, (await Store.GetNotificationAsync(leased.Id, None))!.DueAt);
        Assert.Equal(NotificationState.Delivered, (await Store.GetNotificationAsync(delivered.Id, None))!.State);
    }

    [Fact]
    public async Task RescheduleHeldNotifications_Earlier_KeepsTheLaterNotAfter_AndTheRowIsClaimableThen()
    {
        var page = await AddPageAsync();
        var held = await EnqueueAsync(TestData.Notification(page.Id, dueAt: TestData.At(60), coalesceKey: "k-held", notAfter: TestData.At(60)));

        Assert.Equal(1, await Store.RescheduleHeldNotificationsAsync(["k-held"], TestData.At(60), TestData.At(20), TimeSpan.FromMinutes(2), None));
        Assert.Equal(0, await Store.RescheduleHeldNotificationsAsync(["k-held"], TestData.At(60), TestData.At(90), TimeSpan.FromMinutes(2), None)); // no longer held until then

        Assert.Equal(held with { DueAt = TestData.At(20) }, await Store.GetNotificationAsync(held.Id, None));
        Assert.Equal([held.Id], (await Store.ClaimNotificationsAsync("dispatcher-1", TestData.At(20), TestData.At(25), 10, None)).Select(n => n.Id));
    }

    [Fact]
    public async Task RescheduleHeldNotifications_Earlier_NeverMakesARowDueBeforeItsCreationPlusTheDebounce()
    {
        var page = await AddPageAsync();
        var old = await EnqueueAsync(TestData.Notification(page.Id, dueAt: TestData.At(60), coalesceKey: "k-old", notAfter: TestData.At(60), createdAt: TestData.At(5)));
        var young = await EnqueueAsync(TestData.Notification(page.Id, dueAt: TestData.At(60), coalesceKey: "k-young", notAfter: TestData.At(60), createdAt: TestData.At(19.5)));
        var later = await EnqueueAsync(TestData.Notification(page.Id, dueAt: TestData.At(60), coalesceKey: "k-later", notAfter: TestData.At(29), createdAt: TestData.At(28)));

        Assert.Equal(3, await Store.RescheduleHeldNotificationsAsync(["k-old", "k-young", "k-later"], TestData.At(60), TestData.At(20), TimeSpan.FromMinutes(2), None));

        Assert.Equal(old with { DueAt = TestData.At(20) }, await Store.GetNotificationAsync(old.Id, None));
        Assert.Equal(young with { DueAt = TestData.At(21.5) }, await Store.GetNotificationAsync(young.Id, None));
        Assert.Equal(later with { DueAt = TestData.At(30), NotAfter = TestData.At(30) }, await Store.GetNotificationAsync(later.Id, None));
        Assert.Equal([old.Id], (await Store.ClaimNotificationsAsync("dispatcher-1", TestData.At(21.4), TestData.At(25), 10, None)).Select(n => n.Id));
    }

    [Fact]
    public async Task RescheduleHeldNotifications_KeysOfTenThousandSubscribersOnFourComponents_MovesTheirHeldRows()
    {
        var page = await AddPageAsync();
        var held = await EnqueueAsync(TestData.Notification(page.Id, dueAt: TestData.At(60), coalesceKey: "k-last", notAfter: TestData.At(60)));
        string[] keys = [.. Enumerable.Range(0, 40_000).Select(_ => $"component|{Guid.NewGuid():N}|{Guid.NewGuid():N}"), "k-last"];

        Assert.Equal(1, await Store.RescheduleHeldNotificationsAsync(keys, TestData.At(60), TestData.At(20), TimeSpan.FromMinutes(2), None));

        Assert.Equal(TestData.At(20), (await Store.GetNotificationAsync(held.Id, None))!.DueAt);
    }

    [Fact]
    public async Task RescheduleHeldNotifications_NoKeys_MovesNothing()
    {
        var page = await AddPageAsync();
        var held = await EnqueueAsync(TestData.Notification(page.Id, dueAt: TestData.At(60), coalesceKey: "k-held"));

        Assert.Equal(0, await Store.RescheduleHeldNotificationsAsync([], TestData.At(60), TestData.At(20), TimeSpan.FromMinutes(2), None));

        Assert.Equal(held, await Store.GetNotificationAsync(held.Id, None));
    }
}
