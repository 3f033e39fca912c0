namespace StatusKit.Recurrence;

/// <summary>
/// Turns wall-clock times in a zone into instants, and finds the edges of DST gaps and folds.
/// </summary>
internal static class ZoneClock
{
    private const long TicksPerDay = TimeSpan.TicksPerDay;
    private const long MaxTicks = 3_155_378_975_999_999_999;

    public static bool IsUtc(TimeZoneInfo zone) => ReferenceEquals(zone, TimeZoneInfo.Utc);

    /// <summary>
    /// The instant of a wall time as RFC 5545 section 3.3.5 resolves it: a time inside a gap uses the
    /// UTC offset in force before the gap (so 02:30 on a spring-forward night is 03:30 summer time),
    /// an ambiguous time the first (earlier) of its two instants. The result carries the zone's real
    /// offset at that instant. <paramref name="inGap"/> tells whether the wall time did not exist.
    /// Returns false when the instant would not fit in a <see cref="DateTimeOffset"/>.
    /// </summary>
    public static bool TryResolveFirst(TimeZoneInfo zone, long wallTicks, out DateTimeOffset instant, out bool inGap)
    {
        inGap = false;
        instant = default;
        if (wallTicks < TicksPerDay || wallTicks > MaxTicks - TicksPerDay)
        {
            return false;
        }

        if (IsUtc(zone))
        {
            instant = new DateTimeOffset(wallTicks, TimeSpan.Zero);
            return true;
        }

        var wall = new DateTime(wallTicks, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(wall))
        {
            inGap = true;
            var before = OffsetAt(zone, wallTicks - TicksPerDay);
            instant = AtUtc(zone, wallTicks - before.Ticks);
            return true;
        }

        if (zone.IsAmbiguousTime(wall))
        {
            instant = new DateTimeOffset(wall, FirstOffset(zone, wall));
            return true;
        }

        instant = new DateTimeOffset(wall, zone.GetUtcOffset(wall));
        return true;
    }

    /// <summary>The instant <paramref name="utcTicks"/> expressed with the zone's offset at that instant.</summary>
    public static DateTimeOffset AtUtc(TimeZoneInfo zone, long utcTicks)
    {
        var offset = OffsetAt(zone, utcTicks);
        return new DateTimeOffset(utcTicks + offset.Ticks, offset);
    }

    /// <summary>The zone's UTC offset at an instant given in UTC ticks.</summary>
    public static TimeSpan OffsetAt(TimeZoneInfo zone, long utcTicks) =>
        IsUtc(zone) ? TimeSpan.Zero : zone.GetUtcOffset(new DateTime(utcTicks, DateTimeKind.Utc));

    /// <summary>The larger offset of an ambiguous wall time: the one of its earlier instant.</summary>
    public static TimeSpan FirstOffset(TimeZoneInfo zone, DateTime ambiguousWall)
    {
        var offsets = zone.GetAmbiguousTimeOffsets(ambiguousWall);
        var first = offsets[0];
        foreach (var offset in offsets)
        {
            if (offset > first)
            {
                first = offset;
            }
        }

        return first;
    }

    /// <summary>The smaller offset of an ambiguous wall time: the one of its later instant.</summary>
    public static TimeSpan SecondOffset(TimeZoneInfo zone, DateTime ambiguousWall)
    {
        var offsets = zone.GetAmbiguousTimeOffsets(ambiguousWall);
        var second = offsets[0];
        foreach (var offset in offsets)
        {
            if (offset < second)
            {
                second = offset;
            }
        }

        return second;
    }

    /// <summary>
    /// The first instant (UTC ticks) in (<paramref name="lowUtcTicks"/>, <paramref name="highUtcTicks"/>]
    /// whose offset equals the offset at <paramref name="highUtcTicks"/>: the transition between the
    /// two. Zone transitions fall on whole seconds, so a binary search over seconds is exact.
    /// </summary>
    public static long FindTransition(TimeZoneInfo zone, long lowUtcTicks, long highUtcTicks)
    {
        var target = OffsetAt(zone, highUtcTicks);
        var low = lowUtcTicks / TimeSpan.TicksPerSecond;
        var high = (highUtcTicks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond;
        while (low + 1 < high)
        {
            var middle = low + ((high - low) / 2);
            if (OffsetAt(zone, middle * TimeSpan.TicksPerSecond) == target)
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        return high * TimeSpan.TicksPerSecond;
    }
}
