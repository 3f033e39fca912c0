using StatusKit.Model;
using StatusKit.Notifications;

// The facts are public for xunit, not for callers; each fact's name is its specification, so facts carry no XML doc.
#pragma warning disable CS1591
namespace StatusKit.Testing;

/// <summary>
/// Deleting a maintenance window enqueues its notices (the "completed" notice of a window deleted in progress) in the
/// same atomic step as the delete: both are stored, or neither.
/// </summary>
public abstract partial class StatusStoreContractTests
{
    [Fact]
    public async Task DeleteMaintenanceWindow_EnqueuesItsNotificationsWithTheDelete()
    {
        var page = await AddPageAsync();
        var window = await Store.AddMaintenanceWindowAsync(TestData.Window(page.Id, state: MaintenanceState.InProgress), [], None);
        var notice = TestData.Notification(page.Id, subject: "Maintenance completed");

        var deleted = await Store.DeleteMaintenanceWindowAsync(window.Id, null, [notice, notice with { Id = Guid.NewGuid() }], None);

        Assert.True(deleted);
        Assert.Null(await Store.GetMaintenanceWindowAsync(window.Id, None));
        var stored = Assert.Single(await Store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id }, None));
        Assert.Equal((notice.Id, notice.DeduplicationKey, "Maintenance completed"), (stored.Id, stored.DeduplicationKey, stored.Content.Subject));
    }

    [Fact]
    public async Task DeleteMaintenanceWindow_AtAStaleExpectedVersion_DeletesNothing_AndEnqueuesNothing()
    {
        var page = await AddPageAsync();
        var v1 = await Store.AddMaintenanceWindowAsync(TestData.Window(page.Id), [], None);
        await Store.TryUpdateMaintenanceWindowAsync(v1 with { State = MaintenanceState.InProgress }, [], None);

        await Assert.ThrowsAsync<StatusKitConcurrencyException>(
            () => Store.DeleteMaintenanceWindowAsync(v1.Id, 1, [TestData.Notification(page.Id)], None));

        Assert.NotNull(await Store.GetMaintenanceWindowAsync(v1.Id, None));
        Assert.Empty(await Store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id }, None));
    }

    [Fact]
    public async Task DeleteMaintenanceWindow_Missing_ReturnsFalse_AndEnqueuesNothing()
    {
        var page = await AddPageAsync();

        Assert.False(await Store.DeleteMaintenanceWindowAsync(Guid.NewGuid(), null, [TestData.Notification(page.Id)], None));
        Assert.False(await Store.DeleteMaintenanceWindowAsync(Guid.NewGuid(), 1, [TestData.Notification(page.Id)], None));

        Assert.Empty(await Store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id }, None));
    }

    [Fact]
    public async Task DeleteMaintenanceWindow_WhoseNotificationsTheOutboxRefuses_KeepsTheWindow()
    {
        var page = await AddPageAsync();
        var window = await Store.AddMaintenanceWindowAsync(TestData.Window(page.Id, state: MaintenanceState.InProgress), [], None);
        var stored = TestData.Notification(page.Id);
        await Store.EnqueueNotificationsAsync([stored], None);
        var clash = TestData.Notification(page.Id) with { Id = stored.Id };

        await Assert.ThrowsAsync<StatusKitConflictException>(() => Store.DeleteMaintenanceWindowAsync(window.Id, null, [clash], None));

        StoreAssert.Same(window, await Store.GetMaintenanceWindowAsync(window.Id, None));
        Assert.Single(await Store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id }, None));
    }
}
