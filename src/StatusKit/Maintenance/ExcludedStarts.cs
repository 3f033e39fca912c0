using StatusKit.Recurrence;

namespace StatusKit.Maintenance;

/// <summary>
/// A window's excluded occurrence starts as instants: each wall-clock date-time resolved in the window's zone the way
/// the window's recurrence places an occurrence at that wall time, so an entry naming an occurrence's wall time matches
/// it. For an RRULE that is how RFC 5545 §3.3.5 resolves a local time (a time skipped by a DST gap takes the offset
/// before the gap, a repeated time its first instant); a cron expression fires a skipped time at the first instant after
/// the gap instead. An occurrence is excluded when it starts at one of these instants. Immutable; the empty set costs
/// one length check.
/// </summary>
internal sealed class ExcludedStarts
{
    /// <summary>No exclusions.</summary>
    public static readonly ExcludedStarts None = new([]);

    private readonly long[] _utcTicks;

    private ExcludedStarts(long[] utcTicks)
    {
        _utcTicks = utcTicks;
    }

    /// <summary>Whether nothing is excluded.</summary>
    public bool IsEmpty => _utcTicks.Length == 0;

    /// <summary>The instants of <paramref name="wallStarts"/> in <paramref name="zone"/>; wall times no instant can hold are left out.</summary>
    /// <param name="wallStarts">The excluded wall-clock starts.</param>
    /// <param name="zone">The window's zone.</param>
    /// <param name="skippedAtGapEnd">
    /// Whether a wall time a DST gap skipped is placed at the gap's end, as a cron expression fires it; else with the offset
    /// before the gap (RFC 5545), as an RRULE places it.
    /// </param>
    public static ExcludedStarts Of(IReadOnlyList<DateTime> wallStarts, TimeZoneInfo zone, bool skippedAtGapEnd)
    {
        ArgumentNullException.ThrowIfNull(wallStarts);
        if (wallStarts.Count == 0)
        {
            return None;
        }

        var instants = new List<long>(wallStarts.Count);
        foreach (var wall in wallStarts)
        {
            if (ZoneClock.TryResolveFirst(zone, wall.Ticks, out var instant, out var inGap))
            {
                instants.Add((inGap && skippedAtGapEnd ? CronSchedule.Resolve(zone, wall.Ticks) : instant).UtcTicks);
            }
        }

        instants.Sort();
        return new ExcludedStarts([.. instants]);
    }

    /// <summary>Whether the occurrence starting at <paramref name="start"/> is excluded.</summary>
    public bool Contains(DateTimeOffset start) => _utcTicks.Length != 0 && Array.BinarySearch(_utcTicks, start.UtcTicks) >= 0;
}
