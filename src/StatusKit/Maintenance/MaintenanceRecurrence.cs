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
    /// The first occurrence start strictly after <paramref name="after"/> of a recurrence whose first occurrence is
    /// <paramref name="firstStart"/> (DTSTART for an RRULE, which counts toward its COUNT), or null when there is none.
    /// </summary>
    public DateTimeOffset? NextStartAfter(DateTimeOffset firstStart, TimeZoneInfo zone, DateTimeOffset after)
    {
        if (_cron is not null)
        {
            return _cron.GetNextOccurrence(after, zone);
        }

        var wallStart = DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(firstStart, zone).DateTime, DateTimeKind.Unspecified);
        if (_rule!.Parts.Count is not { } count)
        {
            return _rule.GetNextOccurrence(wallStart, zone, after);
        }

        // RFC 5545 counts DTSTART as the first of the COUNT occurrences. The rule yields DTSTART only when it matches;
        // when it does not, the window's first occurrence is one of the COUNT, and the rule keeps COUNT - 1 of its own.
        // Compared on the wall clock: a StartsAt in the second half of a DST fold is yielded by the rule at its first.
        var own = _rule.GetOccurrences(wallStart, zone);
        var wallSecond = wallStart.AddTicks(-(wallStart.Ticks % TimeSpan.TicksPerSecond));
        var matchesFirstStart = own.Select(static o => (DateTimeOffset?)o).FirstOrDefault() is { } first
            && TimeZoneInfo.ConvertTime(first, zone).DateTime == wallSecond;
        foreach (var occurrence in matchesFirstStart ? own : own.Take(count - 1))
        {
            if (occurrence > after)
            {
                return occurrence;
            }
        }

        return null;
    }
}
