using StatusKit.Model;
using StatusKit.Notifications;

namespace StatusKit.Maintenance;

/// <summary>
/// What subscribers are told when an operator changes a window's schedule (pure): moving or taking off the schedule an
/// occurrence they already know of. They know of a Scheduled window's current occurrence once its reminder went out
/// (<see cref="MaintenanceWindow.ReminderSentFor"/>) or a rescheduled notice moved it there
/// (<see cref="MaintenanceWindow.AnnouncedFor"/>); of one they never heard of there is nothing to correct.
/// </summary>
internal static class ScheduleChangeNotices
{
    /// <summary>
    /// Whether the subscribers of Scheduled <paramref name="window"/> know of its current occurrence, which has not ended
    /// at <paramref name="now"/>. The marks are set by the same compare-and-set that enqueues the notice they record.
    /// </summary>
    public static bool SubscribersKnowOf(MaintenanceWindow window, DateTimeOffset now) =>
        window.State == MaintenanceState.Scheduled
        && now < window.OccurrenceEndsAt
        && (window.ReminderSentFor == window.OccurrenceStartsAt || window.AnnouncedFor == window.OccurrenceStartsAt);

    /// <summary>
    /// A Scheduled window <paramref name="before"/> revised to <paramref name="after"/> (new start, end, zone or
    /// recurrence): when the current occurrence moved and its subscribers knew of it, the rescheduled notice (old and new
    /// times) and <paramref name="after"/> marked as announced at the new start. When the new start is within
    /// <paramref name="reminderLeadTime"/> of <paramref name="now"/>, the notice is also the new occurrence's reminder,
    /// so none follows it; further away, the reminder goes out again at its usual time. An unannounced move changes no
    /// mark: the reminder of the new occurrence is still due, as for any window.
    /// </summary>
    public static (MaintenanceWindow After, MaintenanceNotice? Notice) Rescheduled(
        MaintenanceWindow before, MaintenanceWindow after, TimeSpan reminderLeadTime, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var moved = after.OccurrenceStartsAt != before.OccurrenceStartsAt || after.OccurrenceEndsAt != before.OccurrenceEndsAt;
        if (!moved || !after.NotifySubscribers || !SubscribersKnowOf(before, now))
        {
            return (after, null);
        }

        var announced = after with
        {
            AnnouncedFor = after.OccurrenceStartsAt,
            ReminderSentFor = reminderLeadTime > TimeSpan.Zero && now >= after.OccurrenceStartsAt - reminderLeadTime
                ? after.OccurrenceStartsAt
                : after.ReminderSentFor,
        };
        var notice = new MaintenanceNotice(
            NotificationKind.MaintenanceRescheduled,
            after.OccurrenceStartsAt,
            after.OccurrenceEndsAt,
            new OccurrenceSpan(before.OccurrenceStartsAt, before.OccurrenceEndsAt));
        return (announced, notice);
    }

    /// <summary>
    /// The notice of a window taken off the schedule (cancelled or deleted). One in progress ended now (or at its end, if
    /// that came first), which is what its subscribers are told. One Scheduled is announced as cancelled only when its
    /// subscribers know of its current occurrence (<see cref="SubscribersKnowOf"/>); a window they never heard of leaves
    /// them nothing to correct, and gets no notice.
    /// </summary>
    public static MaintenanceNotice? TakenOff(MaintenanceWindow window, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(window);
        return window.State switch
        {
            MaintenanceState.InProgress => new MaintenanceNotice(
                NotificationKind.MaintenanceCompleted,
                window.OccurrenceStartsAt,
                now < window.OccurrenceEndsAt ? now : window.OccurrenceEndsAt),
            MaintenanceState.Scheduled when SubscribersKnowOf(window, now) =>
                new MaintenanceNotice(NotificationKind.MaintenanceCancelled, window.OccurrenceStartsAt, window.OccurrenceEndsAt),
            _ => null,
        };
    }
}
