using StatusKit.Notifications.Texts;
using StatusKit.Shared;

namespace StatusKit.Notifications;

/// <summary>
/// Times in notifications as the page shows them: on the wall clock of the page's time zone with the zone and its UTC
/// offset; UTC pages (and zones unknown here) in UTC. Maintenance notices and digests both write their times here, in
/// the format and culture of the notice's language (<see cref="NoticeTexts.DateTimeFormat"/>; English, the default,
/// writes <c>yyyy-MM-dd HH:mm</c>): only the date and time change with the language, never the zone or the offset.
/// </summary>
internal static class PageClock
{
    /// <summary>An instant: "2026-01-05 10:20 Europe/Berlin (UTC+01:00)", or "2026-01-05 09:20 UTC".</summary>
    public static string Instant(DateTimeOffset at, string? timeZoneId, NoticeTexts? texts = null)
    {
        texts ??= NoticeTexts.English;
        if (Zone(timeZoneId) is not { } zone)
        {
            return $"{Written(at.UtcDateTime, texts)} UTC";
        }

        var local = TimeZoneInfo.ConvertTime(at, zone);
        return $"{Written(local.DateTime, texts)} {zone.Id} ({Offset(local)})";
    }

    /// <summary>
    /// A period: "2026-01-05 10:00 - 2026-01-05 11:00 Europe/Berlin (UTC+01:00)", each end with its own offset when a
    /// clock change falls inside ("2026-03-29 01:30 UTC+01:00 - 2026-03-29 04:30 UTC+02:00 Europe/Berlin").
    /// </summary>
    public static string Range(DateTimeOffset startsAt, DateTimeOffset endsAt, string? timeZoneId, NoticeTexts? texts = null)
    {
        texts ??= NoticeTexts.English;
        if (Zone(timeZoneId) is not { } zone)
        {
            return $"{Written(startsAt.UtcDateTime, texts)} - {Written(endsAt.UtcDateTime, texts)} UTC";
        }

        var start = TimeZoneInfo.ConvertTime(startsAt, zone);
        var end = TimeZoneInfo.ConvertTime(endsAt, zone);
        return start.Offset == end.Offset
            ? $"{Written(start.DateTime, texts)} - {Written(end.DateTime, texts)} {zone.Id} ({Offset(start)})"
            : $"{Written(start.DateTime, texts)} {Offset(start)} - {Written(end.DateTime, texts)} {Offset(end)} {zone.Id}";
    }

    // A wall-clock reading in the language's format and culture (English: the invariant yyyy-MM-dd HH:mm).
    private static string Written(DateTime wallClock, NoticeTexts texts) => wallClock.ToString(texts.DateTimeFormat, texts.Culture);

    // Null for UTC itself (no offset worth writing) and for a zone this system does not know; found in any case (an id
    // stored before the services stored the zone's own id), and named by its own id.
    private static TimeZoneInfo? Zone(string? timeZoneId) =>
        IanaTimeZones.Find(timeZoneId) is { } zone
        && !(zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime)
            ? zone
            : null;

    private static string Offset(DateTimeOffset local) => UtcOffsetLabel.Of(local.Offset);
}
