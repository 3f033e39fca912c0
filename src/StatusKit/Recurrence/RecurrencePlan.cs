namespace StatusKit.Recurrence;

/// <summary>
/// A rule bound to its DTSTART: the parts DTSTART implies are filled in (python-dateutil's and RFC
/// 5545's defaults: a YEARLY rule without day parts recurs on DTSTART's month and day, BYHOUR defaults
/// to DTSTART's hour when the period is coarser than an hour, ...) and every filter is turned into a
/// bit mask, so matching a day or a time costs a few instructions and no allocation.
/// </summary>
internal sealed class RecurrencePlan
{
    public const long TicksPerSecond = TimeSpan.TicksPerSecond;
    public const long TicksPerDay = TimeSpan.TicksPerDay;

    private readonly uint monthMask;          // bit m for month m (1..12)
    private readonly uint monthDayMask;       // bit d for BYMONTHDAY=d
    private readonly uint negativeMonthDayMask; // bit d for BYMONTHDAY=-d
    private readonly bool hasMonthDay;
    private readonly int weekdayMask;         // bit w (0 = Sunday) for plain BYDAY entries
    private readonly WeekdayOrdinal[] nthWeekdays;
    private readonly bool hasWeekday;
    private readonly ulong[]? yearDayMask;    // bits 1..366
    private readonly ulong[]? negativeYearDayMask;
    private readonly ulong weekNoMask;        // bits 1..53
    private readonly ulong negativeWeekNoMask;
    private readonly bool hasWeekNo;

    public RecurrencePlan(RecurrenceRuleParts parts, DateTime start)
    {
        Parts = parts;
        Start = start;
        Frequency = parts.Frequency;
        WeekStart = (int)parts.WeekStart;
        StartTicks = start.Ticks;
        StartDay = (int)(start.Ticks / TicksPerDay);

        var byDay = parts.ByDay;
        var byMonthDay = parts.ByMonthDay;
        var byMonth = parts.ByMonth;
        var defaultsDays = parts.ByWeekNo.Length == 0 && parts.ByYearDay.Length == 0 && byMonthDay.Length == 0 && byDay.Length == 0;
        if (defaultsDays)
        {
            switch (Frequency)
            {
                case RecurrenceFrequency.Yearly:
                    if (byMonth.Length == 0)
                    {
                        byMonth = [start.Month];
                    }

                    byMonthDay = [start.Day];
                    break;
                case RecurrenceFrequency.Monthly:
                    byMonthDay = [start.Day];
                    break;
                case RecurrenceFrequency.Weekly:
                    byDay = [new WeekdayOrdinal(start.DayOfWeek, 0)];
                    break;
            }
        }

        foreach (var m in byMonth)
        {
            monthMask |= 1u << m;
        }

        foreach (var d in byMonthDay)
        {
            if (d > 0)
            {
                monthDayMask |= 1u << d;
            }
            else
            {
                negativeMonthDayMask |= 1u << -d;
            }
        }

        hasMonthDay = byMonthDay.Length > 0;
        var nth = new List<WeekdayOrdinal>();
        foreach (var d in byDay)
        {
            if (d.Ordinal == 0)
            {
                weekdayMask |= 1 << (int)d.Day;
            }
            else
            {
                nth.Add(d);
            }
        }

        nthWeekdays = [.. nth];
        hasWeekday = byDay.Length > 0;

        if (parts.ByYearDay.Length > 0)
        {
            yearDayMask = new ulong[6];
            negativeYearDayMask = new ulong[6];
            foreach (var d in parts.ByYearDay)
            {
                var target = d > 0 ? yearDayMask : negativeYearDayMask;
                var n = Math.Abs(d);
                target[n >> 6] |= 1UL << (n & 63);
            }
        }

        foreach (var w in parts.ByWeekNo)
        {
            if (w > 0)
            {
                weekNoMask |= 1UL << w;
            }
            else
            {
                negativeWeekNoMask |= 1UL << -w;
            }
        }

        hasWeekNo = parts.ByWeekNo.Length > 0;

        HourMask = MaskOf(parts.ByHour, Frequency < RecurrenceFrequency.Hourly ? start.Hour : -1);
        MinuteMask = MaskOf(parts.ByMinute, Frequency < RecurrenceFrequency.Minutely ? start.Minute : -1);
        SecondMask = MaskOf(parts.BySecond, Frequency < RecurrenceFrequency.Secondly ? start.Second : -1);
        TimeOffsets = BuildTimeOffsets();
        SetPositions = parts.BySetPos;

        (LatticeOrigin, LatticeStep) = Frequency switch
        {
            RecurrenceFrequency.Hourly => (start.Ticks - (start.Ticks % TimeSpan.TicksPerHour), parts.Interval * TimeSpan.TicksPerHour),
            RecurrenceFrequency.Minutely => (start.Ticks - (start.Ticks % TimeSpan.TicksPerMinute), parts.Interval * TimeSpan.TicksPerMinute),
            RecurrenceFrequency.Secondly => (start.Ticks - (start.Ticks % TicksPerSecond), parts.Interval * TicksPerSecond),
            _ => (0L, 0L),
        };

        IsEmpty = TimeOffsets.Length == 0 || !TimeOfDayReachable();
    }

    public RecurrenceRuleParts Parts { get; }

    public DateTime Start { get; }

    public RecurrenceFrequency Frequency { get; }

    public int WeekStart { get; }

    public long StartTicks { get; }

    public int StartDay { get; }

    /// <summary>Hours allowed (bit h); all bits when unrestricted.</summary>
    public ulong HourMask { get; }

    public ulong MinuteMask { get; }

    public ulong SecondMask { get; }

    /// <summary>
    /// The sorted offsets, in seconds, that turn one period unit into occurrences: seconds of the day
    /// for DAILY and coarser, seconds within the hour for HOURLY, within the minute for MINUTELY, and
    /// just 0 for SECONDLY.
    /// </summary>
    public int[] TimeOffsets { get; }

    public int[] SetPositions { get; }

    /// <summary>The weekdays of the plain (ordinal-free) BYDAY entries, or DTSTART's for a WEEKLY rule without day parts: bit w, 0 = Sunday.</summary>
    public int PlainWeekdayMask => weekdayMask;

    /// <summary>For HOURLY, MINUTELY and SECONDLY: the wall-clock ticks of the first lattice point.</summary>
    public long LatticeOrigin { get; }

    /// <summary>For HOURLY, MINUTELY and SECONDLY: INTERVAL times the unit, in ticks.</summary>
    public long LatticeStep { get; }

    /// <summary>True when no occurrence can ever be produced (the time filters are unreachable).</summary>
    public bool IsEmpty { get; }

    /// <summary>Whether the day passes every day-level filter (BYMONTH, BYWEEKNO, BYDAY, BYMONTHDAY, BYYEARDAY).</summary>
    public bool MatchesDay(int dayNumber)
    {
        var needCivil = monthMask != 0 || hasMonthDay || nthWeekdays.Length > 0 || yearDayMask is not null || hasWeekNo;
        if (!needCivil)
        {
            return !hasWeekday || ((weekdayMask >> CivilCalendar.DayOfWeek(dayNumber)) & 1) != 0;
        }

        CivilCalendar.ToCivil(dayNumber, out var year, out var month, out var day);
        if (monthMask != 0 && ((monthMask >> month) & 1) == 0)
        {
            return false;
        }

        if (hasWeekNo && !WeekNumbering.Matches(dayNumber, WeekStart, weekNoMask, negativeWeekNoMask))
        {
            return false;
        }

        if (hasWeekday && !MatchesWeekday(dayNumber, year, month, day))
        {
            return false;
        }

        if (hasMonthDay)
        {
            var daysInMonth = CivilCalendar.DaysInMonth(year, month);
            if (((monthDayMask >> day) & 1) == 0 && ((negativeMonthDayMask >> (daysInMonth - day + 1)) & 1) == 0)
            {
                return false;
            }
        }

        if (yearDayMask is not null)
        {
            var dayOfYear = CivilCalendar.DayOfYear(dayNumber, year);
            var fromEnd = CivilCalendar.DaysInYear(year) - dayOfYear + 1;
            if (!IsSet(yearDayMask, dayOfYear) && !IsSet(negativeYearDayMask!, fromEnd))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the wall-clock time of a lattice point passes BYHOUR/BYMINUTE/BYSECOND where they filter.</summary>
    public bool MatchesLatticeTime(long wallTicks)
    {
        var secondOfDay = (int)(wallTicks % TicksPerDay / TicksPerSecond);
        if (((HourMask >> (secondOfDay / 3600)) & 1) == 0)
        {
            return false;
        }

        if (Frequency >= RecurrenceFrequency.Minutely && ((MinuteMask >> (secondOfDay / 60 % 60)) & 1) == 0)
        {
            return false;
        }

        return Frequency < RecurrenceFrequency.Secondly || ((SecondMask >> (secondOfDay % 60)) & 1) != 0;
    }

    private bool MatchesWeekday(int dayNumber, int year, int month, int day)
    {
        var weekday = CivilCalendar.DayOfWeek(dayNumber);
        if (((weekdayMask >> weekday) & 1) != 0)
        {
            return true;
        }

        if (nthWeekdays.Length == 0)
        {
            return false;
        }

        // The ordinal counts within the month for MONTHLY rules and for YEARLY rules with BYMONTH,
        // and within the year otherwise (RFC 5545: "+20MO within a YEARLY rule").
        int fromStart, fromEnd;
        if (Frequency == RecurrenceFrequency.Monthly || monthMask != 0)
        {
            fromStart = ((day - 1) / 7) + 1;
            fromEnd = ((CivilCalendar.DaysInMonth(year, month) - day) / 7) + 1;
        }
        else
        {
            var dayOfYear = CivilCalendar.DayOfYear(dayNumber, year);
            fromStart = ((dayOfYear - 1) / 7) + 1;
            fromEnd = ((CivilCalendar.DaysInYear(year) - dayOfYear) / 7) + 1;
        }

        foreach (var nth in nthWeekdays)
        {
            if ((int)nth.Day == weekday && (nth.Ordinal > 0 ? nth.Ordinal == fromStart : -nth.Ordinal == fromEnd))
            {
                return true;
            }
        }

        return false;
    }

    private int[] BuildTimeOffsets()
    {
        var offsets = new List<int>();
        switch (Frequency)
        {
            case RecurrenceFrequency.Secondly:
                offsets.Add(0);
                break;
            case RecurrenceFrequency.Minutely:
                AddBits(SecondMask, 60, s => offsets.Add(s));
                break;
            case RecurrenceFrequency.Hourly:
                AddBits(MinuteMask, 60, m => AddBits(SecondMask, 60, s => offsets.Add((m * 60) + s)));
                break;
            default:
                AddBits(HourMask, 24, h => AddBits(MinuteMask, 60, m => AddBits(SecondMask, 60, s => offsets.Add((h * 3600) + (m * 60) + s))));
                break;
        }

        return [.. offsets];
    }

    /// <summary>
    /// For sub-daily rules the lattice visits only times of day congruent to DTSTART modulo
    /// gcd(step, 1 day); when none of those passes the time filters the rule can never occur
    /// (python-dateutil raises in that case; here the rule is simply empty).
    /// </summary>
    private bool TimeOfDayReachable()
    {
        if (Frequency < RecurrenceFrequency.Hourly)
        {
            return true;
        }

        var unit = Frequency switch
        {
            RecurrenceFrequency.Hourly => 3600,
            RecurrenceFrequency.Minutely => 60,
            _ => 1,
        };
        var step = (long)Parts.Interval * unit;
        var gcd = (int)Gcd(step, 86_400);
        var originSecond = (int)(LatticeOrigin % TicksPerDay / TicksPerSecond);
        for (var t = originSecond % gcd; t < 86_400; t += gcd)
        {
            if (MatchesLatticeTime(t * TicksPerSecond))
            {
                return true;
            }
        }

        return false;
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    private static void AddBits(ulong mask, int limit, Action<int> add)
    {
        for (var i = 0; i < limit; i++)
        {
            if (((mask >> i) & 1) != 0)
            {
                add(i);
            }
        }
    }

    private static ulong MaskOf(int[] values, int fallback)
    {
        if (values.Length == 0)
        {
            return fallback >= 0 ? 1UL << fallback : ulong.MaxValue;
        }

        var mask = 0UL;
        foreach (var v in values)
        {
            mask |= 1UL << v;
        }

        return mask;
    }

    private static bool IsSet(ulong[] mask, int bit) => (mask[bit >> 6] & (1UL << (bit & 63))) != 0;
}
