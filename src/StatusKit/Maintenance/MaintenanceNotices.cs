using System.Globalization;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Notifications.Texts;

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
/// for the channels that render times as data (a webhook's <c>maintenance.next_starts_at</c>). The words and dates are
/// in the page's language (<see cref="NoticeTexts"/>), but for webhook subscribers, who get them in English.
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
        var verb = kind switch
        {
            NotificationKind.MaintenanceReminder => "reminder",
            NotificationKind.MaintenanceStarted => "started",
            NotificationKind.MaintenanceCompleted => "completed",
            NotificationKind.MaintenanceCancelled => "cancelled",
            NotificationKind.MaintenanceRescheduled => "rescheduled",
            NotificationKind.MaintenanceScheduled => "scheduled",
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

        if (next is not null && kind != NotificationKind.MaintenanceCompleted)
        {
            throw new ArgumentException("Only a completed notice names the next occurrence.", nameof(next));
        }

        // In the page's language, dates in its culture; webhooks, which machines read, get the English words.
        NotificationContent ContentIn(NoticeTexts texts)
        {
            var headline = kind switch
            {
                NotificationKind.MaintenanceReminder => texts.ScheduledMaintenance,
                NotificationKind.MaintenanceStarted => texts.MaintenanceInProgress,
                NotificationKind.MaintenanceCompleted => texts.MaintenanceCompleted,
                NotificationKind.MaintenanceCancelled => texts.MaintenanceCancelled,
                NotificationKind.MaintenanceRescheduled => texts.MaintenanceRescheduled,
                _ => texts.MaintenanceScheduled,
            };

            // The occurrence on the page's wall clock, as the page shows it (see PageClock.Range).
            var when = PageClock.Range(occurrenceStartsAt, occurrenceEndsAt, page.TimeZoneId, texts);
            if (kind == NotificationKind.MaintenanceCancelled)
            {
                // Said before the times, so the message cannot be read as one more reminder.
                when = window.Recurrence is null
                    ? $"{texts.CancelledWindow}\n\n{when}"
                    : onlyThisOccurrence
                        ? $"{texts.CancelledOccurrence}\n\n{when}"
                        : $"{texts.CancelledSeries}\n\n{when}";
            }
            else if (kind == NotificationKind.MaintenanceScheduled && reinstated)
            {
                // Subscribers were told this occurrence is cancelled: say first that it is on again.
                when = window.Recurrence is null
                    ? $"{texts.BackOnWindow}\n\n{when}"
                    : $"{texts.BackOnOccurrence}\n\n{when}";
            }
            else if (kind == NotificationKind.MaintenanceScheduled && window.Recurrence is not null)
            {
                when = $"{texts.Recurs}\n\n{when}";
            }
            else if (previous is { } was && window.State == MaintenanceState.InProgress)
            {
                // The end of the maintenance in progress moved (extended or shortened): the new end first, then the times.
                var ends = texts.Format(
                    texts.NowEndsAt, PageClock.Instant(occurrenceEndsAt, page.TimeZoneId, texts), PageClock.Instant(was.EndsAt, page.TimeZoneId, texts));
                when = $"{ends}\n\n{when}";
            }
            else if (previous is { } moved)
            {
                // The old times first, the new ones last, where every maintenance notice gives the occurrence's times.
                var wasWhen = PageClock.Range(moved.StartsAt, moved.EndsAt, page.TimeZoneId, texts);
                var rescheduled = texts.Format(window.Recurrence is null ? texts.RescheduledWindow : texts.RescheduledOccurrence, wasWhen);
                when = $"{rescheduled}\n\n{when}";
            }

            if (next is { } following)
            {
                // It is that occurrence's reminder (the window recurs more often than the lead time): it says when it is.
                when = $"{when}\n\n{texts.Format(texts.NextOccurrence, PageClock.Range(following.StartsAt, following.EndsAt, page.TimeZoneId, texts))}";
            }

            return new NotificationContent
            {
                Kind = kind,
                Subject = $"[{page.Name}] {headline}: {window.Title}",
                Body = string.Join("\n\n", new[] { window.Description, AffectedComponents.Paragraph(affectedComponents ?? [], texts), when }.OfType<string>()),
                PageName = page.Name,
                PageSlug = page.Slug,
                Language = texts.ContentLanguage,
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
        }

        var pageTexts = NoticeTexts.For(page.Language);
        var stem = DeduplicationStem(window.Id, occurrenceStartsAt, verb);
        if (previous is not null || onlyThisOccurrence || reinstated)
        {
            stem = string.Create(CultureInfo.InvariantCulture, $"{stem}|{window.Version}");
        }

        return NoticePlanner.Plan(
            subscribers, NotificationEvents.Maintenance, window.ComponentIds, stem, ContentIn(pageTexts), now,
            webhookContent: pageTexts == NoticeTexts.English ? null : ContentIn(NoticeTexts.English));
    }

    public static string DeduplicationStem(Guid windowId, DateTimeOffset occurrenceStartsAt, string verb) =>
        string.Create(CultureInfo.InvariantCulture, $"maintenance|{windowId:N}|{occurrenceStartsAt.UtcTicks}|{verb}");
}
