using System.Globalization;
using System.Text;
using StatusKit.Model;

namespace StatusKit.AspNetCore.Feeds;

/// <summary>
/// Maintenance windows as an iCalendar (RFC 5545) document: one VEVENT per window with its TZID and, for an RRULE
/// recurrence, the rule itself; a VTIMEZONE for each zone used. Lines end in CRLF and are folded at 75 octets.
/// </summary>
internal static class CalendarWriter
{
    public static byte[] Write(string pageName, IReadOnlyList<MaintenanceWindow> windows, string pageUrl, DateTimeOffset now)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//StatusKit//Maintenance//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + Escape($"{pageName} maintenance"),
        };
        foreach (var zoneId in windows.Select(w => w.TimeZoneId).Where(z => z != "UTC").Distinct(StringComparer.Ordinal))
        {
            TimeZoneBlock(lines, zoneId, PageTime.Zone(zoneId), now);
        }

        foreach (var window in windows)
        {
            var zone = PageTime.Zone(window.TimeZoneId);
            var rrule = RecurrenceRule(window.Recurrence);
            var start = rrule is null ? window.OccurrenceStartsAt : window.StartsAt;
            var end = rrule is null ? window.OccurrenceEndsAt : window.EndsAt;
            lines.Add("BEGIN:VEVENT");
            lines.Add($"UID:{window.Id}@statuskit");
            lines.Add("DTSTAMP:" + Utc(window.UpdatedAt));
            lines.Add(DateProperty("DTSTART", start, window.TimeZoneId, zone));
            lines.Add(DateProperty("DTEND", end, window.TimeZoneId, zone));
            if (rrule is not null)
            {
                lines.Add("RRULE:" + rrule);
            }

            lines.Add("SUMMARY:" + Escape(window.Title));
            var description = window.Description ?? string.Empty;
            if (window.Recurrence is not null && rrule is null)
            {
                description = $"{description}\nRecurs on the schedule '{window.Recurrence}' ({window.TimeZoneId}); the next occurrence is shown.".Trim();
            }

            if (description.Length > 0)
            {
                lines.Add("DESCRIPTION:" + Escape(description));
            }

            lines.Add("URL:" + pageUrl);
            lines.Add("STATUS:" + (window.State == MaintenanceState.Cancelled ? "CANCELLED" : "CONFIRMED"));
            lines.Add("TRANSP:TRANSPARENT");
            lines.Add("END:VEVENT");
        }

        lines.Add("END:VCALENDAR");
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(text, line);
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The RRULE value of an RFC 5545 recurrence ("FREQ=…" or "RRULE:FREQ=…"); null for a cron expression.</summary>
    internal static string? RecurrenceRule(string? recurrence)
    {
        if (recurrence is null)
        {
            return null;
        }

        var text = recurrence.Trim();
        if (text.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase))
        {
            text = text[6..];
        }

        return text.StartsWith("FREQ=", StringComparison.OrdinalIgnoreCase) ? text : null;
    }

    private static string DateProperty(string name, DateTimeOffset instant, string zoneId, TimeZoneInfo zone) => zoneId == "UTC"
        ? $"{name}:{Utc(instant)}"
        : $"{name};TZID={zoneId}:{PageTime.Local(instant, zone).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture)}";

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static void TimeZoneBlock(List<string> lines, string zoneId, TimeZoneInfo zone, DateTimeOffset now)
    {
        lines.Add("BEGIN:VTIMEZONE");
        lines.Add("TZID:" + zoneId);
        var rule = zone.GetAdjustmentRules().FirstOrDefault(r => r.DateStart <= now.UtcDateTime && r.DateEnd >= now.UtcDateTime);
        var standard = zone.BaseUtcOffset + (rule?.BaseUtcOffsetDelta ?? TimeSpan.Zero);
        if (rule is null || rule.DaylightDelta == TimeSpan.Zero)
        {
            var offset = zone.GetUtcOffset(now);
            lines.AddRange(["BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:" + Offset(offset), "TZOFFSETTO:" + Offset(offset), "END:STANDARD"]);
        }
        else
        {
            var daylight = standard + rule.DaylightDelta;
            Transition(lines, "DAYLIGHT", rule.DaylightTransitionStart, standard, daylight);
            Transition(lines, "STANDARD", rule.DaylightTransitionEnd, daylight, standard);
        }

        lines.Add("END:VTIMEZONE");
    }

    private static void Transition(List<string> lines, string kind, TimeZoneInfo.TransitionTime transition, TimeSpan from, TimeSpan to)
    {
        var time = transition.TimeOfDay;
        lines.Add("BEGIN:" + kind);
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"DTSTART:1970{transition.Month:00}{(transition.IsFixedDateRule ? transition.Day : 1):00}T{time.Hour:00}{time.Minute:00}{time.Second:00}"));
        lines.Add("TZOFFSETFROM:" + Offset(from));
        lines.Add("TZOFFSETTO:" + Offset(to));
        var day = transition.IsFixedDateRule
            ? string.Create(CultureInfo.InvariantCulture, $"BYMONTHDAY={transition.Day}")
            : string.Create(CultureInfo.InvariantCulture, $"BYDAY={(transition.Week == 5 ? -1 : transition.Week)}{DayCode(transition.DayOfWeek)}");
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"RRULE:FREQ=YEARLY;BYMONTH={transition.Month};{day}"));
        lines.Add("END:" + kind);
    }

    private static string DayCode(DayOfWeek day) => day.ToString()[..2].ToUpperInvariant();

    private static string Offset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hhmm", CultureInfo.InvariantCulture);

    private static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Appends a content line folded at 75 octets (never inside a UTF-8 sequence), ending in CRLF.</summary>
    private static void Fold(StringBuilder text, string line)
    {
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                text.Append("\r\n ");
                octets = 0;
                limit = 74;
            }

            text.Append(rune.ToString());
            octets += size;
        }

        text.Append("\r\n");
    }
}
