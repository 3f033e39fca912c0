using StatusKit.Shared;

namespace StatusKit.AspNetCore;

/// <summary>Converts instants to a page's wall clock (its IANA time zone; UTC when the zone is unknown here).</summary>
internal static class PageTime
{
    // In any case (an id stored before the services stored the zone's own id); a zone unknown here is UTC.
    public static TimeZoneInfo Zone(string timeZoneId) => IanaTimeZones.Find(timeZoneId) ?? TimeZoneInfo.Utc;

    /// <summary>
    /// The zone's IANA id (what browsers and readers know, "Europe/Berlin"), also for a Windows zone that maps to one;
    /// otherwise its own id.
    /// </summary>
    public static string IanaId(TimeZoneInfo zone) =>
        zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id;

    public static DateTimeOffset Local(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone);
}
