namespace StatusKit.Maintenance;

/// <summary>
/// Instant arithmetic held within the range of <see cref="DateTimeOffset"/>: a window may last thousands of years (its
/// start and end only have to lie between 1970 and 9000), so an instant minus its duration can fall before year 1.
/// </summary>
internal static class HeldInstant
{
    /// <summary><paramref name="instant"/> + <paramref name="span"/>, held within the range of <see cref="DateTimeOffset"/>, in UTC.</summary>
    public static DateTimeOffset Plus(DateTimeOffset instant, TimeSpan span)
    {
        var ticks = instant.UtcTicks;
        var sum = span.Ticks > 0
            ? (ticks > DateTimeOffset.MaxValue.UtcTicks - span.Ticks ? DateTimeOffset.MaxValue.UtcTicks : ticks + span.Ticks)
            : (ticks < DateTimeOffset.MinValue.UtcTicks - span.Ticks ? DateTimeOffset.MinValue.UtcTicks : ticks + span.Ticks);
        return new DateTimeOffset(sum, TimeSpan.Zero);
    }

    /// <summary><paramref name="instant"/> - <paramref name="span"/> (a duration, never negative), held within the range of <see cref="DateTimeOffset"/>, in UTC.</summary>
    public static DateTimeOffset Minus(DateTimeOffset instant, TimeSpan span) => Plus(instant, -span);
}
