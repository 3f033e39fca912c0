using StatusKit.Notifications;

namespace StatusKit.Maintenance;

/// <summary>A maintenance notice to send: which one, and for which occurrence (the occurrence start keys its deduplication).</summary>
/// <param name="Kind">Reminder, started, completed or cancelled.</param>
/// <param name="OccurrenceStartsAt">The occurrence's start.</param>
/// <param name="OccurrenceEndsAt">The occurrence's end.</param>
/// <param name="OnlyThisOccurrence">For a cancellation: only this occurrence is off (it was excluded), the later ones are still planned.</param>
internal readonly record struct MaintenanceNotice(
    NotificationKind Kind, DateTimeOffset OccurrenceStartsAt, DateTimeOffset OccurrenceEndsAt, bool OnlyThisOccurrence = false);
