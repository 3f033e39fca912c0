namespace StatusKit.Recurrence;

/// <summary>Where and by how much a zone's UTC offset changes over a stretch of time (pure: the zone's rules are its data).</summary>
internal static class ZoneTransitions
{
    private const long ProbeStep = 7 * TimeSpan.TicksPerDay;

    /// <summary>
    /// The largest difference between two offsets the zone can have between <paramref name="from"/> and
    /// <paramref name="until"/>, from its adjustment rules (every offset <see cref="TimeZoneInfo"/> reports is the base
    /// offset plus a rule's base delta, plus its daylight delta in daylight time). Zero for UTC and fixed zones, so
    /// callers skip <see cref="Between"/> entirely. Cheap: no offset is probed.
    /// </summary>
    public static TimeSpan LargestShift(TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset until)
    {
        if (ZoneClock.IsUtc(zone))
        {
            return TimeSpan.Zero;
        }

        var low = zone.BaseUtcOffset;
        var high = low;
        var first = from.UtcDateTime.Date.AddDays(-2);
        var last = until.UtcDateTime.Date.AddDays(2);
        foreach (var rule in zone.GetAdjustmentRules())
        {
            if (rule.DateEnd < first || rule.DateStart > last)
            {
                continue;
            }

            var standard = zone.BaseUtcOffset + rule.BaseUtcOffsetDelta;
            var daylight = standard + rule.DaylightDelta;
            low = Min(low, Min(standard, daylight));
            high = Max(high, Max(standard, daylight));
        }

        foreach (var offset in (ReadOnlySpan<TimeSpan>)[zone.GetUtcOffset(from), zone.GetUtcOffset(until)])
        {
            low = Min(low, offset);
            high = Max(high, offset);
        }

        return high - low;
    }

    /// <summary>
    /// The zone's offset changes between <paramref name="from"/> and <paramref name="until"/>, in order, lazily. Found by
    /// probing the offset a week apart and narrowing each change down to the second (about 1500 probes for 28 years), so
    /// it assumes that no zone changes its offset and back within a week: no zone's rules do (the shortest stretch in
    /// tzdata, Morocco's suspension of summer time for Ramadan, lasts about a month).
    /// </summary>
    public static IEnumerable<ZoneTransition> Between(TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (ZoneClock.IsUtc(zone))
        {
            yield break;
        }

        var low = Math.Max(from.UtcTicks, TimeSpan.TicksPerDay);
        var end = Math.Min(until.UtcTicks, DateTime.MaxValue.Ticks - (2 * TimeSpan.TicksPerDay));
        var before = ZoneClock.OffsetAt(zone, low);
        while (low < end)
        {
            var high = Math.Min(low + ProbeStep, end);
            var after = ZoneClock.OffsetAt(zone, high);
            if (after != before)
            {
                var instant = ZoneClock.FindTransition(zone, low, high);
                yield return new ZoneTransition(new DateTimeOffset(instant, TimeSpan.Zero), before, after);
                before = after;
            }

            low = high;
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
