using StatusKit.Abstractions;
using StatusKit.Engine;
using StatusKit.InMemory;
using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Status;
using StatusKit.TestSupport.Fakes;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.Testing;
using static StatusKit.Testing.MaintenanceSchedulerContractTests;

namespace StatusKit.Tests.Maintenance;

/// <summary>The default scheduler's own timer loop, reminders, retries and time-zone handling, on a manual clock.</summary>
public sealed class MaintenanceSchedulerTests
{
    private static readonly DateTimeOffset T0 = TestData.T0;

    [Fact]
    public async Task A_window_planned_through_a_host_that_then_stopped_is_started_and_ended_by_another_within_the_rescan_interval()
    {
        // Two hosts on one store and one clock: the window is created through the first, whose scheduler never runs (it
        // stopped); nothing wakes the second's, which finds the window when it next reads the store.
        var time = new ManualTimeProvider(T0);
        var store = new InMemoryStatusStore();
        await using var stopped = await MaintenanceHost.StartAsync(time, store, o => o.ReminderLeadTime = TimeSpan.Zero, runLoop: false);
        await using var running = await MaintenanceHost.StartAsync(time, store, o => o.ReminderLeadTime = TimeSpan.Zero);
        var (page, component) = await stopped.CreatePageAsync();
        var window = await stopped.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddMinutes(10), T0.AddMinutes(20)));
        var rescan = new MaintenanceOptions().RescanInterval;

        await running.RunUntilAsync(T0.AddMinutes(10) + rescan);
        var started = (await running.Maintenance.GetAsync(window.Id))!.State;
        await running.RunUntilAsync(T0.AddMinutes(20) + rescan);

        Assert.Equal(MaintenanceState.InProgress, started);
        Assert.Equal(MaintenanceState.Completed, (await running.Maintenance.GetAsync(window.Id))!.State);
        Assert.Equal(2, (await running.HistoryAsync(page.Id, component.Id)).Count);
    }

    [Fact]
    public async Task A_pass_that_cannot_read_the_windows_is_tried_again_later_and_later_up_to_the_rescan_interval()
    {
        var time = new ManualTimeProvider(T0);
        var (store, control) = InterceptingStatusStore.Wrap(new InMemoryStatusStore());
        control.Before = (method, _) => method == nameof(IStatusStore.ListOpenMaintenanceWindowsAsync) ? throw new TimeoutException("the database is down") : null;
        await using var host = await MaintenanceHost.StartAsync(time, store);
        var waits = new List<TimeSpan>();

        for (var i = 0; i < 8; i++)
        {
            var wake = host.Scheduler.NextWakeUpAt!.Value;
            waits.Add(wake - time.GetUtcNow());
            time.SetUtcNow(wake);
            await host.SettleAsync();
        }

        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60], waits.Select(w => w.TotalSeconds));
        Assert.Equal(9, host.Logs.Count(1206));
    }

    [Fact]
    public async Task The_timer_sleeps_until_the_next_due_transition_and_wakes_early_on_changes()
    {
        // Read every hour only, so each wake-up seen here is a due transition's.
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, configure: o => (o.ReminderLeadTime, o.RescanInterval) = (TimeSpan.Zero, TimeSpan.FromHours(1)));
        var (page, component) = await host.CreatePageAsync();
        Assert.Equal(T0.AddHours(1), host.Scheduler.NextWakeUpAt);

        var window = await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddMinutes(30), T0.AddMinutes(90)));
        await host.SettleAsync();
        Assert.Equal(T0.AddMinutes(30), host.Scheduler.NextWakeUpAt);
        Assert.Equal(1, time.ActiveTimerCount);

        time.SetUtcNow(T0.AddMinutes(30).AddTicks(-1));
        await host.SettleAsync();
        Assert.Equal(MaintenanceState.Scheduled, (await host.Maintenance.GetAsync(window.Id))!.State);

        time.SetUtcNow(T0.AddMinutes(30));
        await host.SettleAsync();
        Assert.Equal(MaintenanceState.InProgress, (await host.Maintenance.GetAsync(window.Id))!.State);
        Assert.Equal(ComponentStatus.UnderMaintenance, await host.StatusOfAsync(component.Id));
        Assert.Equal(T0.AddMinutes(90), host.Scheduler.NextWakeUpAt);

        await host.RunUntilAsync(T0.AddMinutes(90));
        Assert.Equal(MaintenanceState.Completed, (await host.Maintenance.GetAsync(window.Id))!.State);
        Assert.Equal(ComponentStatus.Operational, await host.StatusOfAsync(component.Id));
        Assert.Equal(2, host.Logs.Count(1200));
    }

    [Fact]
    public async Task The_reminder_is_sent_once_per_occurrence_and_not_again_after_a_restart()
    {
        var time = new ManualTimeProvider(T0);
        var store = new InMemoryStatusStore();
        var first = await MaintenanceHost.StartAsync(time, store, HourlyWithReminders);
        var (page, component) = await first.CreatePageAsync();
        var window = await first.Maintenance.CreateAsync(
            Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2)) with { Recurrence = "FREQ=DAILY;COUNT=2" });
        await first.SettleAsync();
        Assert.Equal(T0.AddMinutes(30), first.Scheduler.NextWakeUpAt);
        Assert.Empty(await first.NoticesAsync(page.Id, NotificationKind.MaintenanceReminder));

        await first.RunUntilAsync(T0.AddMinutes(30));
        var reminder = Assert.Single(await first.NoticesAsync(page.Id, NotificationKind.MaintenanceReminder));
        Assert.Equal(T0.AddMinutes(30), reminder.CreatedAt);
        Assert.Equal(T0.AddHours(1), (await store.GetMaintenanceWindowAsync(window.Id, CancellationToken.None))!.ReminderSentFor);
        await first.DisposeAsync();

        time.SetUtcNow(T0.AddMinutes(40));
        await using var second = await MaintenanceHost.StartAsync(time, store, HourlyWithReminders);
        Assert.Equal(T0.AddHours(1), second.Scheduler.NextWakeUpAt);
        Assert.Single(await second.NoticesAsync(page.Id, NotificationKind.MaintenanceReminder));

        // The second occurrence gets its own reminder, once.
        await second.RunUntilAsync(T0.AddDays(1).AddMinutes(30));
        Assert.Equal(2, (await second.NoticesAsync(page.Id, NotificationKind.MaintenanceReminder)).Count);
        await second.RunUntilAsync(T0.AddDays(1).AddHours(3));
        Assert.Equal(2, (await second.NoticesAsync(page.Id, NotificationKind.MaintenanceReminder)).Count);
        Assert.Equal(MaintenanceState.Completed, (await store.GetMaintenanceWindowAsync(window.Id, CancellationToken.None))!.State);
    }

    // Reminders 30 minutes ahead, and the store read every hour only, so each wake-up seen is a due transition's.
    private static void HourlyWithReminders(MaintenanceOptions options) =>
        (options.ReminderLeadTime, options.RescanInterval) = (TimeSpan.FromMinutes(30), TimeSpan.FromHours(1));

    [Fact]
    public async Task No_reminder_when_the_lead_time_is_zero_or_subscribers_are_not_notified()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, configure: o => o.ReminderLeadTime = TimeSpan.Zero);
        var (page, component) = await host.CreatePageAsync();
        await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2)));
        await host.RunUntilAsync(T0.AddHours(3));
        Assert.Empty(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceReminder));
        Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceStarted));

        await using var quiet = await MaintenanceHost.StartAsync(new ManualTimeProvider(T0));
        var (page2, component2) = await quiet.CreatePageAsync();
        await quiet.Maintenance.CreateAsync(Window(page2.Id, component2.Id, T0.AddHours(1), T0.AddHours(2)) with { NotifySubscribers = false });
        await quiet.RunUntilAsync(T0.AddHours(3));
        Assert.Empty(await quiet.NoticesAsync(page2.Id, NotificationKind.MaintenanceReminder));
        Assert.Empty(await quiet.NoticesAsync(page2.Id, NotificationKind.MaintenanceStarted));
    }

    [Fact]
    public async Task A_weekly_window_keeps_its_local_time_across_the_March_DST_change_in_Berlin()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var start = new DateTimeOffset(2026, 3, 15, 1, 0, 0, TimeSpan.Zero); // Sunday 02:00 CET
        var time = new ManualTimeProvider(start.AddDays(-1));
        await using var host = await MaintenanceHost.StartAsync(time, configure: o => o.ReminderLeadTime = TimeSpan.Zero);
        var (page, component) = await host.CreatePageAsync();
        var window = await host.Maintenance.CreateAsync(
            Window(page.Id, component.Id, start, start.AddHours(2)) with { TimeZoneId = "Europe/Berlin", Recurrence = "FREQ=WEEKLY;BYDAY=SU" });

        var seen = new List<(DateTimeOffset Start, DateTimeOffset End)>();
        for (var i = 0; i < 4; i++)
        {
            var current = (await host.Maintenance.GetAsync(window.Id))!;
            await host.RunUntilAsync(current.OccurrenceStartsAt);
            var running = (await host.Maintenance.GetAsync(window.Id))!;
            Assert.Equal(MaintenanceState.InProgress, running.State);
            Assert.Equal(ComponentStatus.UnderMaintenance, await host.StatusOfAsync(component.Id));
            seen.Add((running.OccurrenceStartsAt, running.OccurrenceEndsAt));
            await host.RunUntilAsync(running.OccurrenceEndsAt);
            Assert.Equal(MaintenanceState.Scheduled, (await host.Maintenance.GetAsync(window.Id))!.State);
            Assert.Equal(ComponentStatus.Operational, await host.StatusOfAsync(component.Id));
        }

        string Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, berlin).ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(
            [
                "2026-03-15 02:00 +01:00",
                "2026-03-22 02:00 +01:00",
                "2026-03-29 03:00 +02:00", // 02:00 does not exist that night: RFC 5545 uses the offset before the gap
                "2026-04-05 02:00 +02:00",
            ],
            seen.Select(o => Local(o.Start)));
        Assert.All(seen, o => Assert.Equal(TimeSpan.FromHours(2), o.End - o.Start));
        Assert.Equal(new DateTimeOffset(2026, 4, 5, 0, 0, 0, TimeSpan.Zero), seen[3].Start);
    }

    [Fact]
    public async Task Rescheduling_a_scheduled_window_moves_its_transitions()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, configure: o => o.ReminderLeadTime = TimeSpan.Zero);
        var (page, component) = await host.CreatePageAsync();
        var window = await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2)));
        await host.RunUntilAsync(T0.AddMinutes(30));

        var moved = await host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { StartsAt = T0.AddHours(3), EndsAt = T0.AddHours(5) });
        await host.SettleAsync();
        Assert.Equal((T0.AddHours(3), T0.AddHours(5)), (moved.OccurrenceStartsAt, moved.OccurrenceEndsAt));
        Assert.Equal(T0.AddMinutes(30) + new MaintenanceOptions().RescanInterval, host.Scheduler.NextWakeUpAt); // 12:00 is further than the longest sleep

        await host.RunUntilAsync(T0.AddHours(2));
        Assert.Equal(MaintenanceState.Scheduled, (await host.Maintenance.GetAsync(window.Id))!.State);
        Assert.Empty(await host.HistoryAsync(page.Id, component.Id));
        await host.RunUntilAsync(T0.AddHours(3));
        Assert.Equal(MaintenanceState.InProgress, (await host.Maintenance.GetAsync(window.Id))!.State);
        await host.RunUntilAsync(T0.AddHours(5));
        Assert.Equal(MaintenanceState.Completed, (await host.Maintenance.GetAsync(window.Id))!.State);
        Assert.Equal([T0.AddHours(3), T0.AddHours(5)], (await host.HistoryAsync(page.Id, component.Id)).Select(h => h.At));
    }

    [Fact]
    public async Task Extending_a_window_in_progress_moves_its_end_and_shortening_brings_it_forward()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, configure: o => o.ReminderLeadTime = TimeSpan.Zero);
        var (page, component) = await host.CreatePageAsync();
        var window = await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2)));
        await host.RunUntilAsync(T0.AddMinutes(90));

        await host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { EndsAt = T0.AddHours(3) });
        await host.SettleAsync();
        Assert.Equal(T0.AddMinutes(90) + new MaintenanceOptions().RescanInterval, host.Scheduler.NextWakeUpAt);
        await host.RunUntilAsync(T0.AddHours(2));
        Assert.Equal(MaintenanceState.InProgress, (await host.Maintenance.GetAsync(window.Id))!.State);
        Assert.Equal(ComponentStatus.UnderMaintenance, await host.StatusOfAsync(component.Id));

        await host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { EndsAt = T0.AddMinutes(150) });
        await host.SettleAsync();
        await host.RunUntilAsync(T0.AddMinutes(150));
        var done = (await host.Maintenance.GetAsync(window.Id))!;
        Assert.Equal((MaintenanceState.Completed, T0.AddMinutes(150)), (done.State, done.EndsAt));
        Assert.Equal(T0.AddMinutes(150), (await host.HistoryAsync(page.Id, component.Id)).Last().At);
        Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceCompleted));
    }

    [Fact]
    public async Task A_failing_transition_is_retried_with_exponential_backoff_then_succeeds()
    {
        var time = new ManualTimeProvider(T0);
        var chaos = new ChaosStatusStore(new InMemoryStatusStore());
        await using var host = await MaintenanceHost.StartAsync(time, chaos.Store, o => o.ReminderLeadTime = TimeSpan.Zero, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var window = await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2)));
        time.SetUtcNow(T0.AddHours(1));
        chaos.FailMaintenanceWindowUpdates(2);

        var run = host.Port.RunDueTransitionsAsync(CancellationToken.None);
        await MaintenanceHost.WaitForTimersAsync(time, 1);
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(1, chaos.FailuresThrown);
        time.Advance(TimeSpan.FromMilliseconds(1)); // first retry after 1 s
        await MaintenanceHost.WaitForTimersAsync(time, 1);
        Assert.Equal(2, chaos.FailuresThrown);
        time.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.False(run.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1)); // second retry after 2 s more

        Assert.Equal(1, await run);
        Assert.Equal(MaintenanceState.InProgress, (await host.Maintenance.GetAsync(window.Id))!.State);
        Assert.Equal(ComponentStatus.UnderMaintenance, await host.StatusOfAsync(component.Id));
        Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceStarted));
        Assert.Equal(2, host.Logs.Count(1202));
        Assert.Equal(0, host.Logs.Count(1203));
    }

    [Fact]
    public async Task A_window_that_keeps_failing_is_logged_and_retried_later_without_stopping_the_others()
    {
        var time = new ManualTimeProvider(T0);
        var chaos = new ChaosStatusStore(new InMemoryStatusStore());
        await using var host = await MaintenanceHost.StartAsync(time, chaos.Store, o => o.ReminderLeadTime = TimeSpan.Zero, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var bad = await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2)) with { Title = "Bad" });
        var good = await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2)) with { Title = "Good" });
        time.SetUtcNow(T0.AddHours(1));
        chaos.FailMaintenanceWindowUpdates(int.MaxValue, w => w.Id == bad.Id);

        var run = host.Port.RunDueTransitionsAsync(CancellationToken.None);
        await MaintenanceHost.WaitForTimersAsync(time, 1);
        time.Advance(TimeSpan.FromSeconds(1));
        await MaintenanceHost.WaitForTimersAsync(time, 1);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await run);
        Assert.Equal(3, chaos.FailuresThrown);
        Assert.Equal(1, host.Logs.Count(1203));
        Assert.Equal(MaintenanceState.Scheduled, (await host.Maintenance.GetAsync(bad.Id))!.State);
        Assert.Equal(MaintenanceState.InProgress, (await host.Maintenance.GetAsync(good.Id))!.State);

        // Not retried before the backoff continues (4 s after the failure), then applied once the store recovers.
        chaos.FailMaintenanceWindowUpdates(0);
        Assert.Equal(0, await host.Port.RunDueTransitionsAsync(CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(1, await host.Port.RunDueTransitionsAsync(CancellationToken.None));
        Assert.Equal(MaintenanceState.InProgress, (await host.Maintenance.GetAsync(bad.Id))!.State);
        Assert.Equal(2, (await host.NoticesAsync(page.Id, NotificationKind.MaintenanceStarted)).Count);
    }

    [Fact]
    public async Task An_incident_during_maintenance_shows_the_worse_status_and_remains_after_it()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, configure: o => o.ReminderLeadTime = TimeSpan.Zero);
        var (page, component) = await host.CreatePageAsync(teamId: "team-a");
        await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2)));
        await host.RunUntilAsync(T0.AddHours(1));
        Assert.Equal(ComponentStatus.UnderMaintenance, await host.StatusOfAsync(component.Id));

        time.SetUtcNow(T0.AddMinutes(75));
        var intake = host.Services.GetRequiredService<IIncidentIntake>();
        await intake.ReportIncidentAsync(TestData.Signal("INC-1") with { ServiceIdentifier = null, Priority = "Critical", OccurredAt = time.GetUtcNow() }, CancellationToken.None);
        await host.SettleAsync();
        Assert.Equal(ComponentStatus.MajorOutage, await host.StatusOfAsync(component.Id));

        await host.RunUntilAsync(T0.AddHours(2));
        Assert.Equal(ComponentStatus.MajorOutage, await host.StatusOfAsync(component.Id));
        var history = await host.HistoryAsync(page.Id, component.Id);
        Assert.Equal(
            [ComponentStatus.UnderMaintenance, ComponentStatus.MajorOutage],
            history.Select(h => h.NewStatus));
    }

    [Fact]
    public async Task The_page_shows_every_occurrence_of_a_recurring_window_within_the_horizon()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, configure: o => o.ReminderLeadTime = TimeSpan.Zero);
        var (page, component) = await host.CreatePageAsync();
        await host.Maintenance.CreateAsync(
            Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2)) with { Recurrence = "0 10 * * *", TimeZoneId = "UTC" });
        var snapshot = await host.Services.GetRequiredService<IStatusPageReader>().GetSnapshotAsync(page.Id, CancellationToken.None);
        Assert.NotNull(snapshot);
        Assert.Equal(
            Enumerable.Range(0, 7).Select(d => T0.AddDays(d).AddHours(1)),
            snapshot.UpcomingMaintenance.Select(o => o.StartsAt));
        Assert.All(snapshot.UpcomingMaintenance, o => Assert.Equal(TimeSpan.FromHours(1), o.EndsAt - o.StartsAt));
    }

    [Fact]
    public async Task A_transitions_notice_is_stored_with_the_transition_not_after_it()
    {
        // An outbox that refuses separate writes stands for a host that dies between a transition and its notice.
        var time = new ManualTimeProvider(T0);
        var (store, control) = InterceptingStatusStore.Wrap(new InMemoryStatusStore());
        await using var host = await MaintenanceHost.StartAsync(time, store, configure: o => o.ReminderLeadTime = TimeSpan.Zero, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var window = await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2)));
        control.Before = (method, _) => method == nameof(IStatusStore.EnqueueNotificationsAsync)
            ? throw new InvalidOperationException("a separate outbox write")
            : null;

        time.SetUtcNow(T0.AddHours(1));
        await host.Port.RunDueTransitionsAsync(CancellationToken.None);
        time.SetUtcNow(T0.AddHours(2));
        await host.Port.RunDueTransitionsAsync(CancellationToken.None);

        Assert.Equal(MaintenanceState.Completed, (await host.Maintenance.GetAsync(window.Id))!.State);
        Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceStarted));
        Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceCompleted));
        Assert.Equal(0, control.Calls(nameof(IStatusStore.EnqueueNotificationsAsync)));
    }
}
