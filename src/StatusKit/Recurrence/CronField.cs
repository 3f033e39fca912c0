namespace StatusKit.Recurrence;

/// <summary>One field of a cron expression: its name for error messages, its range, and its names (JAN, MON, ...).</summary>
internal sealed class CronField
{
    public static readonly CronField Seconds = new("Seconds", 0, 59, null, canDefineInterval: true);
    public static readonly CronField Minutes = new("Minutes", 0, 59, null, canDefineInterval: true);
    public static readonly CronField Hours = new("Hours", 0, 23, null, canDefineInterval: true);
    public static readonly CronField DaysOfMonth = new("Day of month", 1, 31, null, canDefineInterval: false);
    public static readonly CronField Months = new(
        "Month", 1, 12, ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"], canDefineInterval: false);
    public static readonly CronField DaysOfWeek = new("Day of week", 0, 7, ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"], canDefineInterval: false);

    private readonly string[]? names;

    private CronField(string name, int first, int last, string[]? names, bool canDefineInterval)
    {
        Name = name;
        First = first;
        Last = last;
        this.names = names;
        CanDefineInterval = canDefineInterval;
    }

    public string Name { get; }

    public int First { get; }

    public int Last { get; }

    /// <summary>
    /// Whether a <c>*</c>, range or step in this field makes the schedule an "interval" one, which
    /// (as in Cronos) fires in both halves of a DST fold.
    /// </summary>
    public bool CanDefineInterval { get; }

    /// <summary>The value of a three-letter name (JAN is 1, SUN is 0), or -1.</summary>
    public int ValueOfName(ReadOnlySpan<char> text)
    {
        if (names is null)
        {
            return -1;
        }

        for (var i = 0; i < names.Length; i++)
        {
            if (text.Equals(names[i], StringComparison.OrdinalIgnoreCase))
            {
                return this == Months ? i + 1 : i;
            }
        }

        return -1;
    }
}
