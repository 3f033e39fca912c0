namespace StatusKit.Recurrence;

/// <summary>What the cron parser produces: the bit masks and special day rules of one expression.</summary>
internal readonly record struct CronMatcherSpec(
    ulong Seconds,
    ulong Minutes,
    ulong Hours,
    ulong DaysOfMonth,
    ulong Months,
    ulong DaysOfWeek,
    int LastDayOffset,
    bool NearestWeekday,
    int NthWeekday,
    bool LastWeekdayOfMonth);
