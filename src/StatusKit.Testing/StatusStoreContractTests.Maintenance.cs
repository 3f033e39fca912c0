using StatusKit.Model;
using StatusKit.Notifications;

// The facts are public for xunit, not for callers; each fact's name is its specification, so facts carry no XML doc.
#pragma warning disable CS1591
namespace StatusKit.Testing;

public abstract partial class StatusStoreContractTests
{
    [Fact]
    public async Task AddMaintenanceWindow_StoresVersionOne_AndReturnsTheStoredWindow()
    {
        var page = await AddPageAsync();
        var window = TestData.Window(page.Id) with
        {
            OccurrenceStartsAt = new DateTimeOffset(2026, 1, 12, 11, 0, 0, 750, TimeSpan.FromHours(2)),
        };

        var returned = await Store.AddMaintenanceWindowAsync(window, [], None);

        var expected = window with { Version = 1 };
        StoreAssert.Same(expected, returned);
        StoreAssert.Same(expected, await Store.GetMaintenanceWindowAsync(window.Id, None));
    }

    [Fact]
    public async Task AddMaintenanceWindow_WithNullableFieldsNullAndNoComponents_RoundTrips()
    {
        var page = await AddPageAsync();
        var window = TestData.Window(page.Id, componentIds: []) with
        {
            Description = null,
            Recurrence = null,
            ExcludedOccurrences = [],
            ReminderSentFor = null,
            AnnouncedFor = null,
            CreatedBy = null,
        };

        await Store.AddMaintenanceWindowAsync(window, [], None);

        StoreAssert.Same(window with { Version = 1 }, await Store.GetMaintenanceWindowAsync(window.Id, None));
    }

    [Fact]
    public async Task AddMaintenanceWindow_MissingPage_ThrowsNotFound_AndEnqueuesNothing()
    {
        var window = TestData.Window(Guid.NewGuid());

        await Assert.ThrowsAsync<StatusKitNotFoundException>(() => Store.AddMaintenanceWindowAsync(window, [TestData.Notification(window.PageId)], None));

        Assert.Null(await Store.GetMaintenanceWindowAsync(window.Id, None));
        Assert.Empty(await Store.ListNotificationsAsync(new NotificationQuery { PageId = window.PageId }, None));
    }

    [Fact]
    public async Task AddMaintenanceWindow_IdTaken_ThrowsConflict_KeepsTheStoredOne_AndEnqueuesNothing()
    {
        var page = await AddPageAsync();
        var window = TestData.Window(page.Id);
        await Store.AddMaintenanceWindowAsync(window, [], None);

        await Assert.ThrowsAsync<StatusKitConflictException>(
            () => Store.AddMaintenanceWindowAsync(window with { Title = "Another" }, [TestData.Notification(page.Id)], None));

        StoreAssert.Same(window with { Version = 1 }, await Store.GetMaintenanceWindowAsync(window.Id, None));
        Assert.Empty(await Store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id }, None));
    }

    [Fact]
    public async Task GetMaintenanceWindow_Missing_ReturnsNull()
    {
        Assert.Null(await Store.GetMaintenanceWindowAsync(Guid.NewGuid(), None));
    }

    [Fact]
    public async Task TryUpdateMaintenanceWindow_MatchingVersion_StoresWithVersionIncremented()
    {
        var page = await AddPageAsync();
        var stored = await Store.AddMaintenanceWindowAsync(TestData.Window(page.Id), [], None);
        var changed = stored with
        {
            State = MaintenanceState.InProgress,
            Title = "Database upgrade (extended)",
            ComponentIds = [Guid.NewGuid()],
            OccurrenceEndsAt = TestData.At(180),
            UpdatedAt = TestData.At(61),
        };

        var updated = await Store.TryUpdateMaintenanceWindowAsync(changed, [], None);

        StoreAssert.Same(changed with { Version = 2 }, updated);
        StoreAssert.Same(changed with { Version = 2 }, await Store.GetMaintenanceWindowAsync(stored.Id, None));
    }

    [Fact]
    public async Task TryUpdateMaintenanceWindow_StaleVersion_ReturnsNull_KeepsTheStoredWindow_AndEnqueuesNothing()
    {
        var page = await AddPageAsync();
        var v1 = await Store.AddMaintenanceWindowAsync(TestData.Window(page.Id), [], None);
        var v2 = await Store.TryUpdateMaintenanceWindowAsync(v1 with { State = MaintenanceState.InProgress }, [], None);

        var lost = await Store.TryUpdateMaintenanceWindowAsync(v1 with { State = MaintenanceState.Cancelled }, [TestData.Notification(page.Id)], None);

        Assert.Null(lost);
        StoreAssert.Same(v2!, await Store.GetMaintenanceWindowAsync(v1.Id, None));
        Assert.Empty(await Store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id }, None));
    }

    [Fact]
    public async Task TryUpdateMaintenanceWindow_Winning_EnqueuesItsNotificationsWithTheChange()
    {
        var page = await AddPageAsync();
        var v1 = await Store.AddMaintenanceWindowAsync(TestData.Window(page.Id), [], None);
        var notice = TestData.Notification(page.Id, subject: "Maintenance started");

        var v2 = await Store.TryUpdateMaintenanceWindowAsync(v1 with { State = MaintenanceState.InProgress }, [notice, notice with { Id = Guid.NewGuid() }], None);

        Assert.NotNull(v2);
        var stored = Assert.Single(await Store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id }, None));
        Assert.Equal((notice.Id, notice.DeduplicationKey, "Maintenance started"), (stored.Id, stored.DeduplicationKey, stored.Content.Subject));
    }

    [Fact]
    public async Task TryUpdateMaintenanceWindow_TwoConcurrentUpdatesFromTheSameVersion_ExactlyOneWins_WithItsNotifications()
    {
        var page = await AddPageAsync();
        var v1 = await Store.AddMaintenanceWindowAsync(TestData.Window(page.Id), [], None);

        var started = TestData.Notification(page.Id, subject: MaintenanceState.InProgress.ToString());
        var cancelled = TestData.Notification(page.Id, subject: MaintenanceState.Cancelled.ToString());

        var results = await Task.WhenAll(
            Task.Run(() => Store.TryUpdateMaintenanceWindowAsync(v1 with { State = MaintenanceState.InProgress }, [started], None)),
            Task.Run(() => Store.TryUpdateMaintenanceWindowAsync(v1 with { State = MaintenanceState.Cancelled }, [cancelled], None)));

        var winner = Assert.Single(results, r => r is not null);
        Assert.Equal(2, winner!.Version);
        StoreAssert.Same(winner, await Store.GetMaintenanceWindowAsync(v1.Id, None));
        var notice = Assert.Single(await Store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id }, None));
        Assert.Equal(winner.State.ToString(), notice.Content.Subject);
    }

    [Fact]
    public async Task TryUpdateMaintenanceWindow_Missing_ThrowsNotFound()
    {
        var page = await AddPageAsync();

        await Assert.ThrowsAsync<StatusKitNotFoundException>(
            () => Store.TryUpdateMaintenanceWindowAsync(TestData.Window(page.Id) with { Version = 1 }, [], None));
    }

    [Fact]
    public async Task ListOpenMaintenanceWindows_ReturnsScheduledAndInProgressOfEveryPage_ByOccurrenceStart()
    {
        var first = await AddPageAsync();
        var second = await AddPageAsync();
        var scheduled = await Store.AddMaintenanceWindowAsync(TestData.Window(first.Id, state: MaintenanceState.Scheduled, occurrenceStartsAt: TestData.At(300)), [], None);
        var running = await Store.AddMaintenanceWindowAsync(TestData.Window(second.Id, state: MaintenanceState.InProgress, occurrenceStartsAt: TestData.At(100)), [], None);
        await Store.AddMaintenanceWindowAsync(TestData.Window(first.Id, state: MaintenanceState.Completed, occurrenceStartsAt: TestData.At(50)), [], None);
        await Store.AddMaintenanceWindowAsync(TestData.Window(second.Id, state: MaintenanceState.Cancelled, occurrenceStartsAt: TestData.At(200)), [], None);

        var open = await Store.ListOpenMaintenanceWindowsAsync(None);

        Assert.Equal([running.Id, scheduled.Id], open.Select(w => w.Id));
    }

    [Fact]
    public async Task DeleteMaintenanceWindow_RemovesIt_AndReportsWhetherItExisted()
    {
        var page = await AddPageAsync();
        var window = await Store.AddMaintenanceWindowAsync(TestData.Window(page.Id), [], None);

        Assert.True(await Store.DeleteMaintenanceWindowAsync(window.Id, null, [], None));
        Assert.False(await Store.DeleteMaintenanceWindowAsync(window.Id, null, [], None));
        Assert.Null(await Store.GetMaintenanceWindowAsync(window.Id, None));
    }
}
