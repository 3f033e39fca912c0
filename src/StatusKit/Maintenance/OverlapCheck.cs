using StatusKit.Recurrence;

namespace StatusKit.Maintenance;

/// <summary>
/// Finds two consecutive occurrences of a schedule that overlap (the later starts before the earlier ends), without
/// walking the whole, possibly endless, sequence. Pure: the schedule, its zone's rules and the instant given are all it
/// reads.
/// </summary>
/// <remarks>
/// <para>
/// Off a DST transition an occurrence's instant is its wall time minus one fixed offset, so two consecutive occurrences
/// are exactly as far apart as their wall times; near a transition the offset changes between them. The check splits
/// the pairs accordingly:
/// </para>
/// <list type="number">
/// <item>The first occurrence (<c>StartsAt</c>, which need not match the rule) and the one after it, directly.</item>
/// <item>
/// Pairs away from transitions, on the wall clock. When the window is no longer than the rule's structural minimum
/// distance (<see cref="RecurrenceSpacing.MinimumDistance"/>) no two wall times can overlap. Otherwise the rule is walked
/// in UTC from the wall time of <c>StartsAt</c> over its first period and one cycle (<see cref="RecurrenceSpacing.Cycle"/>:
/// a whole number of lattice steps and weeks, or 28 Gregorian years when the rule depends on dates), which meets every
/// gap its wall-clock pattern has; a pair found there is confirmed on the real schedule (the occurrence at its instant
/// and the next one), and the smallest gap met replaces the structural bound below.
/// </item>
/// <item>
/// Pairs near a transition: unless the window is shorter than the minimum distance by more than the zone's largest
/// offset change (then no transition can bring two occurrences close enough), the occurrences around every transition
/// in <see cref="TransitionHorizon"/> from the first occurrence (or now, when later) are compared by their instants.
/// </item>
/// </list>
/// <para>
/// A rule with COUNT is walked occurrence by occurrence instead (it is finite, and seeking in it would count from the
/// start each time), up to the same horizons. Exclusions are not applied: they never make an overlapping rule
/// acceptable (the next cycle brings the overlap back) and cannot create an overlap.
/// </para>
/// </remarks>
internal static class OverlapCheck
{
    /// <summary>
    /// How far ahead pairs around DST transitions are checked: 28 Gregorian years (10227 days), within which every
    /// alignment of weekdays, dates and leap years (and so of every yearly transition rule) occurs.
    /// </summary>
    public static readonly TimeSpan TransitionHorizon = TimeSpan.FromDays(10_227);

    /// <summary>No two UTC offsets are further apart than this (they run from -12:00 to +14:00).</summary>
    private static readonly TimeSpan LargestPossibleShift = TimeSpan.FromHours(26);

    /// <summary>The first pair of consecutive occurrences found to overlap, or null when none do.</summary>
    /// <param name="schedule">The schedule; its exclusions are ignored.</param>
    /// <param name="now">Transitions before now (less the duration) are not visited: those occurrences are over.</param>
    public static (OccurrenceSpan Earlier, OccurrenceSpan Later)? Find(OccurrenceSchedule schedule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        schedule = schedule.WithoutExclusions();
        if (schedule.Spacing is not { } spacing)
        {
            return null;
        }

        var first = schedule.NextStartingAfter(DateTimeOffset.MinValue)!.Value;
        if (schedule.NextStartingAfter(first.StartsAt) is not { } second)
        {
            return null;
        }

        if (second.StartsAt < first.EndsAt)
        {
            return (first, second);
        }

        var duration = schedule.Duration;
        var from = HeldInstant.Minus(first.StartsAt > now ? first.StartsAt : now, duration + TimeSpan.FromDays(1));
        var until = HeldInstant.Plus(from, TransitionHorizon);
        var walk = Sum(spacing.Cycle, spacing.Period);
        if (schedule.IsCounted)
        {
            var walkUntil = HeldInstant.Plus(first.StartsAt, walk);
            return FirstOverlap(schedule.All(), until > walkUntil ? until : walkUntil);
        }

        var minimum = spacing.MinimumDistance;
        if (duration > minimum)
        {
            var (steady, smallestGap) = OnTheWallClock(schedule, walk);
            if (steady is not null)
            {
                return steady;
            }

            // The walk met every wall-clock gap of the pattern: the smallest is the real minimum distance.
            minimum = smallestGap;
        }

        if (!spacing.RepeatsInFolds && duration <= minimum - LargestPossibleShift)
        {
            // No offset change, however large, brings two occurrences that close: the zone's rules need not be read.
            return null;
        }

        return NearTransitions(schedule, spacing, minimum, first, from, until);
    }

    /// <summary>The first overlapping pair of <paramref name="occurrences"/> whose earlier one starts by <paramref name="until"/>.</summary>
    private static (OccurrenceSpan Earlier, OccurrenceSpan Later)? FirstOverlap(IEnumerable<OccurrenceSpan> occurrences, DateTimeOffset until)
    {
        OccurrenceSpan? previous = null;
        foreach (var occurrence in occurrences)
        {
            if (previous is { } p && occurrence.StartsAt < p.EndsAt)
            {
                return (p, occurrence);
            }

            if (occurrence.StartsAt > until)
            {
                break;
            }

            previous = occurrence;
        }

        return null;
    }

    /// <summary>
    /// Overlaps of the wall-clock pattern over its first period and one cycle, each confirmed on the real schedule, and
    /// the smallest wall-clock gap met.
    /// </summary>
    private static ((OccurrenceSpan Earlier, OccurrenceSpan Later)? Overlap, TimeSpan SmallestGap) OnTheWallClock(OccurrenceSchedule schedule, TimeSpan walk)
    {
        var wall = schedule.OnWallClock();
        var until = HeldInstant.Plus(wall.NextStartingAfter(DateTimeOffset.MinValue)!.Value.StartsAt, walk);
        var smallestGap = TimeSpan.MaxValue;
        OccurrenceSpan? previous = null;
        foreach (var occurrence in wall.All())
        {
            if (previous is { } p)
            {
                var gap = occurrence.StartsAt - p.StartsAt;
                smallestGap = gap < smallestGap ? gap : smallestGap;
                if (occurrence.StartsAt < p.EndsAt && Confirm(schedule, p.StartsAt) is { } pair)
                {
                    return (pair, smallestGap);
                }
            }

            if (occurrence.StartsAt > until)
            {
                break;
            }

            previous = occurrence;
        }

        return (null, smallestGap);
    }

    /// <summary>The real occurrence at the instant of a wall time and the one after it, when they overlap.</summary>
    private static (OccurrenceSpan Earlier, OccurrenceSpan Later)? Confirm(OccurrenceSchedule schedule, DateTimeOffset wallStart)
    {
        if (!ZoneClock.TryResolveFirst(schedule.Zone, wallStart.UtcTicks, out var instant, out _)
            || schedule.NextStartingAfter(instant.AddTicks(-1)) is not { } earlier
            || schedule.NextStartingAfter(earlier.StartsAt) is not { } later)
        {
            return null;
        }

        return later.StartsAt < earlier.EndsAt ? (earlier, later) : null;
    }

    /// <summary>
    /// Overlaps among the occurrences around each of the zone's transitions between the bounds. A transition far from
    /// its neighbours that meets the complete pattern at the same place (its wall time modulo the cycle) and with the same
    /// offsets as one already visited has the same occurrences around it, shifted: it is skipped. So a weekly pattern in
    /// a zone whose clocks change on Sundays is compared around two transitions, not fifty-six.
    /// </summary>
    private static (OccurrenceSpan Earlier, OccurrenceSpan Later)? NearTransitions(
        OccurrenceSchedule schedule, RecurrenceSpacing spacing, TimeSpan minimum, OccurrenceSpan first, DateTimeOffset from, DateTimeOffset until)
    {
        var duration = schedule.Duration;
        var shift = ZoneTransitions.LargestShift(schedule.Zone, from, until);
        if (shift == TimeSpan.Zero || (!spacing.RepeatsInFolds && duration <= minimum - shift))
        {
            // Every pair is at least its wall-clock distance less the zone's largest offset change apart.
            return null;
        }

        var reach = Sum(Sum(duration, duration), Sum(shift, shift));
        var patternComplete = HeldInstant.Plus(first.StartsAt, spacing.Period);
        var wallOrigin = TimeZoneInfo.ConvertTime(first.StartsAt, schedule.Zone).Ticks;
        var seen = new HashSet<(long Place, TimeSpan Before, TimeSpan After)>();
        ZoneTransition? previous = null;
        using var transitions = ZoneTransitions.Between(schedule.Zone, from, until).GetEnumerator();
        var more = transitions.MoveNext();
        while (more)
        {
            var transition = transitions.Current;
            more = transitions.MoveNext();
            var isolated = previous is { } p && transition.Instant - p.Instant > reach
                && more && transitions.Current.Instant - transition.Instant > reach;
            previous = transition;
            var place = (transition.Instant.UtcTicks + transition.Before.Ticks - wallOrigin) % spacing.Cycle.Ticks;
            var key = (place, transition.Before, transition.After);
            var windowStart = HeldInstant.Minus(transition.Instant, duration);
            if (isolated && windowStart >= patternComplete && !seen.Add(key))
            {
                continue;
            }

            // A pair that overlaps across the transition, or with a time the transition moved (into [T, T + shift)),
            // has both starts in (T - duration, T + shift + duration].
            using var around = schedule.StartingAfter(windowStart).GetEnumerator();
            if (!around.MoveNext())
            {
                return null;
            }

            var last = HeldInstant.Plus(transition.Instant, Sum(shift, duration));
            for (var current = around.Current; current.StartsAt <= last; current = around.Current)
            {
                if (!around.MoveNext())
                {
                    return null;
                }

                if (around.Current.StartsAt < current.EndsAt)
                {
                    return (current, around.Current);
                }
            }
        }

        return null;
    }

    private static TimeSpan Sum(TimeSpan a, TimeSpan b) => a > TimeSpan.MaxValue - b ? TimeSpan.MaxValue : a + b;
}
