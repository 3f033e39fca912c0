using System.Diagnostics.CodeAnalysis;
using StatusKit.Recurrence;

namespace StatusKit.Maintenance;

/// <summary>
/// A window's recurrence text parsed once: an RFC 5545 RRULE (tried first) or, failing that, a cron expression. Both
/// are evaluated on the wall clock of the window's time zone.
/// </summary>
internal sealed class MaintenanceRecurrence
{
    private readonly RecurrenceRule? _rule;
    private readonly CronSchedule? _cron;

    private MaintenanceRecurrence(RecurrenceRule? rule, CronSchedule? cron)
    {
        _rule = rule;
        _cron = cron;
    }

    /// <summary>Parses <paramref name="text"/> as an RRULE, then as a cron expression; the error is the parser's message.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out MaintenanceRecurrence? recurrence, [NotNullWhen(false)] out string? error)
    {
        if (RecurrenceRule.TryParse(text, out var rule, out var ruleError))
        {
            recurrence = new MaintenanceRecurrence(rule, null);
            error = null;
            return true;
        }

        if (CronSchedule.TryParse(text, out var cron, out var cronError))
        {
            recurrence = new MaintenanceRecurrence(null, cron);
            error = null;
            return true;
        }

        // Report the message of the parser the text was evidently written for.
        recurrence = null;
        error = text.Contains('=', StringComparison.Ordinal) ? ruleError : cronError;
        return false;
    }

    /// <summary>
    /// The recurrence to be evaluated in UTC on the wall times of <paramref name="zone"/> (an RRULE's UNTIL instant read
    /// as its wall time there; a cron expression has no end).
    /// </summary>
    public MaintenanceRecurrence OnWallClockOf(TimeZoneInfo zone) => _rule is null ? this : new MaintenanceRecurrence(_rule.OnWallClockOf(zone), null);

    /// <summary>Whether the recurrence is a cron expression (which fires a time a DST gap skipped at the gap's end).</summary>
    public bool IsCron => _cron is not null;

    /// <summary>Whether the recurrence ends after a number of occurrences (an RRULE with COUNT).</summary>
    public bool IsCounted => _rule?.Parts.Count is not null;

    /// <summary>
    /// The first occurrence start strictly after <paramref name="after"/> of a recurrence whose first occurrence is
    /// <paramref name="firstStart"/> (DTSTART for an RRULE, which counts toward its COUNT), or null when there is none.
    /// </summary>
    public DateTimeOffset? NextStartAfter(DateTimeOffset firstStart, TimeZoneInfo zone, DateTimeOffset after)
    {
        if (_cron is not null)
        {
            return _cron.GetNextOccurrence(after, zone);
        }

        var wallStart = WallStart(firstStart, zone);
        if (_rule!.Parts.Count is null)
        {
            return _rule.GetNextOccurrence(wallStart, zone, after);
        }

        foreach (var occurrence in Counted(wallStart, zone))
        {
            if (occurrence > after)
            {
                return occurrence;
            }
        }

        return null;
    }

    /// <summary>
    /// The occurrence starts strictly after <paramref name="after"/> (at or after <paramref name="firstStart"/>),
    /// ascending and lazily: what <see cref="NextStartAfter"/> gives one call at a time, without seeking again for each.
    /// </summary>
    public IEnumerable<DateTimeOffset> StartsAfter(DateTimeOffset firstStart, TimeZoneInfo zone, DateTimeOffset after)
    {
        if (_cron is not null)
        {
            for (var next = _cron.GetNextOccurrence(after, zone); next is { } start; next = _cron.GetNextOccurrence(start, zone))
            {
                yield return start;
            }

            yield break;
        }

        var wallStart = WallStart(firstStart, zone);
        var occurrences = _rule!.Parts.Count is null ? _rule.GetOccurrencesAfter(wallStart, zone, after) : Counted(wallStart, zone);
        foreach (var occurrence in occurrences)
        {
            if (occurrence > after)
            {
                yield return occurrence;
            }
        }
    }

    /// <summary>What the recurrence's structure says about the spacing of its wall-clock times (see <see cref="RecurrenceSpacing"/>).</summary>
    public RecurrenceSpacing Spacing(DateTimeOffset firstStart, TimeZoneInfo zone) =>
        _cron is not null ? _cron.Spacing : _rule!.GetSpacing(WallStart(firstStart, zone), zone);

    private static DateTime WallStart(DateTimeOffset firstStart, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(firstStart, zone).DateTime, DateTimeKind.Unspecified);

    /// <summary>
    /// The occurrences of an RRULE with COUNT from <paramref name="wallStart"/>. RFC 5545 counts DTSTART as the first of
    /// the COUNT occurrences. The rule yields DTSTART only when it matches; when it does not, the window's first
    /// occurrence is one of the COUNT, and the rule keeps COUNT - 1 of its own. Compared on the wall clock: a StartsAt
    /// in the second half of a DST fold is yielded by the rule at its first.
    /// </summary>
    private IEnumerable<DateTimeOffset> Counted(DateTime wallStart, TimeZoneInfo zone)
    {
        var own = _rule!.GetOccurrences(wallStart, zone);
        var wallSecond = wallStart.AddTicks(-(wallStart.Ticks % TimeSpan.TicksPerSecond));
        var matchesFirstStart = own.Select(static o => (DateTimeOffset?)o).FirstOrDefault() is { } first
            && TimeZoneInfo.ConvertTime(first, zone).DateTime == wallSecond;
        return matchesFirstStart ? own : own.Take(_rule.Parts.Count!.Value - 1);
    }
}
