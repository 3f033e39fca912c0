namespace StatusKit.Recurrence;

/// <summary>
/// Week numbers as RFC 5545 defines them for BYWEEKNO: weeks start on WKST, and week 1 is the first
/// week with at least four days in the year (ISO 8601 when WKST=MO). A day early in January can
/// belong to the last week of the previous year, and a day late in December to week 1 of the next.
/// </summary>
internal static class WeekNumbering
{
    /// <summary>Whether <paramref name="dayNumber"/> lies in a week selected by the masks (bit n for week n, or for week -n).</summary>
    public static bool Matches(int dayNumber, int weekStart, ulong positiveMask, ulong negativeMask)
    {
        var thursdayLike = WeekFirstDay(dayNumber, weekStart) + 3;
        var weekYear = CivilCalendar.Year(thursdayLike);
        var week = ((thursdayLike - CivilCalendar.FirstDayOfYear(weekYear)) / 7) + 1;
        if (((positiveMask >> week) & 1) != 0)
        {
            return true;
        }

        if (negativeMask == 0)
        {
            return false;
        }

        var fromEnd = WeeksInYear(weekYear, weekStart) - week + 1;
        return ((negativeMask >> fromEnd) & 1) != 0;
    }

    /// <summary>Number of weeks (52 or 53) in <paramref name="year"/> under the given week start.</summary>
    public static int WeeksInYear(int year, int weekStart)
    {
        var lastDay = CivilCalendar.FirstDayOfYear(year + 1) - 1;
        var thursdayLike = WeekFirstDay(lastDay, weekStart) + 3;
        if (thursdayLike > lastDay)
        {
            thursdayLike -= 7;
        }

        return ((thursdayLike - CivilCalendar.FirstDayOfYear(year)) / 7) + 1;
    }

    /// <summary>Day number of the WKST day that starts the week containing <paramref name="dayNumber"/>.</summary>
    public static int WeekFirstDay(int dayNumber, int weekStart) =>
        dayNumber - CivilCalendar.Mod(CivilCalendar.DayOfWeek(dayNumber) - weekStart, 7);
}
