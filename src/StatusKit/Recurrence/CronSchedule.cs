using System.Diagnostics.CodeAnalysis;

namespace StatusKit.Recurrence;

/// <summary>
/// A cron schedule compatible with Cronos: 5 fields (minute hour day-of-month month day-of-week) or
/// 6 with leading seconds, with <c>L</c>, <c>W</c>, <c>#</c>, names and the <c>@</c> macros, evaluated on
/// the wall clock of a time zone.
/// </summary>
/// <remarks>
/// When both day-of-month and day-of-week are restricted a day must match both (Cronos's rule; Vixie
/// cron would accept either). A wall time skipped by a DST gap fires at the first instant after the
/// gap; a wall time repeated by a fold fires once, at its first instant, unless the seconds, minutes or
/// hours field uses <c>*</c>, a range or a step, in which case it fires in both halves of the fold
/// (Cronos's "interval" rule). Instances are immutable and thread-safe.
/// </remarks>
public sealed class CronSchedule
{
    private readonly CronMatcherSpec spec;
    private readonly CronMatcher matcher;
    private readonly bool isInterval;

    private CronSchedule(CronMatcherSpec spec, bool isInterval)
    {
        this.spec = spec;
        matcher = new CronMatcher(spec);
        this.isInterval = isInterval;
    }

    /// <summary>What the expression's fields say about the spacing of its wall-clock times.</summary>
    internal RecurrenceSpacing Spacing => RecurrenceSpacing.Of(spec, isInterval);

    /// <summary>Parses a cron expression.</summary>
    /// <param name="expression">For example <c>0 3 * * MON-FRI</c>, <c>0 0 12 L * ?</c> or <c>@daily</c>.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="FormatException">The expression is invalid; the message names the offending field.</exception>
    public static CronSchedule Parse(string expression) =>
        TryParse(expression, out var schedule, out var error) ? schedule : throw new FormatException(error);

    /// <summary>Parses a cron expression without throwing.</summary>
    /// <param name="expression">The expression, or <see langword="null"/>.</param>
    /// <param name="schedule">The schedule when the expression is valid.</param>
    /// <param name="error">Why the expression is invalid, naming the offending field, when it is.</param>
    /// <returns>Whether the expression is valid.</returns>
    public static bool TryParse(string? expression, [NotNullWhen(true)] out CronSchedule? schedule, [NotNullWhen(false)] out string? error)
    {
        var parsed = CronExpressionParser.TryParse(expression, out var interval, out error);
        schedule = parsed is { } s ? new CronSchedule(s, interval) : null;
        return schedule is not null;
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>.</summary>
    /// <param name="after">The instant the occurrence must be later than.</param>
    /// <param name="zone">The time zone whose wall clock the schedule runs on.</param>
    /// <returns>The occurrence with the zone's offset at that instant, or <see langword="null"/> when there is none.</returns>
    public DateTimeOffset? GetNextOccurrence(DateTimeOffset after, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (ZoneClock.IsUtc(zone))
        {
            var found = matcher.FindNext(after.UtcTicks);
            return found < 0 ? null : new DateTimeOffset(found, TimeSpan.Zero);
        }

        if (SteadyOffsetWindow.TryGetOffset(zone, after.UtcTicks, out var steady))
        {
            // Away from any transition: plain wall-clock arithmetic, no TimeZoneInfo call.
            var found = matcher.FindNext(after.UtcTicks + steady.Ticks);
            if (found < 0)
            {
                return null;
            }

            return SteadyOffsetWindow.TryGetWallOffset(zone, found, out var foundOffset)
                ? new DateTimeOffset(found, foundOffset)
                : Resolve(zone, found);
        }

        var local = TimeZoneInfo.ConvertTime(after, zone);
        var fromWall = local.Ticks;
        if (zone.IsAmbiguousTime(local.DateTime))
        {
            var first = ZoneClock.FirstOffset(zone, local.DateTime);
            var second = ZoneClock.SecondOffset(zone, local.DateTime);
            var transition = ZoneClock.FindTransition(zone, fromWall - first.Ticks, fromWall - second.Ticks);
            var foldStart = transition + second.Ticks;
            var foldEnd = transition + first.Ticks;
            if (local.Offset == first)
            {
                // Still in the first pass through the fold.
                var inFirstPass = matcher.FindNext(fromWall);
                if (inFirstPass >= 0 && inFirstPass < foldEnd)
                {
                    return new DateTimeOffset(inFirstPass, first);
                }

                fromWall = foldStart - 1;
            }

            if (isInterval)
            {
                var inSecondPass = matcher.FindNext(fromWall);
                if (inSecondPass >= 0 && inSecondPass < foldEnd)
                {
                    return new DateTimeOffset(inSecondPass, second);
                }
            }

            fromWall = Math.Max(fromWall, foldEnd - 1);
        }

        var next = matcher.FindNext(fromWall);
        return next < 0 ? null : Resolve(zone, next);
    }

    /// <summary>Enumerates the occurrences after <paramref name="after"/> up to and including <paramref name="until"/>, ascending.</summary>
    /// <param name="after">Exclusive lower bound.</param>
    /// <param name="until">Inclusive upper bound.</param>
    /// <param name="zone">The time zone whose wall clock the schedule runs on.</param>
    /// <returns>The occurrences, lazily.</returns>
    public IEnumerable<DateTimeOffset> GetOccurrences(DateTimeOffset after, DateTimeOffset until, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return Enumerate(after, until, zone);
    }

    private IEnumerable<DateTimeOffset> Enumerate(DateTimeOffset after, DateTimeOffset until, TimeZoneInfo zone)
    {
        var current = after;
        while (GetNextOccurrence(current, zone) is { } next && next <= until)
        {
            yield return next;
            current = next;
        }
    }

    /// <summary>
    /// The instant of a matching wall time: the first instant after the gap when the time was
    /// skipped, the first of the two when it was repeated.
    /// </summary>
    internal static DateTimeOffset Resolve(TimeZoneInfo zone, long wallTicks)
    {
        var wall = new DateTime(wallTicks, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(wall))
        {
            var before = ZoneClock.OffsetAt(zone, wallTicks - TimeSpan.TicksPerDay);
            var after = ZoneClock.OffsetAt(zone, wallTicks + TimeSpan.TicksPerDay);
            var transition = ZoneClock.FindTransition(zone, wallTicks - after.Ticks, wallTicks - before.Ticks);
            return ZoneClock.AtUtc(zone, transition);
        }

        return zone.IsAmbiguousTime(wall)
            ? new DateTimeOffset(wall, ZoneClock.FirstOffset(zone, wall))
            : new DateTimeOffset(wall, zone.GetUtcOffset(wall));
    }
}
