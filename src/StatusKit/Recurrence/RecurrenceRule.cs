using System.Diagnostics.CodeAnalysis;

namespace StatusKit.Recurrence;

/// <summary>
/// An RFC 5545 recurrence rule (RRULE), such as <c>FREQ=WEEKLY;BYDAY=SU;BYHOUR=2;BYMINUTE=0</c>,
/// expanded on the wall clock of a time zone.
/// </summary>
/// <remarks>
/// Occurrences follow python-dateutil's expansion: DTSTART is yielded only when it matches the rule,
/// and a rule without day parts takes them from DTSTART (a YEARLY rule recurs on DTSTART's month and
/// day). Wall times are turned into instants as RFC 5545 section 3.3.5 says: a time skipped by a DST
/// gap uses the offset before the gap, an ambiguous time its first instant. Instances are immutable
/// and thread-safe.
/// </remarks>
public sealed class RecurrenceRule
{
    private readonly RecurrenceRuleParts parts;
    private RecurrencePlan? lastPlan;

    private RecurrenceRule(RecurrenceRuleParts parts)
    {
        this.parts = parts;
    }

    internal RecurrenceRuleParts Parts => parts;

    /// <summary>
    /// This rule to be evaluated in UTC on the wall times of <paramref name="zone"/>: an UNTIL instant becomes its wall
    /// time there (a date UNTIL is a wall date already), so the wall-clock walk ends where the zone's sequence does.
    /// </summary>
    internal RecurrenceRule OnWallClockOf(TimeZoneInfo zone) =>
        parts.UntilUtc is { } until
            ? new RecurrenceRule(parts with { UntilUtc = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(until, DateTimeKind.Utc), zone) })
            : this;

    /// <summary>Parses RRULE text; an optional <c>RRULE:</c> prefix is accepted, parts may come in any order and any case.</summary>
    /// <param name="text">The rule, for example <c>FREQ=MONTHLY;BYDAY=1TU</c>.</param>
    /// <returns>The parsed rule.</returns>
    /// <exception cref="FormatException">The text is not a valid rule; the message names the offending part.</exception>
    public static RecurrenceRule Parse(string text)
    {
        var result = RecurrenceRuleParser.TryParse(text, out var error);
        return result is null ? throw new FormatException(error) : new RecurrenceRule(result);
    }

    /// <summary>Parses RRULE text without throwing.</summary>
    /// <param name="text">The rule text, or <see langword="null"/>.</param>
    /// <param name="rule">The parsed rule when the text is valid.</param>
    /// <param name="error">Why the text is invalid, naming the offending part, when it is.</param>
    /// <returns>Whether the text is a valid rule.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out RecurrenceRule? rule, [NotNullWhen(false)] out string? error)
    {
        var result = RecurrenceRuleParser.TryParse(text, out error);
        rule = result is null ? null : new RecurrenceRule(result);
        return rule is not null;
    }

    /// <summary>Enumerates the occurrences lazily, in strictly ascending order and without duplicates.</summary>
    /// <param name="start">DTSTART as a wall-clock time in <paramref name="zone"/> (kind <see cref="DateTimeKind.Unspecified"/>); fractions of a second are ignored.</param>
    /// <param name="zone">The time zone whose wall clock the rule runs on.</param>
    /// <returns>The occurrences; infinite when the rule has neither COUNT nor UNTIL.</returns>
    public IEnumerable<DateTimeOffset> GetOccurrences(DateTime start, TimeZoneInfo zone)
    {
        var plan = GetPlan(start, zone);
        return Enumerate(plan, zone);
    }

    /// <summary>
    /// The first occurrence strictly after <paramref name="after"/>. Without COUNT this jumps straight
    /// to the period around <paramref name="after"/> instead of walking from DTSTART.
    /// </summary>
    /// <param name="start">DTSTART as a wall-clock time in <paramref name="zone"/> (kind <see cref="DateTimeKind.Unspecified"/>).</param>
    /// <param name="zone">The time zone whose wall clock the rule runs on.</param>
    /// <param name="after">The instant the occurrence must be later than.</param>
    /// <returns>The occurrence, or <see langword="null"/> when the rule has none after <paramref name="after"/>.</returns>
    public DateTimeOffset? GetNextOccurrence(DateTime start, TimeZoneInfo zone, DateTimeOffset after)
    {
        var plan = GetPlan(start, zone);
        var sequencer = new OccurrenceSequencer(plan, zone);
        if (parts.Count is null)
        {
            // Gap-shifted candidates can resolve up to a gap's length after their wall time, so start
            // two days early; only whole periods are skipped.
            var afterWall = ZoneClock.ToZone(zone, after).Ticks;
            sequencer.Seek(afterWall - (2 * TimeSpan.TicksPerDay));
        }

        while (sequencer.TryNext(out var occurrence))
        {
            if (occurrence > after)
            {
                return occurrence;
            }
        }

        return null;
    }

    /// <summary>
    /// The occurrences strictly after <paramref name="after"/>, lazily: what <see cref="GetNextOccurrence"/> finds, and
    /// the ones after it without seeking again for each.
    /// </summary>
    internal IEnumerable<DateTimeOffset> GetOccurrencesAfter(DateTime start, TimeZoneInfo zone, DateTimeOffset after)
    {
        var plan = GetPlan(start, zone);
        return EnumerateAfter(plan, zone, after, seek: parts.Count is null);
    }

    /// <summary>What the rule's structure says about the spacing of its wall-clock times from DTSTART <paramref name="start"/>.</summary>
    internal RecurrenceSpacing GetSpacing(DateTime start, TimeZoneInfo zone) => RecurrenceSpacing.Of(GetPlan(start, zone));

    /// <summary>The rule as canonical RRULE text (fixed part order, sorted values, defaults omitted); <see cref="Parse"/> reads it back to the same rule.</summary>
    /// <returns>The canonical text, without the <c>RRULE:</c> prefix.</returns>
    public override string ToString() => RecurrenceRuleFormatter.Format(parts);

    private static IEnumerable<DateTimeOffset> Enumerate(RecurrencePlan plan, TimeZoneInfo zone)
    {
        var sequencer = new OccurrenceSequencer(plan, zone);
        while (sequencer.TryNext(out var occurrence))
        {
            yield return occurrence;
        }
    }

    private static IEnumerable<DateTimeOffset> EnumerateAfter(RecurrencePlan plan, TimeZoneInfo zone, DateTimeOffset after, bool seek)
    {
        var sequencer = new OccurrenceSequencer(plan, zone);
        if (seek)
        {
            // As GetNextOccurrence: two days early, for gap-shifted candidates.
            sequencer.Seek(ZoneClock.ToZone(zone, after).Ticks - (2 * TimeSpan.TicksPerDay));
        }

        while (sequencer.TryNext(out var occurrence))
        {
            if (occurrence > after)
            {
                yield return occurrence;
            }
        }
    }

    private RecurrencePlan GetPlan(DateTime start, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (start.Kind == DateTimeKind.Local || (start.Kind == DateTimeKind.Utc && !ZoneClock.IsUtc(zone)))
        {
            throw new ArgumentException(
                "DTSTART must be a wall-clock time of the zone (DateTimeKind.Unspecified); a UTC DateTime is only accepted with TimeZoneInfo.Utc.",
                nameof(start));
        }

        var wall = new DateTime(start.Ticks - (start.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Unspecified);
        var cached = lastPlan;
        if (cached is not null && cached.Start == wall)
        {
            return cached;
        }

        var plan = new RecurrencePlan(parts, wall);
        lastPlan = plan;
        return plan;
    }
}
