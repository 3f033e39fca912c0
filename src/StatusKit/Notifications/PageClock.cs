using System.Globalization;
using StatusKit.Shared;

namespace StatusKit.Notifications;

/// <summary>
/// Times in notifications as the page shows them: on the wall clock of the page's time zone with the zone and its UTC
/// offset; UTC pages (and zones unknown here) in UTC. Maintenance notices and digests both write their times here.
/// </summary>
internal static class PageClock
{
    /// <summary>An instant: "2026-01-05 10:20 Europe/Berlin (UTC+01:00)", or "2026-01-05 09:20 UTC".</summary>
    public static string Instant(DateTimeOffset at, string? timeZoneId)
    {
        if (Zone(timeZoneId) is not { } zone)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{at.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        }

        var local = TimeZoneInfo.ConvertTime(at, zone);
        return string.Create(CultureInfo.InvariantCulture, $"{local:yyyy-MM-dd HH:mm} {zone.Id} ({Offset(local)})");
    }

    /// <summary>
    /// A period: "2026-01-05 10:00 - 2026-01-05 11:00 Europe/Berlin (UTC+01:00)", each end with its own offset when a
    /// clock change falls inside ("2026-03-29 01:30 UTC+01:00 - 2026-03-29 04:30 UTC+02:00 Europe/Berlin").
    /// </summary>
    public static string Range(DateTimeOffset startsAt, DateTimeOffset endsAt, string? timeZoneId)
    {
        if (Zone(timeZoneId) is not { } zone)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{startsAt.UtcDateTime:yyyy-MM-dd HH:mm} - {endsAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        }

        var start = TimeZoneInfo.ConvertTime(startsAt, zone);
        var end = TimeZoneInfo.ConvertTime(endsAt, zone);
        return start.Offset == end.Offset
            ? string.Create(CultureInfo.InvariantCulture, $"{start:yyyy-MM-dd HH:mm} - {end:yyyy-MM-dd HH:mm} {zone.Id} ({Offset(start)})")
            : string.Create(CultureInfo.InvariantCulture, $"{start:yyyy-MM-dd HH:mm} {Offset(start)} - {end:yyyy-MM-dd HH:mm} {Offset(end)} {zone.Id}");
    }

    // Null for UTC itself (no offset worth writing) and for a zone this system does not know; found in any case (an id
    // stored before the services stored the zone's own id), and named by its own id.
    private static TimeZoneInfo? Zone(string? timeZoneId) =>
        IanaTimeZones.Find(timeZoneId) is { } zone
        && !(zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime)
            ? zone
            : null;

    private static string Offset(DateTimeOffset local) => UtcOffsetLabel.Of(local.Offset);
}
