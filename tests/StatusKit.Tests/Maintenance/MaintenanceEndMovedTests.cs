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
/// Moving the end of a window in progress (extending or shortening the running maintenance) tells the subscribers who
/// were told it started, and when it would end, the new end: a rescheduled notice with the old and the new times, in the
/// same write as the move, once per move.
/// </summary>
public sealed class MaintenanceEndMovedTests
{
    private static readonly DateTimeOffset T0 = TestData.T0;

    [Fact]
    public async Task Update_LaterEndWhileInProgress_TellsTheSubscribersWhoGotTheStartedNoticeTheOldAndTheNewEnd()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var window = await StartedWindowAsync(host, page.Id, component.Id); // 10:00-11:00, started at 10:00
        var started = await host.NoticesAsync(page.Id, NotificationKind.MaintenanceStarted);
        time.SetUtcNow(T0.AddMinutes(90));

        await host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { EndsAt = T0.AddHours(3) });

        var notices = await host.NoticesAsync(page.Id, NotificationKind.MaintenanceRescheduled);
        Assert.Equal(started.Select(s => s.SubscriberId).Order(), notices.Select(n => n.SubscriberId).Order());
        var notice = notices[0];
        Assert.Equal($"[{page.Name}] Maintenance rescheduled: {window.Title}", notice.Content.Subject);
        Assert.Contains(
            $"The maintenance in progress now ends at {PageClock.Instant(T0.AddHours(3), page.TimeZoneId)} instead of {PageClock.Instant(T0.AddHours(2), page.TimeZoneId)}.",
            notice.Content.Body,
            StringComparison.Ordinal);
        Assert.EndsWith(PageClock.Range(T0.AddHours(1), T0.AddHours(3), page.TimeZoneId), notice.Content.Body, StringComparison.Ordinal);
        Assert.Equal(
            (T0.AddHours(1), T0.AddHours(3), T0.AddHours(1), T0.AddHours(2)),
            (notice.Content.OccurrenceStartsAt, notice.Content.OccurrenceEndsAt, notice.Content.PreviousOccurrenceStartsAt, notice.Content.PreviousOccurrenceEndsAt));
        Assert.Equal((window.Id, T0.AddMinutes(90)), (notice.Content.MaintenanceWindowId!.Value, notice.Content.OccurredAt));
    }

    [Fact]
    public async Task Update_EarlierEndWhileInProgress_TellsTheSubscribersTheOldAndTheNewEnd()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var window = await StartedWindowAsync(host, page.Id, component.Id);
        var started = await host.NoticesAsync(page.Id, NotificationKind.MaintenanceStarted);
        time.SetUtcNow(T0.AddMinutes(70));

        await host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { EndsAt = T0.AddMinutes(90) });

        var notices = await host.NoticesAsync(page.Id, NotificationKind.MaintenanceRescheduled);
        Assert.Equal(started.Select(s => s.SubscriberId).Order(), notices.Select(n => n.SubscriberId).Order());
        var notice = notices[0];
        Assert.Contains(
            $"now ends at {PageClock.Instant(T0.AddMinutes(90), page.TimeZoneId)} instead of {PageClock.Instant(T0.AddHours(2), page.TimeZoneId)}.",
            notice.Content.Body,
            StringComparison.Ordinal);
        Assert.Equal(
            (T0.AddHours(1), T0.AddMinutes(90), T0.AddHours(1), T0.AddHours(2)),
            (notice.Content.OccurrenceStartsAt, notice.Content.OccurrenceEndsAt, notice.Content.PreviousOccurrenceStartsAt, notice.Content.PreviousOccurrenceEndsAt));
    }

    [Fact]
    public async Task Update_EndMovedWhileInProgress_GoesOnlyToSubscribersOfTheMaintenanceEventAndTheWindowsComponents()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, runLoop: false);
        var (page, component) = await host.CreatePageAsync(); // with a subscriber of every event
        var outagesOnly = TestData.Subscriber(page.Id) with { ComponentIds = [], NotifyOn = NotificationEvents.Outage | NotificationEvents.Resolved };
        var otherComponent = TestData.Subscriber(page.Id) with { NotifyOn = NotificationEvents.Maintenance }; // of another component
        var maintenanceOnly = TestData.Subscriber(page.Id) with { ComponentIds = [component.Id], NotifyOn = NotificationEvents.Maintenance };
        foreach (var subscriber in new[] { outagesOnly, otherComponent, maintenanceOnly })
        {
            await host.Store.AddSubscriberAsync(subscriber, [], CancellationToken.None);
        }

        var window = await StartedWindowAsync(host, page.Id, component.Id);
        var started = await host.NoticesAsync(page.Id, NotificationKind.MaintenanceStarted);

        await host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { EndsAt = T0.AddHours(3) });

        var notices = await host.NoticesAsync(page.Id, NotificationKind.MaintenanceRescheduled);
        Assert.Equal(started.Select(s => s.SubscriberId).Order(), notices.Select(n => n.SubscriberId).Order());
        Assert.Contains(notices, n => n.SubscriberId == maintenanceOnly.Id);
        Assert.DoesNotContain(notices, n => n.SubscriberId == outagesOnly.Id || n.SubscriberId == otherComponent.Id);
    }

    [Fact]
    public async Task Update_EndMovedWhileInProgress_StoresTheNoticeInTheSameWriteAsTheChange()
    {
        // An outbox that refuses separate writes stands for a host that dies between the update and its notice.
        var time = new ManualTimeProvider(T0);
        var (store, control) = InterceptingStatusStore.Wrap(new InMemoryStatusStore());
        await using var host = await MaintenanceHost.StartAsync(time, store, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var window = await StartedWindowAsync(host, page.Id, component.Id);
        control.Before = (method, _) => method == nameof(IStatusStore.EnqueueNotificationsAsync)
            ? throw new InvalidOperationException("a separate outbox write")
            : null;

        await host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { EndsAt = T0.AddHours(3) });

        Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceRescheduled));
        Assert.Equal(0, control.Calls(nameof(IStatusStore.EnqueueNotificationsAsync)));
    }

    [Fact]
    public async Task Update_EndMovedWhileInProgressOfAWindowWithoutNotices_TellsNobody()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var window = await StartedWindowAsync(host, page.Id, component.Id, notifySubscribers: false);

        await host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { EndsAt = T0.AddHours(3) });

        Assert.Empty(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceStarted));
        Assert.Empty(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceRescheduled));
    }

    [Fact]
    public async Task Update_NotifyOnAndEndMovedAfterASilentStart_TellsNobodyOfTheMoveNorOfTheCompletion()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var window = await StartedWindowAsync(host, page.Id, component.Id, notifySubscribers: false, recurrence: "FREQ=DAILY");

        await host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { NotifySubscribers = true });
        await host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { EndsAt = T0.AddHours(3) });
        time.SetUtcNow(T0.AddHours(3));
        await host.Scheduler.RunDueTransitionsAsync(CancellationToken.None); // the end

        Assert.Empty(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceRescheduled));
        Assert.Empty(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceCompleted));

        // The next occurrence, whose subscribers are told of from its reminder on, is told of as usual.
        host.Time.SetUtcNow(T0.AddDays(1).AddHours(1));
        await host.Scheduler.RunDueTransitionsAsync(CancellationToken.None);
        host.Time.SetUtcNow(T0.AddDays(1).AddHours(2));
        await host.Scheduler.RunDueTransitionsAsync(CancellationToken.None);
        Assert.NotEmpty(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceStarted));
        Assert.NotEmpty(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceCompleted));
    }

    [Fact]
    public async Task CompleteAndCancel_NotifyOnAfterASilentStart_TellNobody()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var completed = await StartedWindowAsync(host, page.Id, component.Id, notifySubscribers: false);
        var cancelled = await host.Maintenance.CreateAsync(
            Window(page.Id, component.Id, T0.AddHours(1.5), T0.AddHours(2)) with { NotifySubscribers = false });
        await host.Maintenance.StartNowAsync(cancelled.Id);

        foreach (var id in new[] { completed.Id, cancelled.Id })
        {
            await host.Maintenance.UpdateAsync(id, new UpdateMaintenanceWindow { NotifySubscribers = true });
        }

        await host.Maintenance.CompleteNowAsync(completed.Id);
        await host.Maintenance.CancelAsync(cancelled.Id);

        Assert.Empty(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceCompleted));
    }

    [Fact]
    public async Task Update_EndMovedAgainWhileInProgress_TellsTheSubscribersEachMoveOnce()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var window = await StartedWindowAsync(host, page.Id, component.Id);

        foreach (var (at, end) in new[] { (65, 180), (70, 180), (75, 150) }) // the second one repeats the first: a retry
        {
            time.SetUtcNow(T0.AddMinutes(at));
            await host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { EndsAt = T0.AddMinutes(end) });
        }

        var notices = await host.NoticesAsync(page.Id, NotificationKind.MaintenanceRescheduled);
        Assert.Equal(
            [(T0.AddHours(2), T0.AddHours(3)), (T0.AddHours(3), T0.AddMinutes(150))],
            notices.OrderBy(n => n.CreatedAt).Select(n => (n.Content.PreviousOccurrenceEndsAt!.Value, n.Content.OccurrenceEndsAt!.Value)));
    }

    [Fact]
    public async Task Update_OnlyTheTitleWhileInProgress_TellsNobody()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var window = await StartedWindowAsync(host, page.Id, component.Id);

        await host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { Title = "Database upgrade to 18", EndsAt = T0.AddHours(2) });

        Assert.Empty(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceRescheduled));
    }

    [Fact]
    public async Task Update_EndMovedWhileARecurringWindowIsInProgress_TellsTheSubscribersTheNewEndOfThisOccurrence()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var window = await StartedWindowAsync(host, page.Id, component.Id, recurrence: "FREQ=DAILY");

        await host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { EndsAt = T0.AddHours(3) });

        var notice = Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceRescheduled));
        Assert.Contains("The maintenance in progress now ends at", notice.Content.Body, StringComparison.Ordinal);
        Assert.Equal((T0.AddHours(2), T0.AddHours(3)), (notice.Content.PreviousOccurrenceEndsAt!.Value, notice.Content.OccurrenceEndsAt!.Value));
    }

    /// <summary>A window 10:00-11:00 (T0 is 09:00), started by the scheduler at 10:00.</summary>
    private static async Task<MaintenanceWindow> StartedWindowAsync(
        MaintenanceHost host, Guid pageId, Guid componentId, bool notifySubscribers = true, string? recurrence = null)
    {
        var window = await host.Maintenance.CreateAsync(
            Window(pageId, componentId, T0.AddHours(1), T0.AddHours(2)) with { NotifySubscribers = notifySubscribers, Recurrence = recurrence });
        await host.Scheduler.RunDueTransitionsAsync(CancellationToken.None); // the reminder
        host.Time.SetUtcNow(T0.AddHours(1));
        await host.Scheduler.RunDueTransitionsAsync(CancellationToken.None); // the start
        Assert.Equal(MaintenanceState.InProgress, (await host.Maintenance.GetAsync(window.Id))!.State);
        return window;
    }
}
