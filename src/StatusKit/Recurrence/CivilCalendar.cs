namespace StatusKit.Recurrence;

/// <summary>
/// Proleptic Gregorian calendar arithmetic on day numbers (days since 0001-01-01, as
/// <see cref="DateOnly.DayNumber"/>), shared by the RRULE and cron engines.
/// </summary>
internal static class CivilCalendar
{
    /// <summary>Day number of 9999-12-31, the last day a <see cref="DateTime"/> can hold.</summary>
    public const int MaxDayNumber = 3_652_058;

    private static readonly int[] DaysBeforeMonthCommon = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];
    private static readonly int[] DaysBeforeMonthLeap = [0, 0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366];

    public static bool IsLeapYear(int year) => (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);

    public static int DaysInYear(int year) => IsLeapYear(year) ? 366 : 365;

    public static int DaysInMonth(int year, int month)
    {
        var table = IsLeapYear(year) ? DaysBeforeMonthLeap : DaysBeforeMonthCommon;
        return table[month + 1] - table[month];
    }

    /// <summary>Day number of the first day of <paramref name="year"/>.</summary>
    public static int FirstDayOfYear(int year)
    {
        var y = year - 1;
        return (y * 365) + (y / 4) - (y / 100) + (y / 400);
    }

    public static int DayNumber(int year, int month, int day)
    {
        var table = IsLeapYear(year) ? DaysBeforeMonthLeap : DaysBeforeMonthCommon;
        return FirstDayOfYear(year) + table[month] + day - 1;
    }

    /// <summary>1-based day of the year of <paramref name="dayNumber"/>, which lies in <paramref name="year"/>.</summary>
    public static int DayOfYear(int dayNumber, int year) => dayNumber - FirstDayOfYear(year) + 1;

    /// <summary>Weekday of a day number: 0 is Sunday, as <see cref="System.DayOfWeek"/>. 0001-01-01 was a Monday.</summary>
    public static int DayOfWeek(int dayNumber) => (dayNumber + 1) % 7;

    public static void ToCivil(int dayNumber, out int year, out int month, out int day) =>
        DateOnly.FromDayNumber(dayNumber).Deconstruct(out year, out month, out day);

    /// <summary>
    /// The year of <paramref name="dayNumber"/>, also for the few days past 9999-12-31 that week arithmetic looks at (the
    /// week of 9999's last days ends in the year 10000, which <see cref="DateOnly"/> cannot hold).
    /// </summary>
    public static int Year(int dayNumber) =>
        dayNumber <= MaxDayNumber ? DateOnly.FromDayNumber(dayNumber).Year : 10_000 + ((dayNumber - MaxDayNumber - 1) / 366);

    /// <summary>Floor division, correct for negative numerators.</summary>
    public static long FloorDiv(long value, long divisor)
    {
        var q = value / divisor;
        return (value % divisor != 0 && ((value < 0) != (divisor < 0))) ? q - 1 : q;
    }

    /// <summary>Euclidean modulo in 0..divisor-1.</summary>
    public static int Mod(int value, int divisor)
    {
        var r = value % divisor;
        return r < 0 ? r + divisor : r;
    }
}
