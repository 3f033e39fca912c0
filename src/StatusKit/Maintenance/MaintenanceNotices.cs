using System.Globalization;
using StatusKit.Model;
using StatusKit.Notifications;

namespace StatusKit.Maintenance;

/// <summary>
/// Builds the reminder, started and completed notices of a maintenance occurrence (pure). Their deduplication stem
/// <c>maintenance|{windowId}|{occurrenceStartTicks}|{event}</c> makes a retried or raced notice a no-op.
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
        DateTimeOffset now)
    {
        var (verb, headline) = kind switch
        {
            NotificationKind.MaintenanceReminder => ("reminder", "Scheduled maintenance"),
            NotificationKind.MaintenanceStarted => ("started", "Maintenance in progress"),
            NotificationKind.MaintenanceCompleted => ("completed", "Maintenance completed"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a maintenance notice."),
        };
        var when = When(occurrenceStartsAt, occurrenceEndsAt, page.TimeZoneId);
        var content = new NotificationContent
        {
            Kind = kind,
            Subject = $"[{page.Name}] {headline}: {window.Title}",
            Body = window.Description is null ? when : $"{window.Description}\n\n{when}",
            PageName = page.Name,
            PageSlug = page.Slug,
            MaintenanceWindowId = window.Id,
            OccurredAt = now,
        };
        return NoticePlanner.Plan(subscribers, window.ComponentIds, DeduplicationStem(window.Id, occurrenceStartsAt, verb), content, now);
    }

    /// <summary>
    /// The occurrence on the page's wall clock, as the page shows it: "2026-01-05 10:00 - 2026-01-05 11:00 Europe/Berlin
    /// (UTC+01:00)", each end with its own offset when a clock change falls inside; UTC pages (and zones unknown here) in UTC.
    /// </summary>
    private static string When(DateTimeOffset startsAt, DateTimeOffset endsAt, string timeZoneId)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) || zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{startsAt.UtcDateTime:yyyy-MM-dd HH:mm} - {endsAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        }

        var start = TimeZoneInfo.ConvertTime(startsAt, zone);
        var end = TimeZoneInfo.ConvertTime(endsAt, zone);
        return start.Offset == end.Offset
            ? string.Create(CultureInfo.InvariantCulture, $"{start:yyyy-MM-dd HH:mm} - {end:yyyy-MM-dd HH:mm} {timeZoneId} ({Offset(start)})")
            : string.Create(CultureInfo.InvariantCulture, $"{start:yyyy-MM-dd HH:mm} {Offset(start)} - {end:yyyy-MM-dd HH:mm} {Offset(end)} {timeZoneId}");
    }

    private static string Offset(DateTimeOffset local) =>
        "UTC" + (local.Offset < TimeSpan.Zero ? "-" : "+") + local.Offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    public static string DeduplicationStem(Guid windowId, DateTimeOffset occurrenceStartsAt, string verb) =>
        string.Create(CultureInfo.InvariantCulture, $"maintenance|{windowId:N}|{occurrenceStartsAt.UtcTicks}|{verb}");
}
