using StatusKit.Notifications;

namespace StatusKit.Maintenance;

/// <summary>A maintenance notice to send: which one, and for which occurrence (the occurrence start keys its deduplication).</summary>
/// <param name="Kind">Scheduled, reminder, started, completed, cancelled or rescheduled.</param>
/// <param name="OccurrenceStartsAt">The occurrence's start (for a rescheduled notice, its new start).</param>
/// <param name="OccurrenceEndsAt">The occurrence's end (for a rescheduled notice, its new end).</param>
/// <param name="Previous">The times the occurrence had before it was moved: set for a rescheduled notice only.</param>
/// <param name="OnlyThisOccurrence">For a cancellation: only this occurrence is off (it was excluded), the later ones are still planned.</param>
/// <param name="Reinstated">
/// For a scheduled notice: the occurrence subscribers were told is cancelled (it was excluded) is back, and takes place
/// after all.
/// </param>
/// <param name="WindowDeleted">
/// The notice is sent as the window is deleted: its page is gone when the notice goes out, so it links to the status page
/// (<see cref="NotificationContent.MaintenanceWindowDeleted"/>).
/// </param>
/// <param name="Next">
/// For a completed notice that is also the reminder of the window's next occurrence (a window recurring more often than
/// the reminder lead time, <see cref="MaintenanceTransitions.CompletionReminds"/>): that occurrence, which it names.
/// </param>
internal readonly record struct MaintenanceNotice(
    NotificationKind Kind,
    DateTimeOffset OccurrenceStartsAt,
    DateTimeOffset OccurrenceEndsAt,
    OccurrenceSpan? Previous = null,
    bool OnlyThisOccurrence = false,
    bool Reinstated = false,
    bool WindowDeleted = false,
    OccurrenceSpan? Next = null);
