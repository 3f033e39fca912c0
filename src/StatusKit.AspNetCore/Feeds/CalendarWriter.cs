using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using StatusKit.Model;
using StatusKit.Recurrence;

namespace StatusKit.AspNetCore.Feeds;

/// <summary>
/// Maintenance windows as an iCalendar (RFC 5545) document: one VEVENT per window with its TZID and, for an RRULE
/// recurrence, the rule itself in canonical form and the occurrences the window skips (EXDATE, local times with the same
/// TZID as DTSTART): its excluded ones, and those passed over when an operator ran an occurrence early; a VTIMEZONE for
/// each zone used, covering every instant the feed names; each event's URL is the window's own page. Lines end in CRLF
/// and are folded at 75 octets.
/// </summary>
internal static partial class CalendarWriter
{
    /// <summary>The most occurrences one event's EXDATE lists as passed over (an operator's early runs skip one each).</summary>
    private const int MaxPassedOver = 100;

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
        foreach (var zoneWindows in windows.Where(w => w.TimeZoneId != "UTC").GroupBy(w => w.TimeZoneId, StringComparer.Ordinal))
        {
            var zone = PageTime.Zone(zoneWindows.Key);
            var firstYear = zoneWindows.Min(w => PageTime.Local(FirstStart(w), zone).Year);
            TimeZoneBlock(lines, zoneWindows.Key, zone, Math.Min(firstYear, now.Year), now);
        }

        foreach (var window in windows)
        {
            var zone = PageTime.Zone(window.TimeZoneId);
            var rule = Rule(window.Recurrence);
            var start = rule is null ? window.OccurrenceStartsAt : window.StartsAt;
            var end = rule is null ? window.OccurrenceEndsAt : window.EndsAt;
            lines.Add("BEGIN:VEVENT");
            lines.Add($"UID:{window.Id}@statuskit");
            lines.Add("DTSTAMP:" + Utc(window.UpdatedAt));
            lines.Add(DateProperty("DTSTART", start, window.TimeZoneId, zone, anchorsRule: rule is not null));
            lines.Add(DateProperty("DTEND", end, window.TimeZoneId, zone, anchorsRule: false));
            if (rule is not null)
            {
                lines.Add("RRULE:" + RuleText(rule, zone));
                var skipped = window.ExcludedOccurrences.Union(PassedOver(window, rule, zone)).Order().ToList();
                if (skipped.Count > 0)
                {
                    lines.Add(ExcludedDates(skipped, window.TimeZoneId));
                }
            }

            lines.Add("SUMMARY:" + Escape(window.Title));
            var description = window.Description ?? string.Empty;
            if (window.Recurrence is not null && rule is null)
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

    /// <summary>
    /// The RFC 5545 rule of a recurrence ("FREQ=…" or "RRULE:FREQ=…"); null for none, a cron expression, or text that
    /// no longer parses (a window keeps the text it was stored with).
    /// </summary>
    private static RecurrenceRule? Rule(string? recurrence) =>
        RecurrenceRule.TryParse(recurrence, out var rule, out _) ? rule : null;

    /// <summary>
    /// The rule's canonical text, which a strict parser reads (the stored text may hold spaces, line breaks or a trailing
    /// ';' that StatusKit's parser forgives), with an UNTIL date, which includes that whole day on the window's wall
    /// clock, written as the UTC instant of that day's last second: RFC 5545 §3.3.10 wants a UTC date-time when DTSTART
    /// is one or names a TZID, and a client reading a date as its midnight would lose the day's occurrences.
    /// </summary>
    private static string RuleText(RecurrenceRule rule, TimeZoneInfo zone)
    {
        var text = rule.ToString();
        var until = UntilDate().Match(text);
        if (!until.Success)
        {
            return text;
        }

        var lastSecond = DateOnly.ParseExact(until.Groups[1].Value, "yyyyMMdd", CultureInfo.InvariantCulture).ToDateTime(new TimeOnly(23, 59, 59));
        var offset = zone.IsAmbiguousTime(lastSecond) ? zone.GetAmbiguousTimeOffsets(lastSecond).Min() : zone.GetUtcOffset(lastSecond);
        return text.Replace(until.Value, ";UNTIL=" + Utc(new DateTimeOffset(lastSecond, offset)), StringComparison.Ordinal);
    }

    [GeneratedRegex(";UNTIL=([0-9]{8})(?=;|$)", RegexOptions.CultureInvariant)]
    private static partial Regex UntilDate();

    /// <summary>
    /// The starts an open window passed over after its last change: occurrences later than that change but earlier
    /// than its current one, which it will not run. An operator's start now and complete now of an occurrence before
    /// its planned start does this (the next occurrence is the first after the planned start); so a calendar does not
    /// show the planned start of an occurrence already run. Wall times in the window's zone, like EXDATE's.
    /// </summary>
    private static List<DateTime> PassedOver(MaintenanceWindow window, RecurrenceRule rule, TimeZoneInfo zone)
    {
        var passed = new List<DateTime>();
        if (window.State is not (MaintenanceState.Scheduled or MaintenanceState.InProgress))
        {
            return passed;
        }

        var firstStart = PageTime.Local(window.StartsAt, zone).DateTime;
        for (var next = rule.GetNextOccurrence(firstStart, zone, window.UpdatedAt);
             next is { } start && start < window.OccurrenceStartsAt && passed.Count < MaxPassedOver;
             next = rule.GetNextOccurrence(firstStart, zone, start))
        {
            passed.Add(PageTime.Local(start, zone).DateTime);
        }

        return passed;
    }

    /// <summary>The earliest start the feed may name for <paramref name="window"/>: its series' first, or its occurrence's.</summary>
    private static DateTimeOffset FirstStart(MaintenanceWindow window) =>
        window.StartsAt < window.OccurrenceStartsAt ? window.StartsAt : window.OccurrenceStartsAt;

    /// <summary>
    /// A date-time property: UTC for a UTC window, else the wall time with the window's TZID. RFC 5545 §3.3.5 reads a
    /// wall time the clocks show twice (the hour repeated when they go back) as its first instant, so an instant in the
    /// repeated hour's second pass is written in UTC, unless it anchors a rule, whose occurrences follow DTSTART's wall
    /// clock.
    /// </summary>
    private static string DateProperty(string name, DateTimeOffset instant, string zoneId, TimeZoneInfo zone, bool anchorsRule)
    {
        var local = PageTime.Local(instant, zone);
        var secondPass = zone.IsAmbiguousTime(local) && local.Offset != zone.GetAmbiguousTimeOffsets(local).Max();
        return zoneId == "UTC" || (secondPass && !anchorsRule)
            ? $"{name}:{Utc(instant)}"
            : $"{name};TZID={zoneId}:{local.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture)}";
    }

    /// <summary>The EXDATE of wall-clock starts: in the window's zone like DTSTART (RFC 5545 wants the same value type), or UTC.</summary>
    private static string ExcludedDates(IReadOnlyList<DateTime> starts, string zoneId)
    {
        var utc = zoneId == "UTC";
        var values = string.Join(',', starts.Select(s => s.ToString(utc ? "yyyyMMdd'T'HHmmss'Z'" : "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture)));
        return utc ? $"EXDATE:{values}" : $"EXDATE;TZID={zoneId}:{values}";
    }

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// A VTIMEZONE covering every instant from the year before <paramref name="firstYear"/> on (a zone without a change
    /// in the years before the current one starts with its offset of then, from 1970): the zone's actual
    /// transitions (found by scanning) of each year before the current one, each once, and the current year's, each
    /// repeated yearly on the same weekday of the month, which is how every zone with daylight saving time in use today
    /// works. RFC 5545 §3.6.5 wants the time zone of every instance a recurring event names, and a series may have begun
    /// years ago; the year before the first lets its first months follow the previous autumn's change.
    /// </summary>
    private static void TimeZoneBlock(List<string> lines, string zoneId, TimeZoneInfo zone, int firstYear, DateTimeOffset now)
    {
        lines.Add("BEGIN:VTIMEZONE");
        lines.Add("TZID:" + zoneId);
        var earlier = Enumerable.Range(firstYear - 1, now.Year - firstYear + 1).SelectMany(year => Transitions(zone, year)).ToList();
        var current = Transitions(zone, now.Year);
        if (earlier.Count == 0)
        {
            // The offset in force from the start of the years covered until the first change listed, if any.
            var offset = zone.GetUtcOffset(new DateTimeOffset(firstYear - 1, 1, 1, 0, 0, 0, TimeSpan.Zero));
            lines.AddRange(["BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:" + Offset(offset), "TZOFFSETTO:" + Offset(offset), "END:STANDARD"]);
        }

        foreach (var transition in earlier)
        {
            Observance(lines, transition, yearly: false);
        }

        foreach (var transition in current)
        {
            Observance(lines, transition, yearly: true);
        }

        lines.Add("END:VTIMEZONE");
    }

    /// <summary>A STANDARD or DAYLIGHT sub-component from one transition, once or repeated yearly on its weekday of the month.</summary>
    private static void Observance(List<string> lines, (DateTimeOffset Instant, TimeSpan From, TimeSpan To) transition, bool yearly)
    {
        var (instant, from, to) = transition;
        var kind = to > from ? "DAYLIGHT" : "STANDARD";
        var local = instant.UtcDateTime + from;
        lines.Add("BEGIN:" + kind);
        lines.Add("DTSTART:" + local.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture));
        lines.Add("TZOFFSETFROM:" + Offset(from));
        lines.Add("TZOFFSETTO:" + Offset(to));
        if (yearly)
        {
            var lastDay = DateTime.DaysInMonth(local.Year, local.Month);
            var week = local.Day > lastDay - 7 ? -1 : ((local.Day - 1) / 7) + 1;
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"RRULE:FREQ=YEARLY;BYMONTH={local.Month};BYDAY={week}{DayCode(local.DayOfWeek)}"));
        }

        lines.Add("END:" + kind);
    }

    /// <summary>The zone's offset changes in <paramref name="year"/> (UTC), found day by day and narrowed to the minute.</summary>
    private static List<(DateTimeOffset Instant, TimeSpan From, TimeSpan To)> Transitions(TimeZoneInfo zone, int year)
    {
        var result = new List<(DateTimeOffset, TimeSpan, TimeSpan)>();
        var start = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var end = start.AddYears(1);
        var previous = zone.GetUtcOffset(start);
        for (var at = start.AddDays(1); at <= end; at = at.AddDays(1))
        {
            var offset = zone.GetUtcOffset(at);
            if (offset == previous)
            {
                continue;
            }

            var low = at.AddDays(-1);
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
