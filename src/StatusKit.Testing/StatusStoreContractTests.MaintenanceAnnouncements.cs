using StatusKit.Model;
using StatusKit.Notifications;

// The facts are public for xunit, not for callers; each fact's name is its specification, so facts carry no XML doc.
#pragma warning disable CS1591
namespace StatusKit.Testing;

/// <summary>
/// What subscribers were told of a window is part of the window: its two marks (<see cref="MaintenanceWindow.ReminderSentFor"/>
/// and <see cref="MaintenanceWindow.AnnouncedFor"/>) are stored with the window and its scheduled notice, set and cleared
/// by the compare-and-set update that enqueues the notice they record, and the rescheduled notice's content (old and new
/// times) round-trips.
/// </summary>
public abstract partial class StatusStoreContractTests
{
    [Fact]
    public async Task AddMaintenanceWindow_WithNotifications_StoresThemWithTheWindow()
    {
        var page = await AddPageAsync();
        var window = TestData.Window(page.Id) with { ReminderSentFor = null, AnnouncedFor = TestData.At(60) };
        var notice = TestData.Notification(page.Id, subject: "Maintenance scheduled") with
        {
            Content = TestData.Content("Maintenance scheduled") with { Kind = NotificationKind.MaintenanceScheduled, Event = NotificationEvents.None },
        };

        var stored = await Store.AddMaintenanceWindowAsync(window, [notice, notice with { Id = Guid.NewGuid() }], None);

        StoreAssert.Same(window with { Version = 1 }, stored);
        StoreAssert.Same(window with { Version = 1 }, await Store.GetMaintenanceWindowAsync(window.Id, None));
        var row = Assert.Single(await Store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id }, None));
        Assert.Equal(notice, row);
    }

    [Fact]
    public async Task AddMaintenanceWindow_WithBothMarks_RoundTripsEachInItsOwnField()
    {
        var page = await AddPageAsync();
        var window = TestData.Window(page.Id) with { ReminderSentFor = TestData.At(60), AnnouncedFor = TestData.At(240) };

        await Store.AddMaintenanceWindowAsync(window, [], None);

        StoreAssert.Same(window with { Version = 1 }, await Store.GetMaintenanceWindowAsync(window.Id, None));
    }

    [Fact]
    public async Task TryUpdateMaintenanceWindow_MovedWithItsNotice_StoresTheNewMarks_AndANullMarkClearsOne()
    {
        var page = await AddPageAsync();
        var v1 = await Store.AddMaintenanceWindowAsync(TestData.Window(page.Id) with { ReminderSentFor = TestData.At(60), AnnouncedFor = TestData.At(30) }, [], None);
        var moved = v1 with
        {
            StartsAt = TestData.At(240),
            EndsAt = TestData.At(300),
            OccurrenceStartsAt = TestData.At(240),
            OccurrenceEndsAt = TestData.At(300),
            AnnouncedFor = TestData.At(240),
        };
        var notice = TestData.Notification(page.Id, subject: "Maintenance rescheduled") with
        {
            Content = TestData.Content("Maintenance rescheduled") with { Kind = NotificationKind.MaintenanceRescheduled, Event = NotificationEvents.None },
        };

        var v2 = await Store.TryUpdateMaintenanceWindowAsync(moved, [notice], None);
        var afterTheMove = await Store.GetMaintenanceWindowAsync(v1.Id, None);
        var v3 = await Store.TryUpdateMaintenanceWindowAsync(v2! with { ReminderSentFor = TestData.At(240), AnnouncedFor = null }, [], None);
        var afterTheClear = await Store.GetMaintenanceWindowAsync(v1.Id, None);

        StoreAssert.Same(moved with { Version = 2 }, v2);
        StoreAssert.Same(moved with { Version = 2 }, afterTheMove);
        StoreAssert.Same(moved with { Version = 3, ReminderSentFor = TestData.At(240), AnnouncedFor = null }, v3);
        StoreAssert.Same(moved with { Version = 3, ReminderSentFor = TestData.At(240), AnnouncedFor = null }, afterTheClear);
        Assert.Equal(notice, await Store.GetNotificationAsync(notice.Id, None));
    }
}
