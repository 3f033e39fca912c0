using Microsoft.Extensions.DependencyInjection;
using StatusKit.Engine;
using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Status;
using StatusKit.Testing;
using static StatusKit.Testing.MaintenanceSchedulerContractTests;

namespace StatusKit.Tests.Maintenance;

/// <summary>
/// Excluded occurrences (RFC 5545 EXDATE): a recurring window skips them in its current occurrence, in the scheduler's
/// transitions and reminders, and on the page, and an operator's list of them is validated naming
/// <c>excludedOccurrences</c>.
/// </summary>
public sealed class MaintenanceExclusionTests
{
    private static readonly DateTimeOffset T0 = TestData.T0; // Monday 5 January 2026, 09:00 UTC

    public static TheoryData<string, Func<CreateMaintenanceWindow, CreateMaintenanceWindow>> InvalidExclusions => new()
    {
        { "listed twice", r => r with { ExcludedOccurrences = [Day(6), Day(7), Day(6)] } },
        { "At most 100", r => r with { ExcludedOccurrences = [.. Enumerable.Range(0, 101).Select(d => Day(6).AddDays(d))] } },
        { "without an offset", r => r with { ExcludedOccurrences = [DateTime.SpecifyKind(Day(6), DateTimeKind.Utc)] } },
        { "without an offset", r => r with { ExcludedOccurrences = [DateTime.SpecifyKind(Day(6), DateTimeKind.Local)] } },
        { "whole seconds", r => r with { ExcludedOccurrences = [Day(6).AddMilliseconds(500)] } },
        { "Only a recurring window", r => r with { Recurrence = null, ExcludedOccurrences = [Day(5)] } },
        { "Every occurrence", r => r with { Recurrence = "FREQ=DAILY;COUNT=2", ExcludedOccurrences = [Day(5), Day(6)] } },
    };

    [Fact]
    public async Task CreateAsync_ExcludingTheFirstOccurrence_StartsAtTheOneAfterIt()
    {
        await using var host = await MaintenanceHost.StartAsync(new ManualTimeProvider(T0), runLoop: false);
        var (page, component) = await host.CreatePageAsync();

        var window = await host.Maintenance.CreateAsync(Daily(page.Id, component.Id, Day(5)));

        Assert.Equal((T0.AddDays(1).AddHours(1), T0.AddDays(1).AddHours(2)), (window.OccurrenceStartsAt, window.OccurrenceEndsAt));
        Assert.Equal([Day(5)], (await host.Maintenance.GetAsync(window.Id))!.ExcludedOccurrences);
    }

    [Fact]
    public async Task CreateAsync_ExclusionsInAnyOrder_AreStoredAscending_AndOneMatchingNoOccurrenceChangesNothing()
    {
        await using var host = await MaintenanceHost.StartAsync(new ManualTimeProvider(T0), runLoop: false);
        var (page, component) = await host.CreatePageAsync();

        var window = await host.Maintenance.CreateAsync(Daily(page.Id, component.Id, Day(9), Day(5, hour: 11), Day(7)));

        Assert.Equal([Day(5, hour: 11), Day(7), Day(9)], window.ExcludedOccurrences);
        Assert.Equal(T0.AddHours(1), window.OccurrenceStartsAt);
    }

    [Theory]
    [MemberData(nameof(InvalidExclusions))]
    public async Task CreateAsync_BadExclusions_AreRefusedNamingTheField_AndStoreNothing(string message, Func<CreateMaintenanceWindow, CreateMaintenanceWindow> spoil)
    {
        await using var host = await MaintenanceHost.StartAsync(new ManualTimeProvider(T0), runLoop: false);
        var (page, component) = await host.CreatePageAsync();

        var error = await Assert.ThrowsAsync<StatusKitValidationException>(() => host.Maintenance.CreateAsync(spoil(Daily(page.Id, component.Id))));

        Assert.Equal("excludedOccurrences", error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(await host.Maintenance.ListAsync(page.Id));
    }

    [Fact]
    public async Task Scheduler_ExcludedOccurrence_GetsNoReminderNoStartAndNoMaintenanceStatus()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, configure: o => o.ReminderLeadTime = TimeSpan.FromMinutes(30));
        var (page, component) = await host.CreatePageAsync();
        var window = await host.Maintenance.CreateAsync(Daily(page.Id, component.Id, Day(6)));
        await host.SettleAsync();

        await host.RunUntilAsync(T0.AddDays(1).AddMinutes(90)); // Tuesday 10:30, inside the excluded occurrence

        Assert.Equal(ComponentStatus.Operational, await host.StatusOfAsync(component.Id));
        var skipped = (await host.Maintenance.GetAsync(window.Id))!;
        Assert.Equal((MaintenanceState.Scheduled, T0.AddDays(2).AddHours(1)), (skipped.State, skipped.OccurrenceStartsAt));
        Assert.Equal([T0.AddHours(1)], (await host.NoticesAsync(page.Id, NotificationKind.MaintenanceStarted)).Select(StartOf));
        Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceReminder));

        await host.RunUntilAsync(T0.AddDays(2).AddMinutes(90)); // Wednesday 10:30

        Assert.Equal(ComponentStatus.UnderMaintenance, await host.StatusOfAsync(component.Id));
        Assert.Equal(2, (await host.NoticesAsync(page.Id, NotificationKind.MaintenanceReminder)).Count);
        Assert.Equal(
            [T0.AddHours(1), T0.AddDays(2).AddHours(1)],
            (await host.NoticesAsync(page.Id, NotificationKind.MaintenanceStarted)).Select(StartOf).Order());
    }

    [Fact]
    public async Task Scheduler_AReminderLeadLongerThanTheGap_RemindsEachOccurrenceOnce_ByItsReminderOrThePreviousCompletion_AndNeverTheExcludedOne()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, configure: o => o.ReminderLeadTime = TimeSpan.FromHours(30));
        var (page, component) = await host.CreatePageAsync();
        var window = await host.Maintenance.CreateAsync(Daily(page.Id, component.Id, Day(7)));
        await host.SettleAsync(); // the scheduler has planned the window: Monday's reminder is due at once

        await host.RunUntilAsync(T0.AddDays(1).AddHours(12)); // Tuesday 21:00: Wednesday (excluded) and Thursday are within the lead
        await host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { ExcludedOccurrences = [Day(7), Day(9)] }); // and Friday
        await host.RunUntilAsync(T0.AddDays(5).AddHours(3));

        // Each occurrence is reminded once: by its own reminder, or by the completed notice of the occurrence before it
        // when its reminder would be due by that one's end (Tuesday after Monday, Sunday after Saturday), which names it.
        var reminded = (await host.NoticesAsync(page.Id, NotificationKind.MaintenanceReminder)).Select(StartOf).ToList();
        Assert.Equal(new[] { 0, 3, 5 }.Select(d => T0.AddDays(d).AddHours(1)), reminded.Order());
        var namingTheNext = (await host.NoticesAsync(page.Id, NotificationKind.MaintenanceCompleted))
            .Select(n => n.Content.Body.Split("\n\nNext occurrence: ") is [_, var next] ? next : null)
            .OfType<string>()
            .Order(StringComparer.Ordinal);
        Assert.Equal(["2026-01-06 10:00 - 2026-01-06 11:00 UTC", "2026-01-11 10:00 - 2026-01-11 11:00 UTC"], namingTheNext);
        Assert.Equal(
            new[] { 0, 1, 3, 5 }.Select(d => T0.AddDays(d).AddHours(1)),
            (await host.NoticesAsync(page.Id, NotificationKind.MaintenanceStarted)).Select(StartOf).Order());
        var stored = (await host.Maintenance.GetAsync(window.Id))!;
        Assert.Equal(T0.AddDays(6).AddHours(1), stored.ReminderSentFor);
    }

    [Fact]
    public async Task PageSnapshot_UpcomingMaintenance_LeavesOutTheExcludedOccurrences()
    {
        await using var host = await MaintenanceHost.StartAsync(new ManualTimeProvider(T0), configure: o => o.ReminderLeadTime = TimeSpan.Zero);
        var (page, component) = await host.CreatePageAsync();
        await host.Maintenance.CreateAsync(Daily(page.Id, component.Id, Day(7), Day(10)));

        var snapshot = await host.Services.GetRequiredService<IStatusPageReader>().GetSnapshotAsync(page.Id, CancellationToken.None);

        Assert.Equal(
            new[] { 0, 1, 3, 4, 6 }.Select(d => T0.AddDays(d).AddHours(1)),
            snapshot!.UpcomingMaintenance.Select(o => o.StartsAt));
    }

    [Fact]
    public async Task IsActiveAt_DuringAnExcludedOccurrence_IsFalse()
    {
        await using var host = await MaintenanceHost.StartAsync(new ManualTimeProvider(T0), runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var window = await host.Maintenance.CreateAsync(Daily(page.Id, component.Id, Day(6)));

        Assert.True(MaintenanceService.IsActiveAt(window, T0.AddHours(1.5)));
        Assert.False(MaintenanceService.IsActiveAt(window, T0.AddDays(1).AddHours(1.5)));
        Assert.True(MaintenanceService.IsActiveAt(window, T0.AddDays(2).AddHours(1.5)));
    }

    [Fact]
    public async Task UpdateAsync_ExcludingTheOccurrenceSubscribersWereRemindedOf_MovesOnAndTellsThemItAloneIsCancelled()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, configure: o => o.ReminderLeadTime = TimeSpan.FromMinutes(30));
        var (page, component) = await host.CreatePageAsync();
        var window = await host.Maintenance.CreateAsync(Daily(page.Id, component.Id));
        await host.RunUntilAsync(T0.AddMinutes(40));
        Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceReminder));

        var updated = await host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { ExcludedOccurrences = [Day(5)] });
        await host.SettleAsync();

        Assert.Equal((MaintenanceState.Scheduled, T0.AddDays(1).AddHours(1)), (updated.State, updated.OccurrenceStartsAt));
        var cancelled = Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceCancelled));
        Assert.Equal(T0.AddHours(1), StartOf(cancelled));
        Assert.Contains("this occurrence", cancelled.Content.Body, StringComparison.Ordinal);
        Assert.Contains("later occurrences are still planned", cancelled.Content.Body, StringComparison.Ordinal);

        // An occurrence nobody was reminded of is excluded silently.
        await host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { ExcludedOccurrences = [Day(5), Day(8)] });
        await host.SettleAsync();
        Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceCancelled));
    }

    [Fact]
    public async Task UpdateAsync_BringingBackAnOccurrenceSubscribersWereToldIsCancelled_AnnouncesItAgain_AndItsReminderStillFires()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, configure: o => o.ReminderLeadTime = TimeSpan.FromMinutes(30));
        var (page, component) = await host.CreatePageAsync();
        var window = await host.Maintenance.CreateAsync(Daily(page.Id, component.Id)); // announced as scheduled
        await host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { ExcludedOccurrences = [Day(5)] });
        Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceCancelled));
        time.SetUtcNow(T0.AddMinutes(10));

        var back = await host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { ExcludedOccurrences = [] });
        await host.SettleAsync();

        Assert.Equal(T0.AddHours(1), back.OccurrenceStartsAt);
        var scheduled = await host.NoticesAsync(page.Id, NotificationKind.MaintenanceScheduled);
        var again = Assert.Single(scheduled, n => n.CreatedAt == T0.AddMinutes(10));
        Assert.Equal(T0.AddHours(1), again.Content.OccurrenceStartsAt);
        Assert.Contains("will take place after all", again.Content.Body, StringComparison.Ordinal);
        Assert.Equal(2, scheduled.Count); // the first announcement and this one

        await host.RunUntilAsync(T0.AddMinutes(40)); // its reminder, at 09:30 as usual
        var reminder = Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceReminder));
        Assert.Equal((T0.AddHours(1), T0.AddMinutes(30)), (reminder.Content.OccurrenceStartsAt!.Value, reminder.CreatedAt));
    }

    [Fact]
    public async Task UpdateAsync_BringingBackAnOccurrenceToldCancelled_AfterTheNextOnesReminderWentOut_SaysItIsBackOn_NotThatTheNextOneMoved()
    {
        // A reminder lead (30 h) longer than the gap between occurrences (a day): the next occurrence's reminder is due
        // before the one excluded would have started.
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, configure: o => o.ReminderLeadTime = TimeSpan.FromHours(30));
        var (page, component) = await host.CreatePageAsync();
        var window = await host.Maintenance.CreateAsync(Daily(page.Id, component.Id));
        await host.SettleAsync();
        await host.RunUntilAsync(T0.AddMinutes(5)); // Monday's reminder
        time.SetUtcNow(T0.AddMinutes(10));
        await host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { ExcludedOccurrences = [Day(5)] }); // Monday is off
        await host.RunUntilAsync(T0.AddMinutes(15)); // Tuesday's reminder, due since Monday 04:00
        Assert.Equal([T0.AddHours(1), T0.AddDays(1).AddHours(1)], (await host.NoticesAsync(page.Id, NotificationKind.MaintenanceReminder)).Select(StartOf).Order());
        time.SetUtcNow(T0.AddMinutes(20));

        await host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { ExcludedOccurrences = [] }); // Monday is back on
        await host.SettleAsync();

        Assert.Empty(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceRescheduled));
        var back = Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceScheduled));
        Assert.Equal(T0.AddHours(1), back.Content.OccurrenceStartsAt);
        Assert.Contains("will take place after all", back.Content.Body, StringComparison.Ordinal);

        // Monday runs; Tuesday, whose reminder went out, is neither reminded again nor forgotten: cancelling the window
        // after Monday's maintenance tells its subscribers Tuesday is off.
        await host.RunUntilAsync(T0.AddHours(3));
        Assert.Equal(2, (await host.NoticesAsync(page.Id, NotificationKind.MaintenanceReminder)).Count);
        await host.Maintenance.CancelAsync(window.Id);
        var cancelled = await host.NoticesAsync(page.Id, NotificationKind.MaintenanceCancelled);
        Assert.Equal([T0.AddHours(1), T0.AddDays(1).AddHours(1)], cancelled.Select(StartOf).Order());
    }

    [Fact]
    public async Task UpdateAsync_ExcludingAndBringingBackAnOccurrenceAgain_TellsSubscribersEachTime()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, configure: o => o.ReminderLeadTime = TimeSpan.FromMinutes(30));
        var (page, component) = await host.CreatePageAsync();
        var window = await host.Maintenance.CreateAsync(Daily(page.Id, component.Id));
        await host.RunUntilAsync(T0.AddMinutes(40));
        Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceReminder));

        foreach (var (minute, excluded) in new[] { (41, Day(5)), (42, (DateTime?)null), (43, Day(5)), (44, null) })
        {
            time.SetUtcNow(T0.AddMinutes(minute));
            await host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { ExcludedOccurrences = excluded is { } day ? [day] : [] });
        }

        await host.RunUntilAsync(T0.AddMinutes(70));
        Assert.Equal(2, (await host.NoticesAsync(page.Id, NotificationKind.MaintenanceCancelled)).Count);
        var scheduled = await host.NoticesAsync(page.Id, NotificationKind.MaintenanceScheduled);
        Assert.Equal([T0.AddMinutes(42), T0.AddMinutes(44)], scheduled.Where(n => n.CreatedAt > T0).Select(n => n.CreatedAt).Order());
        Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceReminder)); // the announcement within the lead time is the reminder
        Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceStarted));
    }

    [Fact]
    public async Task UpdateAsync_WindowInProgress_CanExcludeLaterOccurrences_ButNotTheOneInProgress()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, configure: o => o.ReminderLeadTime = TimeSpan.Zero);
        var (page, component) = await host.CreatePageAsync();
        var window = await host.Maintenance.CreateAsync(Daily(page.Id, component.Id));
        await host.RunUntilAsync(T0.AddMinutes(70));
        var running = (await host.Maintenance.GetAsync(window.Id))!;
        Assert.Equal(MaintenanceState.InProgress, running.State);

        var error = await Assert.ThrowsAsync<StatusKitValidationException>(
            () => host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { ExcludedOccurrences = [Day(5), Day(6)] }));
        Assert.Equal("excludedOccurrences", error.Field);
        Assert.Equal(running.Version, (await host.Maintenance.GetAsync(window.Id))!.Version);

        var updated = await host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { ExcludedOccurrences = [Day(6)] });
        Assert.Equal((MaintenanceState.InProgress, T0.AddHours(1)), (updated.State, updated.OccurrenceStartsAt));

        await host.RunUntilAsync(T0.AddHours(3));
        Assert.Equal(T0.AddDays(2).AddHours(1), (await host.Maintenance.GetAsync(window.Id))!.OccurrenceStartsAt);
    }

    [Fact]
    public async Task UpdateAsync_MakingTheWindowOneOff_DropsItsExclusions_UnlessTheRequestKeepsSome()
    {
        await using var host = await MaintenanceHost.StartAsync(new ManualTimeProvider(T0), runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var window = await host.Maintenance.CreateAsync(Daily(page.Id, component.Id, Day(7)));

        var refused = await Assert.ThrowsAsync<StatusKitValidationException>(
            () => host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { Recurrence = "", ExcludedOccurrences = [Day(7)] }));
        var oneOff = await host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { Recurrence = "" });

        Assert.Equal("excludedOccurrences", refused.Field);
        Assert.Equal((null, 0), (oneOff.Recurrence, oneOff.ExcludedOccurrences.Count));
    }

    [Fact]
    public async Task UpdateAsync_AnEmptyList_ClearsTheExclusions_AndBringsTheOccurrenceBack()
    {
        await using var host = await MaintenanceHost.StartAsync(new ManualTimeProvider(T0), runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var window = await host.Maintenance.CreateAsync(Daily(page.Id, component.Id, Day(5)));

        var cleared = await host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { ExcludedOccurrences = [] });

        Assert.Equal((0, T0.AddHours(1)), (cleared.ExcludedOccurrences.Count, cleared.OccurrenceStartsAt));
    }

    [Fact]
    public async Task UpdateAsync_WithoutAList_KeepsTheExclusions()
    {
        await using var host = await MaintenanceHost.StartAsync(new ManualTimeProvider(T0), runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var window = await host.Maintenance.CreateAsync(Daily(page.Id, component.Id, Day(5)));

        var renamed = await host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { Title = "Nightly vacuum", EndsAt = T0.AddHours(2.5) });

        Assert.Equal([Day(5)], renamed.ExcludedOccurrences);
        Assert.Equal(T0.AddDays(1).AddHours(1), renamed.OccurrenceStartsAt);
    }

    /// <summary>Daily 10:00-11:00 UTC from T0's day, skipping <paramref name="excluded"/>.</summary>
    private static CreateMaintenanceWindow Daily(Guid pageId, Guid componentId, params DateTime[] excluded) =>
        Window(pageId, componentId, T0.AddHours(1), T0.AddHours(2)) with { Recurrence = "FREQ=DAILY", ExcludedOccurrences = excluded };

    /// <summary>A wall-clock time in January 2026 (the 5th is T0's Monday).</summary>
    private static DateTime Day(int day, int hour = 10) => new(2026, 1, day, hour, 0, 0);

    /// <summary>The occurrence a maintenance notice is about, from its deduplication key.</summary>
    private static DateTimeOffset StartOf(Notification notice) =>
        new(long.Parse(notice.DeduplicationKey.Split('|')[2], System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Zero);
}
