using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace StatusKit.Tests.Recurrence;

/// <summary>A randomly generated, RFC-valid RRULE together with its DTSTART and zone, for the property tests.</summary>
public sealed record RecurrenceRuleSpec(
    string Frequency,
    int Interval,
    int[] ByMonth,
    int[] ByWeekNo,
    int[] ByYearDay,
    int[] ByMonthDay,
    string[] ByDay,
    int[] ByHour,
    int[] ByMinute,
    int[] BySecond,
    int[] BySetPos,
    string? WeekStart,
    DateTime Start,
    string Zone)
{
    private static readonly string[] Weekdays = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    public static readonly string[] Zones = ["UTC", "Asia/Kolkata", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe"];

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(Zone);

    public bool IsCoarserThan(string frequency) =>
        Array.IndexOf(FrequencyOrder, Frequency) < Array.IndexOf(FrequencyOrder, frequency);

    public string ToRule(string? extra = null)
    {
        var parts = new List<string> { $"FREQ={Frequency}" };
        if (Interval != 1)
        {
            parts.Add($"INTERVAL={Interval}");
        }

        Add(parts, "BYMONTH", ByMonth);
        Add(parts, "BYWEEKNO", ByWeekNo);
        Add(parts, "BYYEARDAY", ByYearDay);
        Add(parts, "BYMONTHDAY", ByMonthDay);
        if (ByDay.Length > 0)
        {
            parts.Add("BYDAY=" + string.Join(',', ByDay));
        }

        Add(parts, "BYHOUR", ByHour);
        Add(parts, "BYMINUTE", ByMinute);
        Add(parts, "BYSECOND", BySecond);
        Add(parts, "BYSETPOS", BySetPos);
        if (WeekStart is not null)
        {
            parts.Add($"WKST={WeekStart}");
        }

        if (extra is not null)
        {
            parts.Add(extra);
        }

        return string.Join(';', parts);
    }

    public override string ToString() => $"{ToRule()} from {Start:yyyy-MM-ddTHH:mm:ss} in {Zone}";

    private static readonly string[] FrequencyOrder = ["YEARLY", "MONTHLY", "WEEKLY", "DAILY", "HOURLY", "MINUTELY", "SECONDLY"];

    public static Arbitrary<RecurrenceRuleSpec> Arbitrary(string[]? zones = null) => Generator(zones ?? Zones).ToArbitrary();

    private static Gen<RecurrenceRuleSpec> Generator(string[] zones) =>
        from frequency in Gen.Elements("YEARLY", "MONTHLY", "WEEKLY", "DAILY", "HOURLY", "MINUTELY")
        from interval in Gen.Elements(1, 1, 1, 2, 3, 5)
        from byMonth in Subset([1, 2, 3, 6, 9, 11, 12], 25)
        from byWeekNo in frequency == "YEARLY" ? Subset([1, 2, 10, 26, 52, 53, -1, -2], 20) : Empty<int>()
        from byYearDay in frequency is "YEARLY" or "HOURLY" or "MINUTELY" ? Subset([1, 2, 59, 60, 100, 365, 366, -1, -365, -366], 15) : Empty<int>()
        from byMonthDay in frequency != "WEEKLY" ? Subset([1, 2, 5, 15, 28, 29, 30, 31, -1, -2, -10], 25) : Empty<int>()
        from plainDays in Subset(Weekdays, 35)
        from ordinalDays in frequency is "MONTHLY" or "YEARLY" && byWeekNo.Length == 0
            ? Subset(["1MO", "2TU", "-1FR", "3WE", "-2SU", "5TH", "20MO", "-10SA"], 30)
            : Empty<string>()
        from byHour in Subset([0, 1, 2, 3, 9, 12, 17, 23], frequency is "HOURLY" or "MINUTELY" ? 40 : 30)
        from byMinute in Subset([0, 7, 15, 30, 45, 59], 25)
        from bySecond in Subset([0, 30, 59], 10)
        from bySetPos in Subset([1, 2, 3, -1, -2], 20)
        from weekStart in Gen.Elements<string?>(null, null, "MO", "SU", "TH")
        from year in Gen.Choose(1998, 2030)
        from dayOfYear in Gen.Choose(0, 364)
        from secondOfDay in Gen.Choose(0, 86_399)
        from zone in Gen.Elements(zones)
        let byDay = plainDays.Concat(ordinalDays).ToArray()
        let hasOther = byMonth.Length + byWeekNo.Length + byYearDay.Length + byMonthDay.Length + byDay.Length + byHour.Length + byMinute.Length + bySecond.Length > 0
        select new RecurrenceRuleSpec(
            frequency,
            interval,
            byMonth,
            byWeekNo,
            byYearDay,
            byMonthDay,
            byDay,
            byHour,
            byMinute,
            bySecond,
            hasOther ? bySetPos : [],
            weekStart,
            new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified).AddDays(dayOfYear).AddSeconds(secondOfDay),
            zone);

    private static Gen<T[]> Empty<T>() => Gen.Constant(Array.Empty<T>());

    private static Gen<T[]> Subset<T>(T[] values, int percent) =>
        from roll in Gen.Choose(0, 99)
        from items in Gen.SubListOf(values)
        select roll < percent ? items.Take(4).ToArray() : [];

    private static void Add(List<string> parts, string name, int[] values)
    {
        if (values.Length > 0)
        {
            parts.Add(name + "=" + string.Join(',', values.Select(v => v.ToString(CultureInfo.InvariantCulture))));
        }
    }
}
