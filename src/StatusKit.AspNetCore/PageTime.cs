namespace StatusKit.AspNetCore;

/// <summary>Converts instants to a page's wall clock (its IANA time zone; UTC when the zone is unknown here).</summary>
internal static class PageTime
{
    public static TimeZoneInfo Zone(string timeZoneId)
    {
        if (TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone))
        {
            return zone;
        }

        // An id stored in another case (the services store the zone's own id, but did not always): on a case-sensitive
        // file system TimeZoneInfo finds it only once the zone is cached, so look for it among the system's zones, as
        // the uptime service does, rather than depend on what the process read before.
        return TimeZoneInfo.GetSystemTimeZones().FirstOrDefault(z => string.Equals(z.Id, timeZoneId, StringComparison.OrdinalIgnoreCase))
            ?? TimeZoneInfo.Utc;
    }

    /// <summary>
    /// The zone's IANA id (what browsers and readers know, "Europe/Berlin"), also for a Windows zone that maps to one;
    /// otherwise its own id.
    /// </summary>
    public static string IanaId(TimeZoneInfo zone) =>
        zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id;

    public static DateTimeOffset Local(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone);
}
