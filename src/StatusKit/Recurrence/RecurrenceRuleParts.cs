namespace StatusKit.Recurrence;

/// <summary>
/// The validated parts of one RRULE, as written (before DTSTART supplies defaults). Every list is
/// sorted and free of duplicates; an empty list means the part is absent.
/// </summary>
internal sealed record RecurrenceRuleParts
{
    public required RecurrenceFrequency Frequency { get; init; }

    public int Interval { get; init; } = 1;

    public int? Count { get; init; }

    /// <summary>UNTIL given as a UTC date-time: occurrences at or before this instant.</summary>
    public DateTime? UntilUtc { get; init; }

    /// <summary>UNTIL given as a date: occurrences whose wall-clock date is on or before it.</summary>
    public DateOnly? UntilDate { get; init; }

    public int[] BySecond { get; init; } = [];

    public int[] ByMinute { get; init; } = [];

    public int[] ByHour { get; init; } = [];

    public WeekdayOrdinal[] ByDay { get; init; } = [];

    public int[] ByMonthDay { get; init; } = [];

    public int[] ByYearDay { get; init; } = [];

    public int[] ByWeekNo { get; init; } = [];

    public int[] ByMonth { get; init; } = [];

    public int[] BySetPos { get; init; } = [];

    public DayOfWeek WeekStart { get; init; } = DayOfWeek.Monday;

    public bool HasWeekStart { get; init; }
}
