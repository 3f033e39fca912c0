using StatusKit.Abstractions;
using StatusKit.InMemory;
using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Testing;
using StatusKit.TestSupport.Fakes;
using static StatusKit.Testing.MaintenanceSchedulerContractTests;

namespace StatusKit.Tests.Maintenance;

/// <summary>
/// Moving a Scheduled window that its subscribers were already told of (its reminder went out, or an earlier move was
/// announced) tells them the old and the new times, in the same write as the move, and the new occurrence is reminded of
/// again when it is further away than the reminder lead time (60 minutes here), never twice.
/// </summary>
public sealed class MaintenanceRescheduleTests
{
    private static readonly DateTimeOffset T0 = TestData.T0;

    [Fact]
    public async Task Update_NewStartAfterTheReminder_TellsTheRemindedSubscribersTheOldAndTheNewTimes()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var window = await RemindedWindowAsync(host, page.Id, component.Id); // 10:00-11:00, reminded at 09:00
        var reminders = await host.NoticesAsync(page.Id, NotificationKind.MaintenanceReminder);
        time.SetUtcNow(T0.AddMinutes(10));

        var moved = await host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { StartsAt = T0.AddHours(4), EndsAt = T0.AddHours(5) });

        var notices = await host.NoticesAsync(page.Id, NotificationKind.MaintenanceRescheduled);
        Assert.Equal(reminders.Select(r => r.SubscriberId).Order(), notices.Select(n => n.SubscriberId).Order());
        var notice = notices[0];
        Assert.Equal($"[{page.Name}] Maintenance rescheduled: {window.Title}", notice.Content.Subject);
        Assert.Contains($"moved from {PageClock.Range(T0.AddHours(1), T0.AddHours(2), page.TimeZoneId)} to:", notice.Content.Body, StringComparison.Ordinal);
        Assert.EndsWith(PageClock.Range(T0.AddHours(4), T0.AddHours(5), page.TimeZoneId), notice.Content.Body, StringComparison.Ordinal);
        Assert.Equal(
            (T0.AddHours(4), T0.AddHours(5), T0.AddHours(1), T0.AddHours(2)),
            (notice.Content.OccurrenceStartsAt, notice.Content.OccurrenceEndsAt, notice.Content.PreviousOccurrenceStartsAt, notice.Content.PreviousOccurrenceEndsAt));
        Assert.Equal((window.Id, T0.AddMinutes(10)), (notice.Content.MaintenanceWindowId!.Value, notice.Content.OccurredAt));
        Assert.Equal(T0.AddHours(4), moved.AnnouncedFor);
    }

    [Fact]
    public async Task Update_NewEndAfterTheReminder_TellsTheSubscribers()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var window = await RemindedWindowAsync(host, page.Id, component.Id);

        await host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { EndsAt = T0.AddHours(3) });

        var notice = Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceRescheduled));
        Assert.EndsWith(PageClock.Range(T0.AddHours(1), T0.AddHours(3), page.TimeZoneId), notice.Content.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_RescheduledAfterTheReminder_StoresTheNoticeInTheSameWriteAsTheChange()
    {
        // An outbox that refuses separate writes stands for a host that dies between the update and its notice.
        var time = new ManualTimeProvider(T0);
        var (store, control) = InterceptingStatusStore.Wrap(new InMemoryStatusStore());
        await using var host = await MaintenanceHost.StartAsync(time, store, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var window = await RemindedWindowAsync(host, page.Id, component.Id);
        control.Before = (method, _) => method == nameof(IStatusStore.EnqueueNotificationsAsync)
            ? throw new InvalidOperationException("a separate outbox write")
            : null;

        await host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { StartsAt = T0.AddHours(4), EndsAt = T0.AddHours(5) });

        Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceRescheduled));
        Assert.Equal(0, control.Calls(nameof(IStatusStore.EnqueueNotificationsAsync)));
    }

    [Fact]
    public async Task Update_RescheduledBeforeAnyNoticeOrWithoutNotices_TellsNobody()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, configure: o => o.NotifyWhenScheduled = false, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var notYetReminded = await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(5), T0.AddHours(6)));
        var silent = await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2)) with { NotifySubscribers = false });
        await host.Scheduler.RunDueTransitionsAsync(CancellationToken.None);

        await host.Maintenance.UpdateAsync(notYetReminded.Id, new UpdateMaintenanceWindow { StartsAt = T0.AddHours(7), EndsAt = T0.AddHours(8) });
        await host.Maintenance.UpdateAsync(silent.Id, new UpdateMaintenanceWindow { StartsAt = T0.AddHours(7), EndsAt = T0.AddHours(8) });

        Assert.Empty(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceReminder));
        Assert.Empty(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceRescheduled));
    }

    [Fact]
    public async Task Update_OtherFieldsAfterTheReminder_TellsNobody()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var window = await RemindedWindowAsync(host, page.Id, component.Id);

        await host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { Title = "Database upgrade to 18", StartsAt = T0.AddHours(1) });

        Assert.Empty(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceRescheduled));
    }

    [Fact]
    public async Task Update_NewStartFurtherAwayThanTheLeadTime_RemindsAgainBeforeTheNewStart()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var window = await RemindedWindowAsync(host, page.Id, component.Id);
        await host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { StartsAt = T0.AddHours(4), EndsAt = T0.AddHours(5) });

        time.SetUtcNow(T0.AddHours(3).AddMinutes(-1));
        await host.Scheduler.RunDueTransitionsAsync(CancellationToken.None);
        var beforeTheNewLead = await host.NoticesAsync(page.Id, NotificationKind.MaintenanceReminder);
        time.SetUtcNow(T0.AddHours(3));
        await host.Scheduler.RunDueTransitionsAsync(CancellationToken.None);

        Assert.Single(beforeTheNewLead);
        var reminders = await host.NoticesAsync(page.Id, NotificationKind.MaintenanceReminder);
        Assert.Equal(2, reminders.Count);
        Assert.Single(reminders, r => r.Content.Body.EndsWith(PageClock.Range(T0.AddHours(4), T0.AddHours(5), page.TimeZoneId), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Update_NewStartWithinTheLeadTime_SendsNoSecondReminder_TheRescheduledNoticeIsIt()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var window = await RemindedWindowAsync(host, page.Id, component.Id);
        time.SetUtcNow(T0.AddMinutes(10));

        var moved = await host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { StartsAt = T0.AddMinutes(65), EndsAt = T0.AddMinutes(125) });
        foreach (var at in new[] { T0.AddMinutes(10), T0.AddMinutes(65) })
        {
            time.SetUtcNow(at);
            await host.Scheduler.RunDueTransitionsAsync(CancellationToken.None);
        }

        Assert.Equal(T0.AddMinutes(65), moved.ReminderSentFor);
        Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceReminder));
        Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceRescheduled));
        Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceStarted));
    }

    [Fact]
    public async Task Update_MovedAgainBeforeTheNewReminder_TellsTheSubscribersEachTime()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var window = await RemindedWindowAsync(host, page.Id, component.Id);

        foreach (var (at, hour) in new[] { (1, 4), (2, 6), (3, 4) })
        {
            time.SetUtcNow(T0.AddMinutes(at));
            await host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { StartsAt = T0.AddHours(hour), EndsAt = T0.AddHours(hour + 1) });
        }

        var notices = await host.NoticesAsync(page.Id, NotificationKind.MaintenanceRescheduled);
        Assert.Equal(
            [(T0.AddHours(1), T0.AddHours(4)), (T0.AddHours(4), T0.AddHours(6)), (T0.AddHours(6), T0.AddHours(4))],
            notices.OrderBy(n => n.CreatedAt).Select(n => (n.Content.PreviousOccurrenceStartsAt!.Value, n.Content.OccurrenceStartsAt!.Value)));
    }

    [Fact]
    public async Task Cancel_AfterAnAnnouncedMoveBeforeTheNewReminder_TellsTheSubscribersItIsCancelled()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var window = await RemindedWindowAsync(host, page.Id, component.Id);
        await host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { StartsAt = T0.AddHours(4), EndsAt = T0.AddHours(5) });

        await host.Maintenance.CancelAsync(window.Id);

        var notice = Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceCancelled));
        Assert.EndsWith(PageClock.Range(T0.AddHours(4), T0.AddHours(5), page.TimeZoneId), notice.Content.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_RecurringWindowMovedAfterTheReminderOfItsNextOccurrence_TellsTheSubscribers()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var window = await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2)) with { Recurrence = "FREQ=DAILY" });
        await host.Scheduler.RunDueTransitionsAsync(CancellationToken.None);

        await host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { StartsAt = T0.AddHours(5), EndsAt = T0.AddHours(6) });

        var notice = Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceRescheduled));
        Assert.Equal((T0.AddHours(1), T0.AddHours(5)), (notice.Content.PreviousOccurrenceStartsAt!.Value, notice.Content.OccurrenceStartsAt!.Value));
        Assert.Contains("the next occurrence of this maintenance moved", notice.Content.Body, StringComparison.Ordinal);
    }

    /// <summary>A one-off window 10:00-11:00 whose reminder went out at 09:00 (T0).</summary>
    private static async Task<MaintenanceWindow> RemindedWindowAsync(MaintenanceHost host, Guid pageId, Guid componentId)
    {
        var window = await host.Maintenance.CreateAsync(Window(pageId, componentId, T0.AddHours(1), T0.AddHours(2)));
        await host.Scheduler.RunDueTransitionsAsync(CancellationToken.None);
        Assert.Single(await host.NoticesAsync(window.PageId, NotificationKind.MaintenanceReminder));
        return window;
    }
}
