using StatusKit.Recurrence;

namespace StatusKit.Maintenance;

/// <summary>
/// A window's excluded occurrence starts as instants: each wall-clock date-time resolved in the window's zone the way
/// RFC 5545 §3.3.5 resolves a local time (a time skipped by a DST gap takes the offset before the gap, a repeated time
/// its first instant), which is also how an RRULE occurrence at that wall time is placed. An occurrence is excluded when
/// it starts at one of these instants. Immutable; the empty set costs one length check.
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
    public static ExcludedStarts Of(IReadOnlyList<DateTime> wallStarts, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(wallStarts);
        if (wallStarts.Count == 0)
        {
            return None;
        }

        var instants = new List<long>(wallStarts.Count);
        foreach (var wall in wallStarts)
        {
            if (ZoneClock.TryResolveFirst(zone, wall.Ticks, out var instant, out _))
            {
                instants.Add(instant.UtcTicks);
            }
        }

        instants.Sort();
        return new ExcludedStarts([.. instants]);
    }

    /// <summary>Whether the occurrence starting at <paramref name="start"/> is excluded.</summary>
    public bool Contains(DateTimeOffset start) => _utcTicks.Length != 0 && Array.BinarySearch(_utcTicks, start.UtcTicks) >= 0;
}
