using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StatusKit.Abstractions;
using StatusKit.Engine;
using StatusKit.InMemory;
using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Services;
using StatusKit.Status;
using StatusKit.Testing;
using StatusKit.TestSupport.Fakes;
using static StatusKit.Testing.MaintenanceSchedulerContractTests;

namespace StatusKit.Tests.Maintenance;

/// <summary>MaintenanceService: validation naming each field with nothing stored, and the operator's verbs.</summary>
public sealed class MaintenanceServiceTests
{
    private static readonly DateTimeOffset T0 = TestData.T0;

    public static TheoryData<string, Func<CreateMaintenanceWindow, CreateMaintenanceWindow>> InvalidRequests => new()
    {
        { "title", r => r with { Title = " " } },
        { "endsAt", r => r with { EndsAt = r.StartsAt } },
        { "endsAt", r => r with { StartsAt = T0.AddHours(-3), EndsAt = T0.AddHours(-2) } },
        { "timeZoneId", r => r with { TimeZoneId = "Mars/Olympus_Mons" } },
        { "recurrence", r => r with { Recurrence = "FREQ=SOMETIMES" } },
        { "recurrence", r => r with { Recurrence = "61 * * * *" } },
        { "recurrence", r => r with { EndsAt = r.StartsAt.AddHours(2), Recurrence = "FREQ=HOURLY" } },
        { "recurrence", r => r with { Recurrence = "*/30 * * * *" } },
        { "componentIds", r => r with { ComponentIds = [Guid.NewGuid()] } },
        { "pageId", r => r with { PageId = Guid.NewGuid() } },
        { "startsAt", r => r with { StartsAt = DateTimeOffset.MinValue } },
        { "endsAt", r => r with { EndsAt = DateTimeOffset.MaxValue } },
        { "startsAt", r => r with { StartsAt = new DateTimeOffset(9999, 12, 31, 20, 0, 0, TimeSpan.Zero), EndsAt = new DateTimeOffset(9999, 12, 31, 21, 0, 0, TimeSpan.Zero), Recurrence = "FREQ=DAILY" } },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task Create_rejects_bad_input_naming_the_field_and_stores_nothing(string field, Func<CreateMaintenanceWindow, CreateMaintenanceWindow> spoil)
    {
        await using var host = await MaintenanceHost.StartAsync(new ManualTimeProvider(T0), runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var request = spoil(Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2)));

        var error = await Assert.ThrowsAnyAsync<StatusKitException>(() => host.Maintenance.CreateAsync(request));
        Assert.Equal(field, error.Field);
        Assert.Empty(await host.Maintenance.ListAsync(page.Id));
    }

    [Fact]
    public async Task Recurrence_errors_carry_the_parsers_message_and_overlaps_say_so()
    {
        await using var host = await MaintenanceHost.StartAsync(new ManualTimeProvider(T0), runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var request = Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(3));
        var unknown = await Assert.ThrowsAsync<StatusKitValidationException>(() => host.Maintenance.CreateAsync(request with { Recurrence = "FREQ=WEEKLY;BYDAY=XX" }));
        Assert.Contains("XX", unknown.Message, StringComparison.Ordinal);
        var overlap = await Assert.ThrowsAsync<StatusKitValidationException>(() => host.Maintenance.CreateAsync(request with { Recurrence = "FREQ=HOURLY;INTERVAL=1" }));
        Assert.Contains("overlap", overlap.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FREQ=MONTHLY;BYDAY=1MO,-1SU", "UTC", 48 * 60)] // 31 May - 1 Jun 2026, the 10th and 11th occurrences
    [InlineData("FREQ=DAILY", "Europe/Berlin", (23 * 60) + 30)] // 28 - 29 Mar 2026, 23 hours across the spring-forward night
    [InlineData("FREQ=WEEKLY;BYDAY=SU;BYHOUR=1,4;BYMINUTE=0;BYSECOND=0", "Europe/Berlin", 150)] // 01:00 and 04:00 on 29 Mar 2026, 2 hours apart
    public async Task CreateAsync_OccurrencesThatComeCloserAfterTheFirstTen_RefusesTheRecurrence(string recurrence, string zone, int minutes)
    {
        await using var host = await MaintenanceHost.StartAsync(new ManualTimeProvider(T0), runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var request = Window(page.Id, component.Id, T0, T0.AddMinutes(minutes)) with { Recurrence = recurrence, TimeZoneId = zone };

        var error = await Assert.ThrowsAsync<StatusKitValidationException>(() => host.Maintenance.CreateAsync(request));

        Assert.Equal("recurrence", error.Field);
        Assert.Contains("overlap", error.Message, StringComparison.Ordinal);
        Assert.Empty(await host.Maintenance.ListAsync(page.Id));
    }

    [Fact]
    public async Task Create_accepts_an_rrule_or_a_cron_expression_and_starts_at_the_first_occurrence_still_to_come()
    {
        await using var host = await MaintenanceHost.StartAsync(new ManualTimeProvider(T0), runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var cron = await host.Maintenance.CreateAsync(
            Window(page.Id, component.Id, T0.AddDays(-7).AddHours(-7), T0.AddDays(-7).AddHours(-6)) with { Recurrence = "0 2 * * 1" });
        Assert.Equal((T0.AddDays(7).AddHours(-7), T0.AddDays(7).AddHours(-6)), (cron.OccurrenceStartsAt, cron.OccurrenceEndsAt));

        var rule = await host.Maintenance.CreateAsync(
            Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2)) with { Recurrence = "FREQ=DAILY;COUNT=3", TimeZoneId = "America/New_York" });
        Assert.Equal((MaintenanceState.Scheduled, T0.AddHours(1)), (rule.State, rule.OccurrenceStartsAt));
        Assert.Equal(2, (await host.Maintenance.ListAsync(page.Id, MaintenanceState.Scheduled)).Count);
    }

    [Fact]
    public async Task A_window_lasting_millennia_is_scheduled_and_moving_its_start_past_the_last_end_names_endsAt()
    {
        await using var host = await MaintenanceHost.StartAsync(new ManualTimeProvider(T0), runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var endsAt = new DateTimeOffset(8999, 12, 1, 11, 0, 0, TimeSpan.Zero);

        var window = await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(1), endsAt));
        var error = await Assert.ThrowsAsync<StatusKitValidationException>(
            () => host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { StartsAt = T0.AddYears(2_000) }));

        Assert.Equal((MaintenanceState.Scheduled, T0.AddHours(1), endsAt), (window.State, window.OccurrenceStartsAt, window.OccurrenceEndsAt));
        Assert.Equal("endsAt", error.Field);
        Assert.Equal(endsAt, (await host.Maintenance.GetAsync(window.Id))!.EndsAt);
    }

    [Fact]
    public async Task A_time_zone_in_another_case_is_stored_as_the_zones_own_id_and_naming_the_same_zone_again_reschedules_nothing()
    {
        await using var host = await MaintenanceHost.StartAsync(new ManualTimeProvider(T0), runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var window = await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2)) with { TimeZoneId = "europe/berlin" });
        await host.Maintenance.StartNowAsync(window.Id);

        var renamed = await host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { TimeZoneId = "EUROPE/BERLIN", Title = "Renamed" });

        Assert.Equal("Europe/Berlin", window.TimeZoneId);
        Assert.Equal(("Europe/Berlin", "Renamed", MaintenanceState.InProgress), (renamed.TimeZoneId, renamed.Title, renamed.State));
    }

    [Fact]
    public async Task StartNow_of_a_window_whose_occurrence_already_ended_is_a_conflict_on_state_and_leaves_it_to_the_scheduler()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var window = await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2)));
        time.SetUtcNow(T0.AddHours(3));

        var refused = await Assert.ThrowsAsync<StatusKitConflictException>(() => host.Maintenance.StartNowAsync(window.Id));

        Assert.Equal(("state", "The window's current occurrence already ended; the scheduler records it as missed."), (refused.Field, refused.Message));
        var stored = (await host.Maintenance.GetAsync(window.Id))!;
        Assert.Equal((MaintenanceState.Scheduled, window.Version), (stored.State, stored.Version));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Update_that_changes_nothing_writes_nothing_and_keeps_the_version_other_editors_hold(bool inProgress)
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var window = await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2)));
        if (inProgress)
        {
            window = await host.Maintenance.StartNowAsync(window.Id);
        }

        time.Advance(TimeSpan.FromMinutes(5));

        var same = await host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow
        {
            Title = window.Title, EndsAt = window.EndsAt, ComponentIds = [component.Id], ExpectedVersion = window.Version,
        });

        Assert.Equal((window.Version, window.UpdatedAt), (same.Version, same.UpdatedAt));
        var stored = (await host.Maintenance.GetAsync(window.Id))!;
        Assert.Equal((window.Version, window.UpdatedAt), (stored.Version, stored.UpdatedAt));
    }

    [Fact]
    public async Task Update_validates_by_state_and_changes_nothing_on_bad_input()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var window = await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2)));
        var bad = await Assert.ThrowsAsync<StatusKitValidationException>(() => host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { EndsAt = T0 }));
        Assert.Equal("endsAt", bad.Field);

        await host.Maintenance.StartNowAsync(window.Id);
        var started = (await host.Maintenance.GetAsync(window.Id))!;
        Assert.Equal((MaintenanceState.InProgress, T0), (started.State, started.OccurrenceStartsAt));
        Assert.Equal(ComponentStatus.UnderMaintenance, await host.StatusOfAsync(component.Id));
        Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceStarted));

        time.SetUtcNow(T0.AddMinutes(30));
        var moveStart = await Assert.ThrowsAsync<StatusKitValidationException>(() => host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { StartsAt = T0.AddHours(3) }));
        Assert.Equal("startsAt", moveStart.Field);
        var endInPast = await Assert.ThrowsAsync<StatusKitValidationException>(() => host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { EndsAt = T0.AddMinutes(10) }));
        Assert.Equal("endsAt", endInPast.Field);
        Assert.Equal(started.Version, (await host.Maintenance.GetAsync(window.Id))!.Version);

        var completed = await host.Maintenance.CompleteNowAsync(window.Id);
        Assert.Equal((MaintenanceState.Completed, T0.AddMinutes(30)), (completed.State, completed.EndsAt));
        Assert.Equal(ComponentStatus.Operational, await host.StatusOfAsync(component.Id));
        Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceCompleted));
        var state = await Assert.ThrowsAsync<StatusKitConflictException>(() => host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { Title = "Later" }));
        Assert.Equal("state", state.Field);
        var cancel = await Assert.ThrowsAsync<StatusKitConflictException>(() => host.Maintenance.CancelAsync(window.Id));
        Assert.Equal(("state", "The window is completed; only a window that is scheduled or in progress can be cancelled."), (cancel.Field, cancel.Message));
        var start = await Assert.ThrowsAsync<StatusKitConflictException>(() => host.Maintenance.StartNowAsync(window.Id));
        Assert.Equal("The window is completed; only a window that is scheduled can be started.", start.Message);
    }

    [Fact]
    public async Task CompleteNow_of_a_recurring_occurrence_started_early_moves_on_and_never_runs_that_occurrence_again()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var window = await host.Maintenance.CreateAsync(
            Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2)) with { Recurrence = "FREQ=DAILY" });
        await host.Maintenance.StartNowAsync(window.Id);
        time.SetUtcNow(T0.AddMinutes(30));

        var completed = await host.Maintenance.CompleteNowAsync(window.Id);
        time.SetUtcNow(T0.AddHours(1));
        await host.Scheduler.RunDueTransitionsAsync(CancellationToken.None);
        await host.SettleAsync();

        Assert.Equal((MaintenanceState.Scheduled, T0.AddDays(1).AddHours(1)), (completed.State, completed.OccurrenceStartsAt));
        Assert.Equal(ComponentStatus.Operational, await host.StatusOfAsync(component.Id));
        Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceStarted));
    }

    [Fact]
    public async Task Update_moves_the_end_of_a_recurring_occurrence_started_early_up_to_the_next_occurrence()
    {
        await using var host = await MaintenanceHost.StartAsync(new ManualTimeProvider(T0), runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var window = await host.Maintenance.CreateAsync(
            Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2)) with { Recurrence = "FREQ=DAILY" });
        await host.Maintenance.StartNowAsync(window.Id);

        var extended = await host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { EndsAt = T0.AddHours(2).AddMinutes(30) });
        var intoTomorrow = await Assert.ThrowsAsync<StatusKitValidationException>(
            () => host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { EndsAt = T0.AddDays(1).AddHours(1).AddMinutes(1) }));

        Assert.Equal(T0.AddHours(2).AddMinutes(30), extended.OccurrenceEndsAt);
        Assert.Equal("endsAt", intoTomorrow.Field);
    }

    [Fact]
    public async Task Update_refuses_to_bring_back_an_occurrence_the_one_in_progress_was_extended_into()
    {
        await using var host = await MaintenanceHost.StartAsync(new ManualTimeProvider(T0), runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var tomorrow = T0.AddDays(1).AddHours(1);
        var window = await host.Maintenance.CreateAsync(
            Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2)) with { Recurrence = "FREQ=DAILY", ExcludedOccurrences = [tomorrow.DateTime] });
        await host.Maintenance.StartNowAsync(window.Id);
        // Allowed: tomorrow's occurrence is excluded, so the next one starts the day after.
        var extended = await host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { EndsAt = tomorrow.AddHours(2) });

        var refused = await Assert.ThrowsAsync<StatusKitValidationException>(
            () => host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { ExcludedOccurrences = [] }));

        Assert.Equal("excludedOccurrences", refused.Field);
        var stored = (await host.Maintenance.GetAsync(window.Id))!;
        Assert.Equal(extended.Version, stored.Version);
        Assert.Equal([tomorrow.DateTime], stored.ExcludedOccurrences);
    }

    [Fact]
    public async Task Cancel_or_delete_in_progress_gives_the_components_back()
    {
        await using var host = await MaintenanceHost.StartAsync(new ManualTimeProvider(T0), runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var first = await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2)));
        var second = await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2)));
        await host.Maintenance.StartNowAsync(first.Id);
        Assert.Equal([first.Id], (await host.Maintenance.ListActiveForComponentAsync(component.Id)).Select(w => w.Id));

        var cancelled = await host.Maintenance.CancelAsync(first.Id);
        Assert.Equal(MaintenanceState.Cancelled, cancelled.State);
        Assert.Equal(cancelled.Version, (await host.Maintenance.CancelAsync(first.Id)).Version);
        Assert.Equal(ComponentStatus.Operational, await host.StatusOfAsync(component.Id));

        await host.Maintenance.StartNowAsync(second.Id);
        Assert.Equal(ComponentStatus.UnderMaintenance, await host.StatusOfAsync(component.Id));
        Assert.True(await host.Maintenance.DeleteAsync(second.Id));
        Assert.False(await host.Maintenance.DeleteAsync(second.Id));
        Assert.Equal(ComponentStatus.Operational, await host.StatusOfAsync(component.Id));
        Assert.Empty(await host.Maintenance.ListActiveForComponentAsync(component.Id));
    }

    [Fact]
    public async Task Cancelling_a_window_in_progress_tells_subscribers_it_ended_when_it_was_cancelled()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var window = await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(3)));
        time.SetUtcNow(T0.AddHours(1));
        await host.Scheduler.RunDueTransitionsAsync(CancellationToken.None);
        time.SetUtcNow(T0.AddMinutes(90));

        await host.Maintenance.CancelAsync(window.Id);

        var notice = Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceCompleted));
        Assert.EndsWith(PageClock.Range(T0.AddHours(1), T0.AddMinutes(90), page.TimeZoneId), notice.Content.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_a_window_in_progress_tells_subscribers_it_ended_when_it_was_deleted_in_the_same_write_as_the_delete()
    {
        // An outbox that refuses separate writes stands for a host that dies between the delete and its notice.
        var time = new ManualTimeProvider(T0);
        var (store, control) = InterceptingStatusStore.Wrap(new InMemoryStatusStore());
        await using var host = await MaintenanceHost.StartAsync(time, store, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var window = await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(3)));
        var scheduled = await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(5), T0.AddHours(6)));
        time.SetUtcNow(T0.AddHours(1));
        await host.Scheduler.RunDueTransitionsAsync(CancellationToken.None);
        time.SetUtcNow(T0.AddMinutes(90));
        control.Before = (method, _) => method == nameof(IStatusStore.EnqueueNotificationsAsync)
            ? throw new InvalidOperationException("a separate outbox write")
            : null;

        Assert.True(await host.Maintenance.DeleteAsync(window.Id));
        Assert.True(await host.Maintenance.DeleteAsync(scheduled.Id));

        var notice = Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceCompleted));
        Assert.Equal(window.Id, notice.Content.MaintenanceWindowId);
        Assert.True(notice.Content.MaintenanceWindowDeleted); // its page is gone when it goes out
        Assert.EndsWith(PageClock.Range(T0.AddHours(1), T0.AddMinutes(90), page.TimeZoneId), notice.Content.Body, StringComparison.Ordinal);
        Assert.Equal(0, control.Calls(nameof(IStatusStore.EnqueueNotificationsAsync)));
    }

    [Fact]
    public async Task Cancelling_a_scheduled_window_whose_reminder_went_out_tells_the_subscribers_who_got_the_reminder_that_it_is_cancelled()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var web = await host.Services.GetRequiredService<ComponentService>().CreateAsync(new CreateComponent { PageId = page.Id, Name = "Web" });
        var maintenanceOfTheApiOnly = TestData.Subscriber(page.Id) with { ComponentIds = [component.Id], NotifyOn = NotificationEvents.Maintenance };
        var webOnly = TestData.Subscriber(page.Id) with { ComponentIds = [web.Id], NotifyOn = NotificationEvents.All };
        await host.Store.AddSubscriberAsync(maintenanceOfTheApiOnly, [], CancellationToken.None);
        await host.Store.AddSubscriberAsync(webOnly, [], CancellationToken.None);
        var window = await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2)));
        await host.Scheduler.RunDueTransitionsAsync(CancellationToken.None); // the reminder, due at once
        var reminders = await host.NoticesAsync(page.Id, NotificationKind.MaintenanceReminder);
        time.SetUtcNow(T0.AddMinutes(20));

        await host.Maintenance.CancelAsync(window.Id);

        var notices = await host.NoticesAsync(page.Id, NotificationKind.MaintenanceCancelled);
        Assert.Equal(reminders.Select(r => r.SubscriberId).Order(), notices.Select(n => n.SubscriberId).Order());
        Assert.DoesNotContain(notices, n => n.SubscriberId == webOnly.Id);
        var notice = notices[0];
        Assert.Equal(window.Id, notice.Content.MaintenanceWindowId);
        Assert.False(notice.Content.MaintenanceWindowDeleted); // a cancelled window keeps its page
        Assert.Equal($"[{page.Name}] Maintenance cancelled: {window.Title}", notice.Content.Subject);
        Assert.EndsWith(PageClock.Range(T0.AddHours(1), T0.AddHours(2), page.TimeZoneId), notice.Content.Body, StringComparison.Ordinal);
        Assert.StartsWith($"maintenance|{window.Id:N}|{T0.AddHours(1).UtcTicks}|cancelled|", notice.DeduplicationKey, StringComparison.Ordinal);
        Assert.Equal(T0.AddMinutes(20), notice.Content.OccurredAt);
    }

    [Fact]
    public async Task Deleting_a_scheduled_window_whose_reminder_went_out_tells_subscribers_it_is_cancelled_in_the_same_write_as_the_delete()
    {
        // An outbox that refuses separate writes stands for a host that dies between the delete and its notice.
        var time = new ManualTimeProvider(T0);
        var (store, control) = InterceptingStatusStore.Wrap(new InMemoryStatusStore());
        await using var host = await MaintenanceHost.StartAsync(time, store, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var window = await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2)));
        await host.Scheduler.RunDueTransitionsAsync(CancellationToken.None);
        control.Before = (method, _) => method == nameof(IStatusStore.EnqueueNotificationsAsync)
            ? throw new InvalidOperationException("a separate outbox write")
            : null;

        Assert.True(await host.Maintenance.DeleteAsync(window.Id));

        var notice = Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceCancelled));
        Assert.Equal(window.Id, notice.Content.MaintenanceWindowId);
        Assert.True(notice.Content.MaintenanceWindowDeleted); // its page is gone when it goes out
        Assert.EndsWith(PageClock.Range(T0.AddHours(1), T0.AddHours(2), page.TimeZoneId), notice.Content.Body, StringComparison.Ordinal);
        Assert.Equal(0, control.Calls(nameof(IStatusStore.EnqueueNotificationsAsync)));
    }

    [Fact]
    public async Task Cancelling_or_deleting_a_scheduled_window_nobody_was_told_of_tells_nobody()
    {
        var time = new ManualTimeProvider(T0);
        // Not announced when scheduled either: nobody heard of these windows.
        await using var host = await MaintenanceHost.StartAsync(time, configure: o => o.NotifyWhenScheduled = false, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var cancelled = await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(5), T0.AddHours(6)));
        var deleted = await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(5), T0.AddHours(6)));
        var silent = await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2)) with { NotifySubscribers = false });
        await host.Scheduler.RunDueTransitionsAsync(CancellationToken.None);

        await host.Maintenance.CancelAsync(cancelled.Id);
        Assert.True(await host.Maintenance.DeleteAsync(deleted.Id));
        await host.Maintenance.CancelAsync(silent.Id);

        Assert.Empty(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceReminder));
        Assert.Empty(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceCancelled));
    }

    [Fact]
    public async Task Cancelling_a_recurring_window_announces_its_next_occurrence_only_once_that_occurrence_was_reminded_of()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var early = await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2)) with { Recurrence = "FREQ=DAILY" });
        var late = await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2)) with { Recurrence = "FREQ=DAILY" });
        foreach (var at in new[] { T0, T0.AddHours(1), T0.AddHours(2) }) // the first occurrence: reminded, started, ended
        {
            time.SetUtcNow(at);
            await host.Scheduler.RunDueTransitionsAsync(CancellationToken.None);
        }

        await host.Maintenance.CancelAsync(early.Id); // the next occurrence, tomorrow, was not reminded of yet
        Assert.Empty(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceCancelled));

        time.SetUtcNow(T0.AddHours(24));
        await host.Scheduler.RunDueTransitionsAsync(CancellationToken.None); // the reminder of tomorrow's occurrence
        await host.Maintenance.CancelAsync(late.Id);

        var notice = Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceCancelled));
        Assert.Equal(late.Id, notice.Content.MaintenanceWindowId);
        Assert.EndsWith(PageClock.Range(T0.AddHours(25), T0.AddHours(26), page.TimeZoneId), notice.Content.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_a_window_that_starts_between_its_read_and_its_delete_settles_it_as_the_window_in_progress_it_was()
    {
        var time = new ManualTimeProvider(T0);
        var (store, control) = InterceptingStatusStore.Wrap(new InMemoryStatusStore());
        await using var host = await MaintenanceHost.StartAsync(time, store, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var window = await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(3)));
        time.SetUtcNow(T0.AddHours(1));
        var ran = 0;
        control.Before = (method, _) => method == nameof(IStatusStore.DeleteMaintenanceWindowAsync) && Interlocked.Exchange(ref ran, 1) == 0
            ? host.Scheduler.RunDueTransitionsAsync(CancellationToken.None)
            : null;

        Assert.True(await host.Maintenance.DeleteAsync(window.Id));

        Assert.Null(await host.Maintenance.GetAsync(window.Id));
        Assert.Equal(ComponentStatus.Operational, await host.StatusOfAsync(component.Id));
        Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceStarted));
        Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceCompleted));
    }

    [Fact]
    public async Task Deleting_a_window_in_progress_returns_its_components_to_their_computed_status_and_refreshes_the_page()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, runLoop: false);
        var (page, api) = await host.CreatePageAsync();
        var web = await host.Services.GetRequiredService<ComponentService>().CreateAsync(new CreateComponent { PageId = page.Id, Name = "Web" });
        var both = await host.Maintenance.CreateAsync(Window(page.Id, api.Id, T0.AddHours(1), T0.AddHours(3)) with { ComponentIds = [api.Id, web.Id] });
        var webOnly = await host.Maintenance.CreateAsync(Window(page.Id, web.Id, T0.AddHours(1), T0.AddHours(3)));
        time.SetUtcNow(T0.AddHours(1));
        await host.Scheduler.RunDueTransitionsAsync(CancellationToken.None);
        var reader = host.Services.GetRequiredService<IStatusPageReader>();
        Assert.Equal(2, (await reader.GetSnapshotAsync(page.Id, CancellationToken.None))!.ActiveMaintenance.Count);
        time.SetUtcNow(T0.AddMinutes(90));

        await host.Maintenance.DeleteAsync(both.Id);

        Assert.Equal(ComponentStatus.Operational, await host.StatusOfAsync(api.Id));
        Assert.Equal(ComponentStatus.UnderMaintenance, await host.StatusOfAsync(web.Id));
        Assert.Equal(
            [(ComponentStatus.UnderMaintenance, T0.AddHours(1)), (ComponentStatus.Operational, T0.AddMinutes(90))],
            (await host.HistoryAsync(page.Id, api.Id)).Select(h => (h.NewStatus, h.At)));
        var snapshot = (await reader.GetSnapshotAsync(page.Id, CancellationToken.None))!;
        Assert.Equal([webOnly.Id], snapshot.ActiveMaintenance.Select(o => o.WindowId));
        Assert.Equal(
            [(api.Id, ComponentStatus.Operational), (web.Id, ComponentStatus.UnderMaintenance)],
            snapshot.Components.Select(c => (c.Id, c.Status)).OrderBy(c => c.Id == web.Id));
    }

    [Fact]
    public async Task IsActiveAt_follows_the_occurrences_of_a_recurring_window()
    {
        await using var host = await MaintenanceHost.StartAsync(new ManualTimeProvider(T0), runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var window = await host.Maintenance.CreateAsync(
            Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2)) with { Recurrence = "FREQ=WEEKLY;COUNT=3" });

        Assert.False(MaintenanceService.IsActiveAt(window, T0));
        Assert.True(MaintenanceService.IsActiveAt(window, T0.AddHours(1)));
        Assert.False(MaintenanceService.IsActiveAt(window, T0.AddHours(2)));
        Assert.True(MaintenanceService.IsActiveAt(window, T0.AddDays(14).AddMinutes(90)));
        Assert.False(MaintenanceService.IsActiveAt(window, T0.AddDays(21).AddMinutes(90)));
        Assert.False(MaintenanceService.IsActiveAt(window with { State = MaintenanceState.Cancelled }, T0.AddHours(1)));
    }

    [Fact]
    public void Options_are_validated_all_at_once()
    {
        var result = new MaintenanceOptionsValidator().Validate(null, new MaintenanceOptions
        {
            ReminderLeadTime = TimeSpan.FromMinutes(-1),
            TransitionRetryAttempts = 0,
            TransitionRetryBaseDelay = TimeSpan.Zero,
        });
        Assert.True(result.Failed);
        Assert.Equal(3, result.Failures!.Count());
        Assert.True(new MaintenanceOptionsValidator().Validate(null, new MaintenanceOptions()).Succeeded);
    }

    [Fact]
    public async Task Registration_is_idempotent_and_a_host_scheduler_registered_first_wins()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddStatusPages();
        services.AddStatusPages();
        await using var provider = services.BuildServiceProvider();
        var scheduler = provider.GetRequiredService<MaintenanceScheduler>();
        Assert.Same(scheduler, provider.GetRequiredService<IMaintenanceScheduler>());
        var once = new ServiceCollection().AddLogging();
        once.AddStatusPages();
        Assert.Equal(once.Count(d => d.ServiceType == typeof(IHostedService)), services.Count(d => d.ServiceType == typeof(IHostedService)));
        Assert.Equal(once.Count, services.Count);
        Assert.Equal(TimeSpan.FromMinutes(60), provider.GetRequiredService<IOptions<MaintenanceOptions>>().Value.ReminderLeadTime);

        var custom = new ServiceCollection().AddLogging();
        custom.AddSingleton<IMaintenanceScheduler, ExternalScheduler>();
        custom.AddStatusPages();
        await using var customProvider = custom.BuildServiceProvider();
        Assert.IsType<ExternalScheduler>(customProvider.GetRequiredService<IMaintenanceScheduler>());
        Assert.NotNull(customProvider.GetRequiredService<MaintenanceService>());
        var idle = customProvider.GetRequiredService<MaintenanceScheduler>();
        await idle.StartAsync(CancellationToken.None);
        await idle.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(20)); // the default loop returns at once when the host backs the port
        await idle.StopAsync(CancellationToken.None);
    }

    private sealed class ExternalScheduler : IMaintenanceScheduler
    {
        public ValueTask WindowChangedAsync(Guid windowId, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public Task<int> RunDueTransitionsAsync(CancellationToken cancellationToken) => Task.FromResult(0);
    }
}
