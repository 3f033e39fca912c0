namespace StatusKit.Recurrence;

/// <summary>The two-letter RFC 5545 weekday codes (SU, MO, ...).</summary>
internal static class WeekdayCodes
{
    private static readonly string[] Codes = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    public static string ToCode(DayOfWeek day) => Codes[(int)day];

    public static bool TryParse(ReadOnlySpan<char> text, out DayOfWeek day)
    {
        for (var i = 0; i < Codes.Length; i++)
        {
            if (text.Equals(Codes[i], StringComparison.OrdinalIgnoreCase))
            {
                day = (DayOfWeek)i;
                return true;
            }
        }

        day = default;
        return false;
    }

    /// <summary>0 for Monday .. 6 for Sunday: the order RFC 5545 lists weekdays in.</summary>
    public static int MondayFirstIndex(DayOfWeek day) => ((int)day + 6) % 7;
}
