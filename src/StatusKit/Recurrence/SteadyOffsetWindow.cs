using System.Runtime.CompilerServices;

namespace StatusKit.Recurrence;

/// <summary>
/// A stretch of time, away from any transition, over which a zone's UTC offset is known to be
/// constant. Inside it a wall time maps to exactly one instant with that offset, so resolving
/// needs no <see cref="TimeZoneInfo"/> call at all. The last window per zone (a few slots, keyed
/// by zone identity) is cached; the cache is lock-free because windows are immutable.
/// </summary>
/// <remarks>
/// A window is found by probing the offset one day apart for up to <see cref="ProbeDays"/> days on
/// each side, so it assumes no zone changes its offset and changes it back within 24 hours. Two days
/// at each end are not trusted, which keeps every wall time inside the trusted part unambiguous even
/// for the largest known shifts.
/// </remarks>
internal sealed class SteadyOffsetWindow
{
    private const int ProbeDays = 20;
    private const long Margin = 2 * TimeSpan.TicksPerDay;
    private const int Slots = 8;

    private static readonly SteadyOffsetWindow?[] Cache = new SteadyOffsetWindow?[Slots];

    private readonly TimeZoneInfo zone;
    private readonly long startUtc;
    private readonly long endUtc;
    private readonly long trustedStartUtc;
    private readonly long trustedEndUtc;

    private SteadyOffsetWindow(TimeZoneInfo zone, long startUtc, long endUtc, TimeSpan offset)
    {
        this.zone = zone;
        this.startUtc = startUtc;
        this.endUtc = endUtc;
        trustedStartUtc = startUtc + Margin;
        trustedEndUtc = endUtc - Margin;
        Offset = offset;
    }

    public TimeSpan Offset { get; }

    /// <summary>The zone's offset at an instant, from the cache when the instant is well inside a steady window.</summary>
    public static bool TryGetOffset(TimeZoneInfo zone, long utcTicks, out TimeSpan offset)
    {
        var window = Find(zone);
        if (window is not null && utcTicks >= window.startUtc && utcTicks <= window.endUtc && !window.Contains(utcTicks))
        {
            // Close to a transition the cached window already covers: use the exact path, don't re-probe.
            offset = default;
            return false;
        }

        if (window is null || !window.Contains(utcTicks))
        {
            window = Build(zone, utcTicks);
            if (window is null)
            {
                offset = default;
                return false;
            }

            Volatile.Write(ref Cache[SlotOf(zone)], window);
            if (!window.Contains(utcTicks))
            {
                offset = default;
                return false;
            }
        }

        offset = window.Offset;
        return true;
    }

    /// <summary>
    /// The offset of a wall time when the cached window for the zone proves it has exactly one
    /// instant; never builds a window (a miss falls back to the exact path).
    /// </summary>
    public static bool TryGetWallOffset(TimeZoneInfo zone, long wallTicks, out TimeSpan offset)
    {
        var window = Find(zone);
        if (window is not null && window.Contains(wallTicks - window.Offset.Ticks))
        {
            offset = window.Offset;
            return true;
        }

        offset = default;
        return false;
    }

    private bool Contains(long utcTicks) => utcTicks >= trustedStartUtc && utcTicks <= trustedEndUtc;

    private static SteadyOffsetWindow? Find(TimeZoneInfo zone)
    {
        var window = Volatile.Read(ref Cache[SlotOf(zone)]);
        return window is not null && ReferenceEquals(window.zone, zone) ? window : null;
    }

    private static int SlotOf(TimeZoneInfo zone) => RuntimeHelpers.GetHashCode(zone) & (Slots - 1);

    private static SteadyOffsetWindow? Build(TimeZoneInfo zone, long utcTicks)
    {
        var limit = DateTime.MaxValue.Ticks - ((ProbeDays + 1) * TimeSpan.TicksPerDay);
        if (utcTicks < (ProbeDays + 1) * TimeSpan.TicksPerDay || utcTicks > limit)
        {
            return null;
        }

        var offset = ZoneClock.OffsetAt(zone, utcTicks);
        var start = utcTicks;
        for (var day = 1; day <= ProbeDays && ZoneClock.OffsetAt(zone, utcTicks - (day * TimeSpan.TicksPerDay)) == offset; day++)
        {
            start = utcTicks - (day * TimeSpan.TicksPerDay);
        }

        var end = utcTicks;
        for (var day = 1; day <= ProbeDays && ZoneClock.OffsetAt(zone, utcTicks + (day * TimeSpan.TicksPerDay)) == offset; day++)
        {
            end = utcTicks + (day * TimeSpan.TicksPerDay);
        }

        return new SteadyOffsetWindow(zone, start, end, offset);
    }
}
