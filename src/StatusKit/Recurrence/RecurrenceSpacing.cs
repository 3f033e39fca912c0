namespace StatusKit.Recurrence;

/// <summary>
/// What the structure of a rule says about the spacing of its wall-clock times, without enumerating them: a lower bound
/// on the distance between any two of them, and a cycle after which the wall-clock pattern repeats. Pure: derived from
/// the BY parts' masks, INTERVAL and the calendar alone.
/// </summary>
/// <remarks>
/// The wall times of a rule are period bases (lattice points INTERVAL units apart for HOURLY and finer, candidate days
/// for DAILY and coarser) plus a set of offsets within the base (the times of day, or of the hour or minute). Two
/// distinct wall times are therefore at least the smallest gap inside that offset set apart, or, on different bases,
/// the smallest distance between two bases minus the span of the offsets. BYSETPOS only removes times, so the bound
/// holds for it too (and is exact for DAILY and finer, where every period has the same offsets).
/// </remarks>
/// <param name="MinimumDistance">No two distinct wall times of the rule are closer than this (<see cref="TimeSpan.MaxValue"/> when the rule has at most one).</param>
/// <param name="Cycle">
/// The wall-clock pattern repeats after this long, from the end of its first period on (capped at 400 years, the
/// Gregorian cycle). Exact for DAILY, WEEKLY and finer rules and for cron (between 1901 and 2099 when it depends on dates:
/// 28 years); for MONTHLY and YEARLY an upper bound longer than 28 years.
/// </param>
/// <param name="Period">The longest a period of the rule lasts (its first may start late, at DTSTART).</param>
/// <param name="RepeatsInFolds">Whether a wall time repeated by a DST fold occurs twice (Cronos's "interval" expressions).</param>
internal readonly record struct RecurrenceSpacing(TimeSpan MinimumDistance, TimeSpan Cycle, TimeSpan Period, bool RepeatsInFolds)
{
    private const long SecondsPerDay = 86_400;
    private const long SecondsPerWeek = 7 * SecondsPerDay;

    /// <summary>28 Gregorian years (10227 days): between 1901 and 2099 the calendar repeats its weekdays and leap years.</summary>
    private const long CalendarCycleDays = 10_227;

    /// <summary>The whole Gregorian cycle (146097 days), the longest any pattern needs.</summary>
    private static readonly TimeSpan MaxCycle = TimeSpan.FromDays(146_097);

    /// <summary>The spacing of an RRULE bound to its DTSTART.</summary>
    public static RecurrenceSpacing Of(RecurrencePlan plan)
    {
        var offsets = plan.Frequency >= RecurrenceFrequency.Daily && plan.SetPositions.Length > 0
            ? Selected(plan.TimeOffsets, plan.SetPositions)
            : plan.TimeOffsets;
        var parts = plan.Parts;
        long interval = parts.Interval;
        var (baseDistance, step) = plan.Frequency switch
        {
            RecurrenceFrequency.Secondly or RecurrenceFrequency.Minutely or RecurrenceFrequency.Hourly =>
                (plan.LatticeStep / TimeSpan.TicksPerSecond, plan.LatticeStep / TimeSpan.TicksPerSecond),
            RecurrenceFrequency.Daily => (interval * SecondsPerDay, interval * SecondsPerDay),
            RecurrenceFrequency.Weekly => (WeekdayDistance(plan.PlainWeekdayMask, plan.WeekStart, interval) * SecondsPerDay, interval * SecondsPerWeek),
            _ => (SecondsPerDay, 0L),
        };
        var distance = plan.IsEmpty || offsets.Length == 0
            ? TimeSpan.MaxValue
            : TimeSpan.FromSeconds(Math.Min(SmallestGap(offsets), baseDistance - (offsets[^1] - offsets[0])));

        var calendarBound = plan.Frequency is RecurrenceFrequency.Monthly or RecurrenceFrequency.Yearly
            || parts.ByMonth.Length > 0 || parts.ByMonthDay.Length > 0 || parts.ByYearDay.Length > 0 || parts.ByWeekNo.Length > 0
            || parts.ByDay.Any(static d => d.Ordinal != 0);
        TimeSpan cycle;
        if (!calendarBound)
        {
            // Only the time of day and the weekday matter: the pattern repeats every whole number of lattice steps
            // that is also a whole number of weeks.
            cycle = Seconds(Lcm(step, SecondsPerWeek));
        }
        else if (plan.Frequency == RecurrenceFrequency.Yearly)
        {
            cycle = Days(366, Lcm(interval, 28));
        }
        else if (plan.Frequency == RecurrenceFrequency.Monthly)
        {
            cycle = Days(31, Lcm(interval, 28 * 12));
        }
        else
        {
            cycle = Seconds(Lcm(step, CalendarCycleDays * SecondsPerDay));
        }

        var period = plan.Frequency switch
        {
            RecurrenceFrequency.Yearly => Days(366, interval),
            RecurrenceFrequency.Monthly => Days(31, interval),
            _ => Seconds(step),
        };
        return new RecurrenceSpacing(distance, cycle, period, RepeatsInFolds: false);
    }

    /// <summary>The spacing of a cron expression's masks.</summary>
    public static RecurrenceSpacing Of(CronMatcherSpec spec, bool isInterval)
    {
        var seconds = Bits(spec.Seconds, 60);
        var minutes = Bits(spec.Minutes, 60);
        var hours = Bits(spec.Hours, 24);
        var everyDayOfMonth = (spec.DaysOfMonth & AllDaysOfMonth) == AllDaysOfMonth;
        var everyMonth = (spec.Months & AllMonths) == AllMonths;
        var weekdayBound = everyDayOfMonth && everyMonth && spec.LastDayOffset < 0 && !spec.NearestWeekday
            && spec.NthWeekday == 0 && !spec.LastWeekdayOfMonth;
        var dayDistance = weekdayBound ? WeekdayDistance((int)(spec.DaysOfWeek & 0x7F), 0, 1) : 1;

        // The times of a day are every hour x minute x second; consecutive ones are closest within a minute, across a
        // minute, across an hour, or across days.
        var distance = long.MaxValue;
        if (seconds.Length > 0 && minutes.Length > 0 && hours.Length > 0)
        {
            var secondSpan = seconds[^1] - seconds[0];
            var minuteSpan = (minutes[^1] * 60) + secondSpan - minutes[0] * 60;
            var daySpan = (hours[^1] * 3600) + (minutes[^1] * 60) + seconds[^1] - ((hours[0] * 3600) + (minutes[0] * 60) + seconds[0]);
            distance = Math.Min(distance, SmallestGap(seconds));
            distance = Math.Min(distance, minutes.Length > 1 ? (SmallestGap(minutes) * 60L) - secondSpan : long.MaxValue);
            distance = Math.Min(distance, hours.Length > 1 ? (SmallestGap(hours) * 3600L) - minuteSpan : long.MaxValue);
            distance = Math.Min(distance, (dayDistance * SecondsPerDay) - daySpan);
        }

        var cycle = weekdayBound ? TimeSpan.FromDays(7) : TimeSpan.FromDays(CalendarCycleDays);
        var minimum = distance == long.MaxValue ? TimeSpan.MaxValue : TimeSpan.FromSeconds(distance);
        return new RecurrenceSpacing(minimum, cycle, TimeSpan.FromDays(1), isInterval);
    }

    private const ulong AllDaysOfMonth = 0xFFFF_FFFEUL;   // bits 1..31
    private const ulong AllMonths = 0x1FFEUL;             // bits 1..12

    /// <summary>
    /// The fewest days between two distinct days whose weekdays are in <paramref name="weekdayMask"/> (bit 0 is Sunday),
    /// in weeks <paramref name="weeks"/> apart (weeks begin on <paramref name="weekStart"/>).
    /// </summary>
    private static long WeekdayDistance(int weekdayMask, int weekStart, long weeks)
    {
        var positions = new List<int>(7);
        for (var i = 0; i < 7; i++)
        {
            if (((weekdayMask >> ((weekStart + i) % 7)) & 1) != 0)
            {
                positions.Add(i);
            }
        }

        if (positions.Count == 0)
        {
            return 7 * weeks;
        }

        var across = (7 * weeks) - (positions[^1] - positions[0]);
        return positions.Count > 1 ? Math.Min(SmallestGap([.. positions]), across) : across;
    }

    /// <summary>The offsets BYSETPOS keeps of one period's sorted <paramref name="offsets"/>.</summary>
    private static int[] Selected(int[] offsets, int[] positions)
    {
        var kept = new SortedSet<int>();
        foreach (var position in positions)
        {
            var index = position > 0 ? position - 1 : offsets.Length + position;
            if (index >= 0 && index < offsets.Length)
            {
                kept.Add(offsets[index]);
            }
        }

        return [.. kept];
    }

    private static long SmallestGap(int[] sorted)
    {
        var gap = long.MaxValue;
        for (var i = 1; i < sorted.Length; i++)
        {
            gap = Math.Min(gap, sorted[i] - sorted[i - 1]);
        }

        return gap;
    }

    private static int[] Bits(ulong mask, int limit)
    {
        var values = new List<int>();
        for (var i = 0; i < limit; i++)
        {
            if (((mask >> i) & 1) != 0)
            {
                values.Add(i);
            }
        }

        return [.. values];
    }

    private static TimeSpan Days(long days, long times) =>
        times > MaxCycle.Days / days ? MaxCycle : TimeSpan.FromDays(days * times);

    private static TimeSpan Seconds(long seconds) =>
        seconds <= 0 || seconds > MaxCycle.Ticks / TimeSpan.TicksPerSecond ? MaxCycle : TimeSpan.FromSeconds(seconds);

    /// <summary>The least common multiple, or <see cref="long.MaxValue"/> when it would overflow (callers cap it).</summary>
    private static long Lcm(long a, long b)
    {
        if (a <= 0 || b <= 0)
        {
            return Math.Max(a, b);
        }

        var x = a;
        var y = b;
        while (y != 0)
        {
            (x, y) = (y, x % y);
        }

        var factor = a / x;
        return factor > long.MaxValue / b ? long.MaxValue : factor * b;
    }
}
