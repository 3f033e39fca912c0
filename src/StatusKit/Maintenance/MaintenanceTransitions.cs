using StatusKit.Model;

namespace StatusKit.Maintenance;

/// <summary>
/// The pure planner of the maintenance lifecycle: given a window and now, what the next transition is and when it is
/// due, and what the window looks like after it. No I/O and no clock, so the scheduler, the service and the tests
/// all agree on the semantics.
/// </summary>
internal static class MaintenanceTransitions
{
    /// <summary>
    /// The next transition of <paramref name="window"/>, or null when it has none (Completed or Cancelled).
    /// A Scheduled occurrence that already ended is skipped; a reminder is planned only while the occurrence has not
    /// started, only for windows that notify subscribers, and only once per occurrence.
    /// </summary>
    public static MaintenanceTransition? Next(MaintenanceWindow window, TimeSpan reminderLeadTime, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(window);
        switch (window.State)
        {
            case MaintenanceState.Scheduled when now >= window.OccurrenceEndsAt:
                return new MaintenanceTransition(MaintenanceTransitionKind.Skip, window.OccurrenceEndsAt);
            case MaintenanceState.Scheduled when NeedsReminder(window, reminderLeadTime, now):
                return new MaintenanceTransition(MaintenanceTransitionKind.Remind, window.OccurrenceStartsAt - reminderLeadTime);
            case MaintenanceState.Scheduled:
                return new MaintenanceTransition(MaintenanceTransitionKind.Start, window.OccurrenceStartsAt);
            case MaintenanceState.InProgress:
                return new MaintenanceTransition(MaintenanceTransitionKind.End, window.OccurrenceEndsAt);
            default:
                return null;
        }
    }

    /// <summary>The window after <paramref name="kind"/> is applied at <paramref name="now"/> (same version: the store's compare-and-set bumps it).</summary>
    public static MaintenanceWindow Apply(
        MaintenanceWindow window, MaintenanceTransitionKind kind, OccurrenceSchedule? schedule, TimeSpan reminderLeadTime, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(window);
        return kind switch
        {
            MaintenanceTransitionKind.Remind => ScheduleChangeNotices.Reminded(window, schedule) with { UpdatedAt = now },
            MaintenanceTransitionKind.Start => Started(window, window.OccurrenceStartsAt, now),
            MaintenanceTransitionKind.End or MaintenanceTransitionKind.Skip => Advance(window, schedule, reminderLeadTime, now),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown transition."),
        };
    }

    /// <summary>
    /// Scheduled <paramref name="window"/> with its current occurrence started at <paramref name="start"/> (its planned
    /// start, or earlier for an operator's start now), by a transition at <paramref name="now"/> that sends its started
    /// notice when the window notifies subscribers. <see cref="MaintenanceWindow.AnnouncedFor"/> records which: the start
    /// when the notice goes out, null when it does not, so a window switched to notify later is not told of the end of a
    /// maintenance whose start its subscribers never heard of (<see cref="ScheduleChangeNotices.StartWasAnnounced"/>).
    /// </summary>
    public static MaintenanceWindow Started(MaintenanceWindow window, DateTimeOffset start, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(window);
        return window with
        {
            State = MaintenanceState.InProgress,
            OccurrenceStartsAt = start,
            StartsAt = window.Recurrence is null ? start : window.StartsAt,
            AnnouncedFor = window.NotifySubscribers ? start : null,
            UpdatedAt = now,
        };
    }

    /// <summary>
    /// Ends the current occurrence at <paramref name="now"/>: back to Scheduled with the next occurrence that still
    /// ends in the future, or Completed after the last. A window whose recurrence no longer parses is Completed.
    /// When the occurrence that ends was told to subscribers (<see cref="ScheduleChangeNotices.StartWasAnnounced"/>, so
    /// its completed notice goes out) and the next one's reminder would be due by its end (that occurrence starts
    /// within <paramref name="reminderLeadTime"/> of the end: a window recurring more often than the lead time), the
    /// completed notice names the next occurrence and is its reminder: the window is marked reminded of it
    /// (<see cref="ScheduleChangeNotices.Reminded"/>), so no "starts soon" follows each "completed".
    /// </summary>
    public static MaintenanceWindow Advance(MaintenanceWindow window, OccurrenceSchedule? schedule, TimeSpan reminderLeadTime, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (schedule?.NextAfter(window.OccurrenceStartsAt, window.OccurrenceEndsAt, now) is { } next)
        {
            var advanced = window with
            {
                State = MaintenanceState.Scheduled,
                OccurrenceStartsAt = next.StartsAt,
                OccurrenceEndsAt = next.EndsAt,
                UpdatedAt = now,
            };
            return CompletionReminds(window, next, reminderLeadTime) ? ScheduleChangeNotices.Reminded(advanced, schedule) : advanced;
        }

        return window with { State = MaintenanceState.Completed, UpdatedAt = now };
    }

    /// <summary>
    /// Whether the completed notice of InProgress <paramref name="ending"/>'s occurrence is the reminder of
    /// <paramref name="next"/>: it is told, and the reminder of <paramref name="next"/> is due at or before the end.
    /// </summary>
    public static bool CompletionReminds(MaintenanceWindow ending, OccurrenceSpan next, TimeSpan reminderLeadTime) =>
        reminderLeadTime > TimeSpan.Zero
        && ScheduleChangeNotices.StartWasAnnounced(ending)
        && next.StartsAt - reminderLeadTime <= ending.OccurrenceEndsAt;

    /// <summary>
    /// The completed notice of InProgress <paramref name="ending"/>'s occurrence, ended at <paramref name="endsAt"/>
    /// (<see cref="ScheduleChangeNotices.Completed"/>), naming the next occurrence when <paramref name="after"/> (the
    /// window as <see cref="Advance"/> left it) is Scheduled and the notice is that occurrence's reminder
    /// (<see cref="CompletionReminds"/>).
    /// </summary>
    public static MaintenanceNotice? CompletedNotice(MaintenanceWindow ending, MaintenanceWindow after, TimeSpan reminderLeadTime, DateTimeOffset endsAt)
    {
        ArgumentNullException.ThrowIfNull(ending);
        ArgumentNullException.ThrowIfNull(after);
        if (ScheduleChangeNotices.Completed(ending, endsAt) is not { } notice)
        {
            return null;
        }

        var next = new OccurrenceSpan(after.OccurrenceStartsAt, after.OccurrenceEndsAt);
        return after.State == MaintenanceState.Scheduled && CompletionReminds(ending with { OccurrenceEndsAt = endsAt }, next, reminderLeadTime)
            ? notice with { Next = next }
            : notice;
    }

    private static bool NeedsReminder(MaintenanceWindow window, TimeSpan reminderLeadTime, DateTimeOffset now) =>
        reminderLeadTime > TimeSpan.Zero
        && window.NotifySubscribers
        && now < window.OccurrenceStartsAt
        && window.ReminderSentFor != window.OccurrenceStartsAt;
}
