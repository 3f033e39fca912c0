using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Testing;

namespace StatusKit.Tests.Maintenance;

/// <summary>The pure planner: which transition is next, when it is due, and what the window becomes.</summary>
public sealed class MaintenanceTransitionsTests
{
    private static readonly DateTimeOffset T0 = TestData.T0;
    private static readonly TimeSpan Lead = TimeSpan.FromMinutes(60);

    private static MaintenanceWindow Window(MaintenanceState state = MaintenanceState.Scheduled, string? recurrence = null) =>
        TestData.Window(Guid.NewGuid(), state: state, occurrenceStartsAt: T0.AddHours(2)) with
        {
            StartsAt = T0.AddHours(2),
            EndsAt = T0.AddHours(3),
            OccurrenceEndsAt = T0.AddHours(3),
            TimeZoneId = "UTC",
            Recurrence = recurrence,
            NotifySubscribers = true,
            ReminderSentFor = null,
        };

    [Fact]
    public void A_scheduled_window_is_reminded_then_started_then_skipped_when_it_passed()
    {
        var window = Window();
        Assert.Equal(new MaintenanceTransition(MaintenanceTransitionKind.Remind, T0.AddHours(1)), MaintenanceTransitions.Next(window, Lead, T0));
        Assert.Equal(new MaintenanceTransition(MaintenanceTransitionKind.Start, T0.AddHours(2)), MaintenanceTransitions.Next(window, TimeSpan.Zero, T0));
        Assert.Equal(MaintenanceTransitionKind.Start, MaintenanceTransitions.Next(window with { ReminderSentFor = T0.AddHours(2) }, Lead, T0)!.Value.Kind);
        Assert.Equal(MaintenanceTransitionKind.Start, MaintenanceTransitions.Next(window, Lead, T0.AddHours(2))!.Value.Kind);
        Assert.Equal(new MaintenanceTransition(MaintenanceTransitionKind.Skip, T0.AddHours(3)), MaintenanceTransitions.Next(window, Lead, T0.AddHours(3)));
        Assert.Equal(new MaintenanceTransition(MaintenanceTransitionKind.End, T0.AddHours(3)), MaintenanceTransitions.Next(window with { State = MaintenanceState.InProgress }, Lead, T0));
        Assert.Null(MaintenanceTransitions.Next(window with { State = MaintenanceState.Cancelled }, Lead, T0));
        Assert.Null(MaintenanceTransitions.Next(window with { State = MaintenanceState.Completed }, Lead, T0));
    }

    [Fact]
    public void Ending_a_recurring_window_moves_to_the_next_occurrence_still_to_come_and_completes_after_the_last()
    {
        var window = Window(MaintenanceState.InProgress, "FREQ=DAILY;COUNT=3");
        var schedule = OccurrenceSchedule.For(window);
        var next = MaintenanceTransitions.Apply(window, MaintenanceTransitionKind.End, schedule, Lead, T0.AddHours(3));
        Assert.Equal((MaintenanceState.Scheduled, T0.AddDays(1).AddHours(2), T0.AddDays(1).AddHours(3)), (next.State, next.OccurrenceStartsAt, next.OccurrenceEndsAt));

        var late = MaintenanceTransitions.Apply(window, MaintenanceTransitionKind.End, schedule, Lead, T0.AddDays(1).AddHours(4));
        Assert.Equal(T0.AddDays(2).AddHours(2), late.OccurrenceStartsAt);
        var over = MaintenanceTransitions.Apply(window, MaintenanceTransitionKind.End, schedule, Lead, T0.AddDays(5));
        Assert.Equal(MaintenanceState.Completed, over.State);
        Assert.Equal(MaintenanceState.Completed, MaintenanceTransitions.Apply(Window(MaintenanceState.InProgress), MaintenanceTransitionKind.End, OccurrenceSchedule.For(Window()), Lead, T0.AddHours(3)).State);
    }

    [Theory]
    [InlineData("FREQ=HOURLY;INTERVAL=2", true)] // the next one (04:00-05:00) would be reminded at 03:00, as this one ends
    [InlineData("FREQ=HOURLY;INTERVAL=3", false)] // the next one (05:00) is reminded at 04:00, an hour after this one ended
    [InlineData("FREQ=MINUTELY;INTERVAL=70", true)] // the next one (03:10) would be reminded at 02:10, while this one runs
    public void Ending_an_occurrence_told_to_subscribers_counts_as_the_next_ones_reminder_when_that_would_be_due_by_the_end(
        string recurrence, bool remindedByTheCompletion)
    {
        var window = Window(MaintenanceState.InProgress, recurrence) with { AnnouncedFor = T0.AddHours(2) };

        var next = MaintenanceTransitions.Apply(window, MaintenanceTransitionKind.End, OccurrenceSchedule.For(window), Lead, T0.AddHours(3));

        Assert.Equal(remindedByTheCompletion ? next.OccurrenceStartsAt : null, next.ReminderSentFor);
        Assert.Equal(
            remindedByTheCompletion ? MaintenanceTransitionKind.Start : MaintenanceTransitionKind.Remind,
            MaintenanceTransitions.Next(next, Lead, T0.AddHours(3))!.Value.Kind);
    }

    [Fact]
    public void The_completed_notice_names_the_next_occurrence_only_when_it_is_that_ones_reminder()
    {
        var often = Window(MaintenanceState.InProgress, "FREQ=HOURLY;INTERVAL=2") with { AnnouncedFor = T0.AddHours(2) };
        var seldom = often with { Recurrence = "FREQ=DAILY" };

        var afterOften = MaintenanceTransitions.Advance(often, OccurrenceSchedule.For(often), Lead, T0.AddHours(3));
        var afterSeldom = MaintenanceTransitions.Advance(seldom, OccurrenceSchedule.For(seldom), Lead, T0.AddHours(3));

        Assert.Equal(new OccurrenceSpan(T0.AddHours(4), T0.AddHours(5)), MaintenanceTransitions.CompletedNotice(often, afterOften, Lead, T0.AddHours(3))!.Value.Next);
        Assert.Null(MaintenanceTransitions.CompletedNotice(seldom, afterSeldom, Lead, T0.AddHours(3))!.Value.Next);
        Assert.Null(MaintenanceTransitions.CompletedNotice(often with { AnnouncedFor = null }, afterOften, Lead, T0.AddHours(3)));
    }

    [Fact]
    public void An_occurrence_whose_start_subscribers_were_not_told_or_that_was_missed_leaves_the_next_reminder_due()
    {
        var window = Window(MaintenanceState.InProgress, "FREQ=HOURLY;INTERVAL=2");
        var schedule = OccurrenceSchedule.For(window);

        Assert.Null(MaintenanceTransitions.Apply(window with { AnnouncedFor = null }, MaintenanceTransitionKind.End, schedule, Lead, T0.AddHours(3)).ReminderSentFor);
        Assert.Null(MaintenanceTransitions.Apply(window with { State = MaintenanceState.Scheduled }, MaintenanceTransitionKind.Skip, schedule, Lead, T0.AddHours(3)).ReminderSentFor);
        Assert.Null(MaintenanceTransitions.Apply(window with { AnnouncedFor = T0.AddHours(2) }, MaintenanceTransitionKind.End, schedule, TimeSpan.Zero, T0.AddHours(3)).ReminderSentFor);
    }

    [Fact]
    public void COUNT_includes_a_first_occurrence_that_does_not_match_the_rule_as_RFC_5545_counts_DTSTART()
    {
        // Monday 11:00, then Tuesdays: RFC 5545 counts DTSTART as the first of the COUNT occurrences.
        var window = Window(recurrence: "FREQ=WEEKLY;BYDAY=TU;COUNT=3");

        var starts = OccurrenceSchedule.For(window)!.Take(10).Select(o => o.StartsAt).ToList();

        Assert.Equal([T0.AddHours(2), T0.AddDays(1).AddHours(2), T0.AddDays(8).AddHours(2)], starts);
    }

    [Fact]
    public void COUNT_counts_a_first_occurrence_that_matches_the_rule_once()
    {
        var window = Window(recurrence: "FREQ=WEEKLY;BYDAY=MO,TU;COUNT=3");

        var starts = OccurrenceSchedule.For(window)!.Take(10).Select(o => o.StartsAt).ToList();

        Assert.Equal([T0.AddHours(2), T0.AddDays(1).AddHours(2), T0.AddDays(7).AddHours(2)], starts);
    }

    [Fact]
    public void COUNT_counts_a_first_occurrence_in_the_second_half_of_a_DST_fold_once()
    {
        // 02:30 CET on the night Berlin falls back: the second 02:30, which the rule resolves to the first one.
        var start = new DateTimeOffset(2026, 10, 25, 1, 30, 0, TimeSpan.Zero);
        Assert.True(OccurrenceSchedule.TryCreate(start, TimeSpan.FromMinutes(20), "Europe/Berlin", "FREQ=DAILY;COUNT=3", [], out var schedule, out _, out _));

        var starts = schedule.Take(10).Select(o => o.StartsAt).ToList();

        Assert.Equal([start, start.AddDays(1), start.AddDays(2)], starts);
    }

    [Fact]
    public void The_schedule_resolves_DST_folds_to_the_first_instant_and_keeps_the_local_time()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var start = new DateTimeOffset(2026, 10, 18, 0, 0, 0, TimeSpan.Zero); // Sunday 02:00 CEST
        Assert.True(OccurrenceSchedule.TryCreate(start, TimeSpan.FromHours(2), "Europe/Berlin", "FREQ=WEEKLY;BYDAY=SU", [], out var schedule, out _, out _));
        var starts = schedule.Take(3).Select(o => TimeZoneInfo.ConvertTime(o.StartsAt, berlin)).ToList();
        Assert.Equal([2, 2, 2], starts.Select(s => s.Hour));
        Assert.Equal([TimeSpan.FromHours(2), TimeSpan.FromHours(2), TimeSpan.FromHours(1)], starts.Select(s => s.Offset));
    }
}
