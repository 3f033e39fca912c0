namespace StatusKit.Recurrence;

/// <summary>
/// Turns the cursor's ascending wall-clock candidates into the rule's occurrences: drops those before
/// DTSTART, resolves each in the zone, applies UNTIL and COUNT, and keeps the output strictly
/// ascending and free of duplicates. Resolving is monotonic except inside DST gaps: a skipped wall
/// time moves forward by the gap's length and may then land after, or on, a later candidate. Such
/// candidates wait in a small sorted buffer until a regular candidate proves nothing earlier can follow.
/// </summary>
internal sealed class OccurrenceSequencer
{
    private readonly RecurrenceCursor cursor;
    private readonly TimeZoneInfo zone;
    private readonly long startTicks;
    private readonly long untilUtcTicks;
    private readonly long untilWallTicksExclusive;
    private int remaining;
    private List<DateTimeOffset>? pending;
    private long releaseBound = long.MinValue;
    private long lastUtcTicks = long.MinValue;
    private bool sourceDone;

    public OccurrenceSequencer(RecurrencePlan plan, TimeZoneInfo zone)
    {
        var parts = plan.Parts;
        this.zone = zone;
        startTicks = plan.StartTicks;
        remaining = parts.Count ?? -1;
        untilUtcTicks = parts.UntilUtc?.Ticks ?? long.MaxValue;
        untilWallTicksExclusive = parts.UntilDate is { } date ? (date.DayNumber + 1L) * TimeSpan.TicksPerDay : long.MaxValue;
        var lastDay = CivilCalendar.MaxDayNumber;
        if (parts.UntilDate is { } untilDate)
        {
            lastDay = untilDate.DayNumber;
        }
        else if (parts.UntilUtc is { } untilUtc)
        {
            // Wall clocks run at most 14 hours ahead of UTC; two days is a safe margin.
            lastDay = (int)Math.Min(CivilCalendar.MaxDayNumber, (untilUtc.Ticks / TimeSpan.TicksPerDay) + 2);
        }

        cursor = new RecurrenceCursor(plan, lastDay);
    }

    /// <summary>Skips whole periods so that the next candidates are near <paramref name="wallTicks"/>. Only valid without COUNT.</summary>
    public void Seek(long wallTicks) => cursor.Seek(wallTicks);

    public bool TryNext(out DateTimeOffset occurrence)
    {
        while (remaining != 0)
        {
            if (pending is { Count: > 0 } && (sourceDone || pending[0].UtcTicks <= releaseBound))
            {
                var next = pending[0];
                pending.RemoveAt(0);
                if (TryEmit(next, out occurrence))
                {
                    return true;
                }

                continue;
            }

            if (sourceDone)
            {
                break;
            }

            var wall = cursor.Next();
            if (wall < 0 || wall >= untilWallTicksExclusive)
            {
                sourceDone = true;
                continue;
            }

            if (wall < startTicks)
            {
                continue;
            }

            if (!ZoneClock.TryResolveFirst(zone, wall, out var resolved, out var inGap))
            {
                if (wall > startTicks + TimeSpan.TicksPerDay)
                {
                    sourceDone = true;
                }

                continue;
            }

            var utc = resolved.UtcTicks;
            if (utc > untilUtcTicks)
            {
                // A regular candidate past UNTIL ends the rule; a shifted gap candidate may not.
                sourceDone |= !inGap;
                continue;
            }

            if (inGap)
            {
                Insert(resolved);
                continue;
            }

            releaseBound = utc;
            if (pending is { Count: > 0 } && pending[0].UtcTicks < utc)
            {
                Insert(resolved);
                continue;
            }

            if (TryEmit(resolved, out occurrence))
            {
                return true;
            }
        }

        occurrence = default;
        return false;
    }

    private bool TryEmit(DateTimeOffset candidate, out DateTimeOffset occurrence)
    {
        occurrence = candidate;
        if (candidate.UtcTicks <= lastUtcTicks)
        {
            return false;
        }

        lastUtcTicks = candidate.UtcTicks;
        if (remaining > 0)
        {
            remaining--;
        }

        return true;
    }

    private void Insert(DateTimeOffset candidate)
    {
        pending ??= new List<DateTimeOffset>(4);
        var i = pending.Count;
        while (i > 0 && pending[i - 1].UtcTicks > candidate.UtcTicks)
        {
            i--;
        }

        pending.Insert(i, candidate);
    }
}
