namespace StatusKit.Recurrence;

/// <summary>
/// One BYDAY entry: a weekday, optionally with an ordinal (<c>2TU</c> is the second Tuesday,
/// <c>-1FR</c> the last Friday). An ordinal of 0 means "every such weekday".
/// </summary>
internal readonly record struct WeekdayOrdinal(DayOfWeek Day, int Ordinal) : IComparable<WeekdayOrdinal>
{
    public int CompareTo(WeekdayOrdinal other)
    {
        var byOrdinal = Ordinal.CompareTo(other.Ordinal);
        return byOrdinal != 0 ? byOrdinal : WeekdayCodes.MondayFirstIndex(Day).CompareTo(WeekdayCodes.MondayFirstIndex(other.Day));
    }
}
