using System.Globalization;
using StatusKit.Model;
using StatusKit.Notifications;

namespace StatusKit.Maintenance;

/// <summary>
/// Builds the scheduled, reminder, started, completed, cancelled and rescheduled notices of a maintenance occurrence (pure), for the
/// subscribers who asked for the maintenance event (<see cref="Subscriber.NotifyOn"/>) and whose components meet the
/// window's. Their deduplication stem <c>maintenance|{windowId}|{occurrenceStartTicks}|{event}</c> makes a retried or
/// raced notice a no-op; the stem of a notice an operator's change sends again and again (a rescheduled notice, the
/// cancellation of one excluded occurrence, the scheduled notice of one brought back) ends with the window version it
/// replaces (<c>…|rescheduled|{version}</c>), so each change is told, also one back to a time announced before. A
/// rescheduled notice of a window in progress is a move of its end: it says when the maintenance in progress now ends.
/// The text is the window's description, the components it affects (<see cref="AffectedComponents"/>, when the caller
/// names them), then what happens to the occurrence with its times, which every notice gives last; a completed notice
/// that is also the next occurrence's reminder (a window recurring more often than the reminder lead time) adds
/// <c>Next occurrence: …</c> after them, and carries that occurrence's times (<see cref="NotificationContent.NextOccurrenceStartsAt"/>)
/// for the channels that render times as data (a webhook's <c>maintenance.next_starts_at</c>).
/// </summary>
internal static class MaintenanceNotices
{
    public static List<Notification> Plan(
        StatusPage page,
        MaintenanceWindow window,
        NotificationKind kind,
        DateTimeOffset occurrenceStartsAt,
        DateTimeOffset occurrenceEndsAt,
        IReadOnlyList<Subscriber> subscribers,
        DateTimeOffset now,
        OccurrenceSpan? previous = null,
        bool onlyThisOccurrence = false,
        bool reinstated = false,
        bool windowDeleted = false,
        IReadOnlyList<NotificationComponent>? affectedComponents = null,
        OccurrenceSpan? next = null)
    {
        var (verb, headline) = kind switch
        {
            NotificationKind.MaintenanceReminder => ("reminder", "Scheduled maintenance"),
            NotificationKind.MaintenanceStarted => ("started", "Maintenance in progress"),
            NotificationKind.MaintenanceCompleted => ("completed", "Maintenance completed"),
            NotificationKind.MaintenanceCancelled => ("cancelled", "Maintenance cancelled"),
            NotificationKind.MaintenanceRescheduled => ("rescheduled", "Maintenance rescheduled"),
            NotificationKind.MaintenanceScheduled => ("scheduled", "Maintenance scheduled"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a maintenance notice."),
        };
        if ((kind == NotificationKind.MaintenanceRescheduled) != previous.HasValue)
        {
            throw new ArgumentException("A rescheduled notice, and only one, names the occurrence's previous times.", nameof(previous));
        }

        if (reinstated && kind != NotificationKind.MaintenanceScheduled)
        {
            throw new ArgumentException("Only a scheduled notice brings an occurrence back.", nameof(reinstated));
        }

        // The occurrence on the page's wall clock, as the page shows it (see PageClock.Range).
        var when = PageClock.Range(occurrenceStartsAt, occurrenceEndsAt, page.TimeZoneId);
        if (kind == NotificationKind.MaintenanceCancelled)
        {
            // Said before the times, so the message cannot be read as one more reminder.
            when = window.Recurrence is null
                ? $"Cancelled: this maintenance will not take place.\n\n{when}"
                : onlyThisOccurrence
                    ? $"Cancelled: this occurrence of the maintenance will not take place; its later occurrences are still planned.\n\n{when}"
                    : $"Cancelled: this maintenance and its later occurrences will not take place.\n\n{when}";
        }
        else if (kind == NotificationKind.MaintenanceScheduled && reinstated)
        {
            // Subscribers were told this occurrence is cancelled: say first that it is on again.
            when = window.Recurrence is null
                ? $"Back on: this maintenance, cancelled earlier, will take place after all.\n\n{when}"
                : $"Back on: this occurrence of the maintenance, cancelled earlier, will take place after all.\n\n{when}";
        }
        else if (kind == NotificationKind.MaintenanceScheduled && window.Recurrence is not null)
        {
            when = $"This maintenance recurs; its next occurrence:\n\n{when}";
        }
        else if (previous is { } was && window.State == MaintenanceState.InProgress)
        {
            // The end of the maintenance in progress moved (extended or shortened): the new end first, then the times.
            when = $"The maintenance in progress now ends at {PageClock.Instant(occurrenceEndsAt, page.TimeZoneId)} "
                + $"instead of {PageClock.Instant(was.EndsAt, page.TimeZoneId)}.\n\n{when}";
        }
        else if (previous is { } moved)
        {
            // The old times first, the new ones last, where every maintenance notice gives the occurrence's times.
            var wasWhen = PageClock.Range(moved.StartsAt, moved.EndsAt, page.TimeZoneId);
            when = window.Recurrence is null
                ? $"Rescheduled: this maintenance moved from {wasWhen} to:\n\n{when}"
                : $"Rescheduled: the next occurrence of this maintenance moved from {wasWhen} to:\n\n{when}";
        }

        if (next is { } following)
        {
            if (kind != NotificationKind.MaintenanceCompleted)
            {
                throw new ArgumentException("Only a completed notice names the next occurrence.", nameof(next));
            }

            // It is that occurrence's reminder (the window recurs more often than the lead time): it says when it is.
            when = $"{when}\n\nNext occurrence: {PageClock.Range(following.StartsAt, following.EndsAt, page.TimeZoneId)}";
        }

        var content = new NotificationContent
        {
            Kind = kind,
            Subject = $"[{page.Name}] {headline}: {window.Title}",
            Body = string.Join("\n\n", new[] { window.Description, AffectedComponents.Paragraph(affectedComponents ?? []), when }.OfType<string>()),
            PageName = page.Name,
            PageSlug = page.Slug,
            MaintenanceWindowId = window.Id,
            AffectedComponents = affectedComponents ?? [],
            OccurrenceStartsAt = occurrenceStartsAt,
            OccurrenceEndsAt = occurrenceEndsAt,
            PreviousOccurrenceStartsAt = previous?.StartsAt,
            PreviousOccurrenceEndsAt = previous?.EndsAt,
            NextOccurrenceStartsAt = next?.StartsAt,
            NextOccurrenceEndsAt = next?.EndsAt,
            MaintenanceWindowDeleted = windowDeleted,
            OccurredAt = now,
        };
        var stem = DeduplicationStem(window.Id, occurrenceStartsAt, verb);
        if (previous is not null || onlyThisOccurrence || reinstated)
        {
            stem = string.Create(CultureInfo.InvariantCulture, $"{stem}|{window.Version}");
        }

        return NoticePlanner.Plan(subscribers, NotificationEvents.Maintenance, window.ComponentIds, stem, content, now);
    }

    public static string DeduplicationStem(Guid windowId, DateTimeOffset occurrenceStartsAt, string verb) =>
        string.Create(CultureInfo.InvariantCulture, $"maintenance|{windowId:N}|{occurrenceStartsAt.UtcTicks}|{verb}");
}
