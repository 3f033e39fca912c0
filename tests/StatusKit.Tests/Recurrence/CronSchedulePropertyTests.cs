using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using StatusKit.Recurrence;

namespace StatusKit.Tests.Recurrence;

/// <summary>FsCheck properties for cron schedules, checked against a brute-force oracle and against the enumeration.</summary>
public sealed class CronSchedulePropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(300);

    public sealed record CronSpec(int[] Minutes, int[] Hours, int[] Days, int[] Months, int[] Weekdays, DateTimeOffset After, string Zone)
    {
        public string Expression =>
            $"{Field(Minutes)} {Field(Hours)} {Field(Days)} {Field(Months)} {Field(Weekdays)}";

        public override string ToString() => $"'{Expression}' after {After:O} in {Zone}";

        private static string Field(int[] values) =>
            values.Length == 0 ? "*" : string.Join(',', values.Select(v => v.ToString(CultureInfo.InvariantCulture)));
    }

    private static Arbitrary<CronSpec> Specs(params string[] zones) =>
        (from minutes in Subset(Enumerable.Range(0, 60).ToArray(), 85)
         from hours in Subset(Enumerable.Range(0, 24).ToArray(), 70)
         from days in Subset([1, 2, 7, 13, 15, 28, 29, 30, 31], 40)
         from months in Subset(Enumerable.Range(1, 12).ToArray(), 40)
         from weekdays in Subset(Enumerable.Range(0, 7).ToArray(), 40)
         from dayOffset in Gen.Choose(0, 20 * 365)
         from second in Gen.Choose(0, 86_399)
         from zone in Gen.Elements(zones)
         select new CronSpec(minutes, hours, days, months, weekdays,
             new DateTimeOffset(2010, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(dayOffset).AddSeconds(second), zone))
        .ToArbitrary();

    [Fact]
    public void GetNextOccurrence_in_UTC_equals_a_brute_force_scan()
    {
        Check.One(Runs, Prop.ForAll(Specs("UTC"), spec =>
        {
            var actual = CronSchedule.Parse(spec.Expression).GetNextOccurrence(spec.After, TimeZoneInfo.Utc);
            var expected = BruteForceNext(spec, out var searchedUntil);
            return expected is null ? actual is null || actual > searchedUntil : actual == expected;
        }));
    }

    [Fact]
    public void Occurrences_in_DST_zones_are_strictly_ascending()
    {
        Check.One(Runs, Prop.ForAll(Specs("Europe/Berlin", "America/New_York", "Australia/Lord_Howe"), spec =>
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(spec.Zone);
            var occurrences = CronSchedule.Parse(spec.Expression).GetOccurrences(spec.After, spec.After.AddDays(400), zone).Take(200).ToList();
            return occurrences.All(o => o > spec.After)
                && occurrences.Zip(occurrences.Skip(1), (a, b) => a.UtcTicks < b.UtcTicks).All(x => x);
        }));
    }

    [Fact]
    public void GetNextOccurrence_equals_the_first_enumerated_occurrence_after_the_instant()
    {
        var arbitrary = Specs("Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "UTC").Zip(Gen.OneOf(Gen.Choose(0, 3 * 24 * 60), Gen.Choose(0, 200 * 24 * 60)).ToArbitrary());
        Check.One(Runs, Prop.ForAll(arbitrary, pair =>
        {
            var (spec, minutes) = pair;
            var zone = TimeZoneInfo.FindSystemTimeZoneById(spec.Zone);
            var schedule = CronSchedule.Parse(spec.Expression);
            var after = spec.After.AddMinutes(minutes).AddSeconds(minutes % 60);
            DateTimeOffset? expected = null;
            var seen = 0;
            foreach (var occurrence in schedule.GetOccurrences(spec.After, after.AddDays(800), zone))
            {
                if (occurrence > after)
                {
                    expected = occurrence;
                    break;
                }

                if (++seen == 20_000)
                {
                    return true; // a dense schedule: too many occurrences before `after` to compare cheaply
                }
            }

            var actual = schedule.GetNextOccurrence(after, zone);
            return expected is null ? actual is null || actual > after.AddDays(800) : actual == expected && actual?.Offset == expected?.Offset;
        }));
    }

    /// <summary>Independent day-by-day search: both day fields must match (Cronos's AND rule).</summary>
    private static DateTimeOffset? BruteForceNext(CronSpec spec, out DateTimeOffset searchedUntil)
    {
        var start = spec.After.UtcDateTime;
        var from = start.AddTicks(-(start.Ticks % TimeSpan.TicksPerMinute)).AddMinutes(1);

        searchedUntil = new DateTimeOffset(from.Date.AddYears(30), TimeSpan.Zero);
        for (var day = from.Date; day < searchedUntil.UtcDateTime; day = day.AddDays(1))
        {
            if ((spec.Months.Length > 0 && !spec.Months.Contains(day.Month))
                || (spec.Days.Length > 0 && !spec.Days.Contains(day.Day))
                || (spec.Weekdays.Length > 0 && !spec.Weekdays.Contains((int)day.DayOfWeek)))
            {
                continue;
            }

            for (var hour = 0; hour < 24; hour++)
            {
                for (var minute = 0; minute < 60; minute++)
                {
                    var candidate = day.AddHours(hour).AddMinutes(minute);
                    if (candidate >= from
                        && (spec.Hours.Length == 0 || spec.Hours.Contains(hour))
                        && (spec.Minutes.Length == 0 || spec.Minutes.Contains(minute)))
                    {
                        return new DateTimeOffset(candidate, TimeSpan.Zero);
                    }
                }
            }
        }

        return null;
    }

    private static Gen<int[]> Subset(int[] values, int percent) =>
        from roll in Gen.Choose(0, 99)
        from items in Gen.NonEmptyListOf(Gen.Elements(values))
        select roll < percent ? items.Distinct().Order().Take(5).ToArray() : [];
}
