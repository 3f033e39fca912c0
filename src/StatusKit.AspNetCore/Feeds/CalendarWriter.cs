using System.Globalization;
using System.Text;
using StatusKit.Model;

namespace StatusKit.AspNetCore.Feeds;

/// <summary>
/// Maintenance windows as an iCalendar (RFC 5545) document: one VEVENT per window with its TZID and, for an RRULE
/// recurrence, the rule itself and its excluded occurrences (EXDATE, local times with the same TZID as DTSTART); a
/// VTIMEZONE for each zone used; each event's URL is the window's own page. Lines end in CRLF and are folded at 75 octets.
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
                if (window.ExcludedOccurrences.Count > 0)
                {
                    lines.Add(ExcludedDates(window.ExcludedOccurrences, window.TimeZoneId));
                }
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

            // A URI value (RFC 5545 §3.8.4.6, §3.3.13) is not TEXT-escaped: the page URL is already percent-encoded.
            lines.Add("URL:" + PagePaths.Maintenance(pageUrl, window.Id));
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

    /// <summary>The EXDATE of wall-clock starts: in the window's zone like DTSTART (RFC 5545 wants the same value type), or UTC.</summary>
    private static string ExcludedDates(IReadOnlyList<DateTime> starts, string zoneId)
    {
        var utc = zoneId == "UTC";
        var values = string.Join(',', starts.Select(s => s.ToString(utc ? "yyyyMMdd'T'HHmmss'Z'" : "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture)));
        return utc ? $"EXDATE:{values}" : $"EXDATE;TZID={zoneId}:{values}";
    }

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// A VTIMEZONE from the zone's actual transitions in the current year (found by scanning), each repeated yearly
    /// on the same weekday of the month, which is how every zone with daylight saving time in use today works.
    /// </summary>
    private static void TimeZoneBlock(List<string> lines, string zoneId, TimeZoneInfo zone, DateTimeOffset now)
    {
        lines.Add("BEGIN:VTIMEZONE");
        lines.Add("TZID:" + zoneId);
        var transitions = Transitions(zone, now.Year);
        if (transitions.Count == 0)
        {
            var offset = zone.GetUtcOffset(now);
            lines.AddRange(["BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:" + Offset(offset), "TZOFFSETTO:" + Offset(offset), "END:STANDARD"]);
        }

        foreach (var (instant, from, to) in transitions)
        {
            var kind = to > from ? "DAYLIGHT" : "STANDARD";
            var local = instant.UtcDateTime + from;
            var lastDay = DateTime.DaysInMonth(local.Year, local.Month);
            var week = local.Day > lastDay - 7 ? -1 : ((local.Day - 1) / 7) + 1;
            lines.Add("BEGIN:" + kind);
            lines.Add("DTSTART:" + local.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture));
            lines.Add("TZOFFSETFROM:" + Offset(from));
            lines.Add("TZOFFSETTO:" + Offset(to));
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"RRULE:FREQ=YEARLY;BYMONTH={local.Month};BYDAY={week}{DayCode(local.DayOfWeek)}"));
            lines.Add("END:" + kind);
        }

        lines.Add("END:VTIMEZONE");
    }

    private static List<(DateTimeOffset Instant, TimeSpan From, TimeSpan To)> Transitions(TimeZoneInfo zone, int year)
    {
        var result = new List<(DateTimeOffset, TimeSpan, TimeSpan)>();
        var start = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var end = start.AddYears(1);
        var previous = zone.GetUtcOffset(start);
        for (var at = start.AddHours(1); at <= end; at = at.AddHours(1))
        {
            var offset = zone.GetUtcOffset(at);
            if (offset == previous)
            {
                continue;
            }

            // Narrow the change down to the minute.
            var low = at.AddHours(-1);
            var high = at;
            while (high - low > TimeSpan.FromMinutes(1))
            {
                var middle = low + ((high - low) / 2);
                middle = new DateTimeOffset(middle.Ticks - (middle.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
                if (zone.GetUtcOffset(middle) == previous)
                {
                    low = middle;
                }
                else
                {
                    high = middle;
                }
            }

            result.Add((high, previous, offset));
            previous = offset;
        }

        return result;
    }

    private static string DayCode(DayOfWeek day) => day.ToString()[..2].ToUpperInvariant();

    private static string Offset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hhmm", CultureInfo.InvariantCulture);

    /// <summary>
    /// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped; a line break (CRLF, LF or a lone CR)
    /// written as <c>\n</c>; the other US-ASCII control characters, which TEXT does not allow, dropped (tab is kept).
    /// </summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\' or ';' or ',':
                    escaped.Append('\\').Append(c);
                    break;
                case '\r' or '\n':
                    escaped.Append("\\n");
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\t':
                    escaped.Append(c);
                    break;
                default:
                    if (c >= ' ' && c != '\u007F')
                    {
                        escaped.Append(c);
                    }

                    break;
            }
        }

        return escaped.ToString();
    }

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
