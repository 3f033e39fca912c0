using System.Numerics;

namespace StatusKit.Recurrence;

/// <summary>
/// The parsed fields of a cron expression as bit masks, and the wall-clock search for the next
/// matching second. Pure calendar arithmetic: no time zones, no allocation.
/// </summary>
internal sealed class CronMatcher
{
    private const long TicksPerSecond = TimeSpan.TicksPerSecond;
    private const long TicksPerDay = TimeSpan.TicksPerDay;
    private const int SearchYears = 400; // the Gregorian calendar (weekdays included) repeats every 400 years

    private readonly ulong seconds;
    private readonly ulong minutes;
    private readonly ulong hours;
    private readonly uint daysOfMonth;
    private readonly uint months;
    private readonly uint[] weekdayDaysByFirstWeekday = new uint[7];
    private readonly int lastDayOffset;
    private readonly bool nearestWeekday;
    private readonly int nthWeekday;
    private readonly bool lastWeekdayOfMonth;
    private readonly int firstSecondOfDay;

    public CronMatcher(CronMatcherSpec spec)
    {
        seconds = spec.Seconds;
        minutes = spec.Minutes;
        hours = spec.Hours;
        daysOfMonth = (uint)spec.DaysOfMonth;
        months = (uint)spec.Months;
        lastDayOffset = spec.LastDayOffset;
        nearestWeekday = spec.NearestWeekday;
        nthWeekday = spec.NthWeekday;
        lastWeekdayOfMonth = spec.LastWeekdayOfMonth;

        // For each weekday of the 1st of a month, the days 1..31 whose weekday is selected.
        for (var firstWeekday = 0; firstWeekday < 7; firstWeekday++)
        {
            uint mask = 0;
            for (var day = 1; day <= 31; day++)
            {
                var weekday = (firstWeekday + day - 1) % 7;
                if (((spec.DaysOfWeek >> weekday) & 1) != 0)
                {
                    mask |= 1u << day;
                }
            }

            weekdayDaysByFirstWeekday[firstWeekday] = mask;
        }

        firstSecondOfDay = (LowestBit(hours) * 3600) + (LowestBit(minutes) * 60) + LowestBit(seconds);
    }

    /// <summary>
    /// The first wall-clock time (ticks, whole seconds) strictly after <paramref name="wallTicks"/>
    /// that matches every field, or -1 when there is none before the year 10000 (a day that can never
    /// occur, such as <c>30 2</c>, gives -1 rather than an error).
    /// </summary>
    public long FindNext(long wallTicks)
    {
        var from = wallTicks - (wallTicks % TicksPerSecond) + TicksPerSecond;
        if (from >= (CivilCalendar.MaxDayNumber + 1L) * TicksPerDay)
        {
            return -1;
        }

        var dayNumber = (int)(from / TicksPerDay);
        var secondOfDay = (int)(from % TicksPerDay / TicksPerSecond);
        CivilCalendar.ToCivil(dayNumber, out var year, out var month, out var day);

        if (((months >> month) & 1) != 0)
        {
            var days = DaysOf(year, month);
            if (((days >> day) & 1) != 0 && TryTimeAtOrAfter(secondOfDay, out var time))
            {
                return (dayNumber * TicksPerDay) + (time * TicksPerSecond);
            }

            var later = days & ~((2u << day) - 1);
            if (later != 0)
            {
                var next = BitOperations.TrailingZeroCount(later);
                return ((dayNumber + next - day) * TicksPerDay) + (firstSecondOfDay * TicksPerSecond);
            }
        }

        var lastYear = Math.Min(9999, year + SearchYears);
        while (true)
        {
            if (++month > 12)
            {
                month = 1;
                if (++year > lastYear)
                {
                    return -1;
                }
            }

            if (((months >> month) & 1) == 0)
            {
                continue;
            }

            var days = DaysOf(year, month);
            if (days != 0)
            {
                var first = BitOperations.TrailingZeroCount(days);
                return (CivilCalendar.DayNumber(year, month, first) * TicksPerDay) + (firstSecondOfDay * TicksPerSecond);
            }
        }
    }

    /// <summary>The days (bit d for day d) of a month matching both the day-of-month and the day-of-week fields.</summary>
    private uint DaysOf(int year, int month)
    {
        var daysInMonth = CivilCalendar.DaysInMonth(year, month);
        var valid = (2u << daysInMonth) - 2; // bits 1..daysInMonth (wraps correctly for 31)
        uint days;
        if (lastDayOffset >= 0)
        {
            var day = daysInMonth - lastDayOffset;
            if (day < 1)
            {
                return 0;
            }

            days = 1u << (nearestWeekday ? NearestWeekday(year, month, day, daysInMonth) : day);
        }
        else if (nearestWeekday)
        {
            var day = BitOperations.TrailingZeroCount(daysOfMonth);
            if (day > daysInMonth)
            {
                return 0;
            }

            days = 1u << NearestWeekday(year, month, day, daysInMonth);
        }
        else
        {
            days = daysOfMonth & valid;
        }

        var firstWeekday = CivilCalendar.DayOfWeek(CivilCalendar.DayNumber(year, month, 1));
        days &= weekdayDaysByFirstWeekday[firstWeekday];
        if (nthWeekday > 0)
        {
            days &= 0x7Fu << ((7 * (nthWeekday - 1)) + 1);
        }

        if (lastWeekdayOfMonth)
        {
            days &= valid & ~((1u << (daysInMonth - 6)) - 1);
        }

        return days;
    }

    private bool TryTimeAtOrAfter(int secondOfDay, out int time)
    {
        var hour = secondOfDay / 3600;
        var minute = secondOfDay / 60 % 60;
        var second = secondOfDay % 60;
        if (((hours >> hour) & 1) != 0)
        {
            if (((minutes >> minute) & 1) != 0)
            {
                var s = NextBit(seconds, second);
                if (s >= 0)
                {
                    time = (hour * 3600) + (minute * 60) + s;
                    return true;
                }
            }

            var m = NextBit(minutes, minute + 1);
            if (m >= 0)
            {
                time = (hour * 3600) + (m * 60) + LowestBit(seconds);
                return true;
            }
        }

        var h = NextBit(hours, hour + 1);
        if (h >= 0)
        {
            time = (h * 3600) + (LowestBit(minutes) * 60) + LowestBit(seconds);
            return true;
        }

        time = 0;
        return false;
    }

    /// <summary>The weekday nearest to <paramref name="day"/> without leaving the month (the <c>W</c> character).</summary>
    private static int NearestWeekday(int year, int month, int day, int daysInMonth)
    {
        var weekday = CivilCalendar.DayOfWeek(CivilCalendar.DayNumber(year, month, day));
        return weekday switch
        {
            6 => day == 1 ? 3 : day - 1,
            0 => day == daysInMonth ? day - 2 : day + 1,
            _ => day,
        };
    }

    private static int NextBit(ulong mask, int from)
    {
        if (from > 63)
        {
            return -1;
        }

        var rest = mask & (ulong.MaxValue << from);
        return rest == 0 ? -1 : BitOperations.TrailingZeroCount(rest);
    }

    private static int LowestBit(ulong mask) => BitOperations.TrailingZeroCount(mask);
}
