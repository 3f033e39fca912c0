using StatusKit.Model;
using StatusKit.Notifications;

namespace StatusKit.Maintenance;

/// <summary>
/// What subscribers are told when an operator changes a window's schedule (pure): scheduling it, and moving or taking off
/// the schedule an occurrence they already know of. They know of a Scheduled window's current occurrence once its
/// reminder went out (<see cref="MaintenanceWindow.ReminderSentFor"/>) or a scheduled or rescheduled notice announced it
/// (<see cref="MaintenanceWindow.AnnouncedFor"/>); of one they never heard of there is nothing to correct. Those marks
/// stay on an occurrence excluded after they were told it is cancelled, so bringing it back announces it again; one of
/// the two fields is enough to say subscribers know of the current occurrence, so marking it keeps such a mark in the
/// other (<see cref="Reminded"/>, <see cref="Announced"/>). They
/// know of an InProgress window's occurrence, and when it ends, from its started notice (<see cref="StartWasAnnounced"/>);
/// of one whose start they were not told of they hear nothing, neither a move of its end nor its completion.
/// </summary>
internal static class ScheduleChangeNotices
{
    /// <summary>
    /// Whether the subscribers of Scheduled <paramref name="window"/> know of its current occurrence, which has not ended
    /// at <paramref name="now"/>. The marks are stored by the same store call that enqueues the notice they record.
    /// </summary>
    public static bool SubscribersKnowOf(MaintenanceWindow window, DateTimeOffset now) =>
        window.State == MaintenanceState.Scheduled
        && now < window.OccurrenceEndsAt
        && (window.ReminderSentFor == window.OccurrenceStartsAt || window.AnnouncedFor == window.OccurrenceStartsAt);

    /// <summary>
    /// A window <paramref name="created"/> at <paramref name="now"/>: with <paramref name="notifyWhenScheduled"/> and its
    /// <see cref="MaintenanceWindow.NotifySubscribers"/>, the scheduled notice of its current occurrence and the window
    /// marked as announced at that start, so a later move or cancellation is told. None when the occurrence's reminder
    /// is due already (it starts within <paramref name="reminderLeadTime"/>, or has started): the reminder, sent at once,
    /// announces it, and a second message seconds after the first would say nothing new.
    /// </summary>
    public static (MaintenanceWindow Created, MaintenanceNotice? Notice) Scheduled(
        MaintenanceWindow created, bool notifyWhenScheduled, TimeSpan reminderLeadTime, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(created);
        if (!notifyWhenScheduled || !created.NotifySubscribers || now >= created.OccurrenceStartsAt - reminderLeadTime)
        {
            return (created, null);
        }

        return (created with { AnnouncedFor = created.OccurrenceStartsAt },
            new MaintenanceNotice(NotificationKind.MaintenanceScheduled, created.OccurrenceStartsAt, created.OccurrenceEndsAt));
    }

    /// <summary>
    /// Whether the started notice of InProgress <paramref name="window"/>'s occurrence went out, and the window still
    /// notifies subscribers. Every occurrence in progress was started by a transition that enqueued its started notice in
    /// the same compare-and-set (the scheduler's start, or an operator's start now) when the window notified subscribers,
    /// and marked it in <see cref="MaintenanceWindow.AnnouncedFor"/> (<see cref="MaintenanceTransitions.Started"/>); a
    /// silent start clears that mark, so a window turned <see cref="MaintenanceWindow.NotifySubscribers"/> on later is
    /// told apart.
    /// </summary>
    public static bool StartWasAnnounced(MaintenanceWindow window) =>
        window.State == MaintenanceState.InProgress && window.NotifySubscribers && window.AnnouncedFor == window.OccurrenceStartsAt;

    /// <summary>
    /// The completed notice of InProgress <paramref name="window"/>'s occurrence, ended at <paramref name="endsAt"/>
    /// (by the scheduler, complete now, or a cancel or delete): only when its subscribers were told it started
    /// (<see cref="StartWasAnnounced"/>). A maintenance they never heard start leaves them nothing to close: they hear of
    /// it from its components, as everybody else who looks at the page.
    /// </summary>
    public static MaintenanceNotice? Completed(MaintenanceWindow window, DateTimeOffset endsAt)
    {
        ArgumentNullException.ThrowIfNull(window);
        return StartWasAnnounced(window)
            ? new MaintenanceNotice(NotificationKind.MaintenanceCompleted, window.OccurrenceStartsAt, endsAt)
            : null;
    }

    /// <summary>
    /// A window <paramref name="before"/> revised to <paramref name="after"/>. For a Scheduled window (new start, end,
    /// zone or recurrence): when the current occurrence moved and its subscribers knew of it, the rescheduled notice (old
    /// and new times) and <paramref name="after"/> marked as announced at the new start. When the new start is within
    /// <paramref name="reminderLeadTime"/> of <paramref name="now"/>, the notice is also the new occurrence's reminder,
    /// so none follows it; further away, the reminder goes out again at its usual time. An unannounced move changes no
    /// mark: the reminder of the new occurrence is still due, as for any window. When the occurrence they knew of was
    /// excluded rather than moved, they are told that occurrence is cancelled (its later ones are still planned), and the
    /// next occurrence gets its reminder as usual; their marks stay on the excluded occurrence, which is how they are
    /// known to have been told it is off. When the change brings back an occurrence they were told is cancelled (its
    /// exclusion is removed, or no longer meets it), they are told it is on again by a scheduled notice (see
    /// <see cref="Reinstated"/>), also when they know of the occurrence that was current. Excluding or bringing back an
    /// occurrence without <see cref="MaintenanceWindow.NotifySubscribers"/> tells nobody and takes the marks off it: for
    /// its subscribers it is neither on nor off, and its reminder announces it if it comes back. For an InProgress
    /// window, see <see cref="EndMoved"/>.
    /// </summary>
    public static (MaintenanceWindow After, MaintenanceNotice? Notice) Rescheduled(
        MaintenanceWindow before, MaintenanceWindow after, TimeSpan reminderLeadTime, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (before.State == MaintenanceState.InProgress)
        {
            return (after, EndMoved(before, after));
        }

        var moved = after.OccurrenceStartsAt != before.OccurrenceStartsAt || after.OccurrenceEndsAt != before.OccurrenceEndsAt;
        if (!moved)
        {
            return (after, null);
        }

        if (after.OccurrenceStartsAt != before.OccurrenceStartsAt && WereToldIsCancelled(before, after.OccurrenceStartsAt))
        {
            return Reinstated(after, reminderLeadTime, now);
        }

        if (!SubscribersKnowOf(before, now))
        {
            return (after, null);
        }

        var excluded = after.OccurrenceStartsAt != before.OccurrenceStartsAt
            && OccurrenceSchedule.For(after)?.IsExcluded(before.OccurrenceStartsAt) == true;
        if (!after.NotifySubscribers)
        {
            return (excluded ? Forget(after, before.OccurrenceStartsAt) : after, null);
        }

        if (excluded)
        {
            // The occurrence they know of is excluded, not moved: it is off, and the next one is new to them.
            return (after, new MaintenanceNotice(
                NotificationKind.MaintenanceCancelled, before.OccurrenceStartsAt, before.OccurrenceEndsAt, OnlyThisOccurrence: true));
        }

        var announced = Announced(after, reminderLeadTime, now);
        var notice = new MaintenanceNotice(
            NotificationKind.MaintenanceRescheduled,
            after.OccurrenceStartsAt,
            after.OccurrenceEndsAt,
            new OccurrenceSpan(before.OccurrenceStartsAt, before.OccurrenceEndsAt));
        return (announced, notice);
    }

    /// <summary>
    /// An InProgress window <paramref name="before"/> whose end moved (extended or shortened) in <paramref name="after"/>:
    /// the rescheduled notice with the occurrence's old and new times, when its subscribers were told it started (and so
    /// when it would end) and the window still notifies them. None when the end stayed where it was. No mark changes:
    /// the notice's deduplication key carries the window version it replaces, so a retried update sends it once and each
    /// further move is told again.
    /// </summary>
    public static MaintenanceNotice? EndMoved(MaintenanceWindow before, MaintenanceWindow after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var moved = after.OccurrenceEndsAt != before.OccurrenceEndsAt;
        if (!moved || after.State != MaintenanceState.InProgress || !after.NotifySubscribers || !StartWasAnnounced(before))
        {
            return null;
        }

        return new MaintenanceNotice(
            NotificationKind.MaintenanceRescheduled,
            after.OccurrenceStartsAt,
            after.OccurrenceEndsAt,
            new OccurrenceSpan(before.OccurrenceStartsAt, before.OccurrenceEndsAt));
    }

    /// <summary>
    /// Scheduled <paramref name="window"/> once the reminder of its current occurrence went out: marked in
    /// <see cref="MaintenanceWindow.ReminderSentFor"/>. A mark there on an occurrence its subscribers were told is
    /// cancelled (<see cref="CancelledMark"/>) moves to <see cref="MaintenanceWindow.AnnouncedFor"/>, which the reminder
    /// mark makes redundant for the current occurrence: with a reminder lead longer than the gap between occurrences, the
    /// next occurrence's reminder goes out before the excluded one would have started, and bringing that one back must
    /// still say it is back on, not that the next one moved.
    /// </summary>
    /// <param name="window">The window, Scheduled.</param>
    /// <param name="schedule">Its occurrence schedule, if known (read from the window otherwise).</param>
    public static MaintenanceWindow Reminded(MaintenanceWindow window, OccurrenceSchedule? schedule)
    {
        ArgumentNullException.ThrowIfNull(window);
        return window with
        {
            ReminderSentFor = window.OccurrenceStartsAt,
            AnnouncedFor = CancelledMark(window, schedule) ?? window.AnnouncedFor,
        };
    }

    /// <summary>
    /// <paramref name="window"/> once a move of its current occurrence was announced at <paramref name="now"/>: marked in
    /// <see cref="MaintenanceWindow.AnnouncedFor"/>, or in <see cref="MaintenanceWindow.ReminderSentFor"/> when the
    /// reminder would be due already, since the announcement says what the reminder would (both, unless the other field
    /// keeps a mark on an occurrence its subscribers were told is cancelled: <see cref="CancelledMark"/>).
    /// </summary>
    private static MaintenanceWindow Announced(MaintenanceWindow window, TimeSpan reminderLeadTime, DateTimeOffset now)
    {
        var cancelled = CancelledMark(window, null);
        return reminderLeadTime > TimeSpan.Zero && now >= window.OccurrenceStartsAt - reminderLeadTime
            ? window with { ReminderSentFor = window.OccurrenceStartsAt, AnnouncedFor = cancelled ?? window.OccurrenceStartsAt }
            : window with
            {
                AnnouncedFor = window.OccurrenceStartsAt,
                ReminderSentFor = cancelled ?? (window.ReminderSentFor == window.OccurrenceStartsAt ? null : window.ReminderSentFor),
            };
    }

    /// <summary>
    /// The mark of <paramref name="window"/> on an occurrence other than its current one that is excluded, which records
    /// that its subscribers were told it is cancelled (<see cref="WereToldIsCancelled"/>); the one in
    /// <see cref="MaintenanceWindow.AnnouncedFor"/> first. Null when there is none.
    /// </summary>
    private static DateTimeOffset? CancelledMark(MaintenanceWindow window, OccurrenceSchedule? schedule)
    {
        if (window.ExcludedOccurrences.Count == 0 || (schedule ?? OccurrenceSchedule.For(window)) is not { } occurrences)
        {
            return null;
        }

        bool IsCancelled(DateTimeOffset? mark) => mark is { } start && start != window.OccurrenceStartsAt && occurrences.IsExcluded(start);
        return IsCancelled(window.AnnouncedFor) ? window.AnnouncedFor : IsCancelled(window.ReminderSentFor) ? window.ReminderSentFor : null;
    }

    /// <summary>
    /// Whether the subscribers of Scheduled <paramref name="before"/> were told the occurrence starting at
    /// <paramref name="start"/> is cancelled: it is excluded, and a mark is still on it. A mark is set on the current
    /// occurrence, and excluding the current occurrence with a mark on it either told them it is cancelled or, without
    /// notices, took the mark off (<see cref="Forget"/>); so a mark on an excluded occurrence means they were told.
    /// Marking a later occurrence keeps such a mark in the field it does not need (<see cref="Reminded"/>).
    /// </summary>
    private static bool WereToldIsCancelled(MaintenanceWindow before, DateTimeOffset start) =>
        before.State == MaintenanceState.Scheduled
        && (before.AnnouncedFor == start || before.ReminderSentFor == start)
        && OccurrenceSchedule.For(before)?.IsExcluded(start) == true;

    /// <summary>
    /// Scheduled <paramref name="after"/>, whose current occurrence subscribers were told is cancelled and which is back:
    /// with <see cref="MaintenanceWindow.NotifySubscribers"/>, its scheduled notice ("back on", keyed by the window version
    /// like the other notices of an operator's change) and the window marked as announced at that start (and as reminded
    /// when the reminder would be due already: the notice says what it would; further away, the reminder goes out at its
    /// usual time). Without, nobody is told and the marks are taken off it, so its reminder announces it as usual.
    /// </summary>
    private static (MaintenanceWindow After, MaintenanceNotice? Notice) Reinstated(MaintenanceWindow after, TimeSpan reminderLeadTime, DateTimeOffset now) =>
        after.NotifySubscribers
            ? (Announced(after, reminderLeadTime, now),
                new MaintenanceNotice(NotificationKind.MaintenanceScheduled, after.OccurrenceStartsAt, after.OccurrenceEndsAt, Reinstated: true))
            : (Forget(after, after.OccurrenceStartsAt), null);

    /// <summary><paramref name="window"/> with the marks on the occurrence starting at <paramref name="start"/> taken off.</summary>
    private static MaintenanceWindow Forget(MaintenanceWindow window, DateTimeOffset start) => window with
    {
        AnnouncedFor = window.AnnouncedFor == start ? null : window.AnnouncedFor,
        ReminderSentFor = window.ReminderSentFor == start ? null : window.ReminderSentFor,
    };

    /// <summary>
    /// The notice of a window taken off the schedule (cancelled or deleted). One in progress ended now (or at its end, if
    /// that came first), which is what its subscribers are told when they were told it started (<see cref="Completed"/>).
    /// One Scheduled is announced as cancelled only when its subscribers know of its current occurrence
    /// (<see cref="SubscribersKnowOf"/>); a window they never heard of leaves them nothing to correct, and gets no notice.
    /// </summary>
    public static MaintenanceNotice? TakenOff(MaintenanceWindow window, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(window);
        return window.State switch
        {
            MaintenanceState.InProgress => Completed(window, now < window.OccurrenceEndsAt ? now : window.OccurrenceEndsAt),
            MaintenanceState.Scheduled when SubscribersKnowOf(window, now) =>
                new MaintenanceNotice(NotificationKind.MaintenanceCancelled, window.OccurrenceStartsAt, window.OccurrenceEndsAt),
            _ => null,
        };
    }

    /// <summary>
    /// The notice of <paramref name="window"/> deleted at <paramref name="now"/>: the one it gets taken off the schedule
    /// (<see cref="TakenOff"/>), marked as its deletion's (<see cref="MaintenanceNotice.WindowDeleted"/>): the window's
    /// page is gone when the notice goes out, and the dispatcher links to the status page without reading the store.
    /// </summary>
    public static MaintenanceNotice? Deleted(MaintenanceWindow window, DateTimeOffset now) =>
        TakenOff(window, now) is { } notice ? notice with { WindowDeleted = true } : null;
}
