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
        var next = MaintenanceTransitions.Apply(window, MaintenanceTransitionKind.End, schedule, T0.AddHours(3));
        Assert.Equal((MaintenanceState.Scheduled, T0.AddDays(1).AddHours(2), T0.AddDays(1).AddHours(3)), (next.State, next.OccurrenceStartsAt, next.OccurrenceEndsAt));

        var late = MaintenanceTransitions.Apply(window, MaintenanceTransitionKind.End, schedule, T0.AddDays(1).AddHours(4));
        Assert.Equal(T0.AddDays(2).AddHours(2), late.OccurrenceStartsAt);
        var over = MaintenanceTransitions.Apply(window, MaintenanceTransitionKind.End, schedule, T0.AddDays(5));
        Assert.Equal(MaintenanceState.Completed, over.State);
        Assert.Equal(MaintenanceState.Completed, MaintenanceTransitions.Apply(Window(MaintenanceState.InProgress), MaintenanceTransitionKind.End, OccurrenceSchedule.For(Window()), T0.AddHours(3)).State);
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
