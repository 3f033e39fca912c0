using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using StatusKit.Recurrence;

namespace StatusKit.Tests.Recurrence;

/// <summary>FsCheck properties over random RFC-valid rules, DTSTARTs and zones.</summary>
public sealed class RecurrenceRulePropertyTests
{
    private const int Sample = 40;
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(250);

    [Fact]
    public void Occurrences_are_strictly_ascending_and_unique()
    {
        Check.One(Runs, Prop.ForAll(RecurrenceRuleSpec.Arbitrary(), spec =>
        {
            var occurrences = Occurrences(spec, spec.ToRule());
            return occurrences.Zip(occurrences.Skip(1), (a, b) => a.UtcTicks < b.UtcTicks).All(x => x);
        }));
    }

    [Fact]
    public void Every_occurrence_satisfies_each_BY_filter()
    {
        // Zones without DST today, so every occurrence's wall clock is the one the rule generated.
        Check.One(Runs, Prop.ForAll(RecurrenceRuleSpec.Arbitrary(["UTC", "Asia/Kolkata"]), spec =>
        {
            foreach (var occurrence in Occurrences(spec, spec.ToRule()))
            {
                var wall = TimeZoneInfo.ConvertTime(occurrence, spec.TimeZone).DateTime;
                var failure = FirstFailedFilter(spec, wall);
                if (failure is not null)
                {
                    throw new InvalidOperationException($"{wall:yyyy-MM-dd HH:mm:ss} fails {failure}");
                }
            }

            return true;
        }));
    }

    [Fact]
    public void COUNT_takes_exactly_the_first_occurrences()
    {
        var arbitrary = RecurrenceRuleSpec.Arbitrary().Zip(Gen.Choose(1, 30).ToArbitrary());
        Check.One(Runs, Prop.ForAll(arbitrary, pair =>
        {
            var (spec, count) = pair;
            var unbounded = Occurrences(spec, spec.ToRule(), count);
            var counted = Occurrences(spec, spec.ToRule($"COUNT={count}"), count + 5);
            return counted.SequenceEqual(unbounded) && counted.Count <= count;
        }));
    }

    [Fact]
    public void UNTIL_keeps_exactly_the_occurrences_up_to_it()
    {
        var arbitrary = RecurrenceRuleSpec.Arbitrary().Zip(Gen.Choose(0, 3 * 365 * 24).ToArbitrary());
        Check.One(Runs, Prop.ForAll(arbitrary, pair =>
        {
            var (spec, hours) = pair;
            var until = DateTime.SpecifyKind(spec.Start.AddHours(hours), DateTimeKind.Utc);
            var untilText = until.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            var expected = Occurrences(spec, spec.ToRule()).TakeWhile(o => o.UtcDateTime <= until).ToList();
            var actual = Occurrences(spec, spec.ToRule($"UNTIL={untilText}"), expected.Count + 1);
            return actual.All(o => o.UtcDateTime <= until)
                && (expected.Count == Sample ? actual.Take(Sample).SequenceEqual(expected) : actual.SequenceEqual(expected));
        }));
    }

    [Fact]
    public void ToString_round_trips_to_the_same_occurrences()
    {
        Check.One(Runs, Prop.ForAll(RecurrenceRuleSpec.Arbitrary(), spec =>
        {
            var rule = RecurrenceRule.Parse(spec.ToRule());
            var reparsed = RecurrenceRule.Parse(rule.ToString());
            return reparsed.ToString() == rule.ToString()
                && reparsed.GetOccurrences(spec.Start, spec.TimeZone).Take(Sample)
                    .SequenceEqual(rule.GetOccurrences(spec.Start, spec.TimeZone).Take(Sample));
        }));
    }

    [Fact]
    public void GetNextOccurrence_equals_the_first_enumerated_occurrence_after_the_instant()
    {
        var arbitrary = RecurrenceRuleSpec.Arbitrary().Zip(Gen.Choose(-3 * 24 * 60, 500 * 24 * 60).ToArbitrary());
        Check.One(Runs, Prop.ForAll(arbitrary, pair =>
        {
            var (spec, minutes) = pair;
            var rule = RecurrenceRule.Parse(spec.ToRule());
            var zone = spec.TimeZone;
            var after = new DateTimeOffset(spec.Start, zone.GetUtcOffset(spec.Start)).AddMinutes(minutes).AddSeconds(minutes % 7);
            var seen = 0;
            DateTimeOffset? expected = null;
            foreach (var occurrence in rule.GetOccurrences(spec.Start, zone))
            {
                if (occurrence > after)
                {
                    expected = occurrence;
                    break;
                }

                if (++seen > 20_000)
                {
                    return true; // too far into the enumeration to compare cheaply
                }
            }

            var actual = rule.GetNextOccurrence(spec.Start, zone, after);
            return actual == expected && actual?.Offset == expected?.Offset;
        }));
    }

    private static List<DateTimeOffset> Occurrences(RecurrenceRuleSpec spec, string text, int take = Sample) =>
        RecurrenceRule.Parse(text).GetOccurrences(spec.Start, spec.TimeZone).Take(take).ToList();

    private static string? FirstFailedFilter(RecurrenceRuleSpec spec, DateTime wall)
    {
        var daysInMonth = DateTime.DaysInMonth(wall.Year, wall.Month);
        var daysInYear = DateTime.IsLeapYear(wall.Year) ? 366 : 365;
        if (spec.ByMonth.Length > 0 && !spec.ByMonth.Contains(wall.Month))
        {
            return "BYMONTH";
        }

        if (spec.ByMonthDay.Length > 0 && !spec.ByMonthDay.Any(d => d == wall.Day || daysInMonth + d + 1 == wall.Day))
        {
            return "BYMONTHDAY";
        }

        if (spec.ByYearDay.Length > 0 && !spec.ByYearDay.Any(d => d == wall.DayOfYear || daysInYear + d + 1 == wall.DayOfYear))
        {
            return "BYYEARDAY";
        }

        if (spec.ByDay.Length > 0 && !spec.ByDay.Any(d => MatchesByDay(spec, d, wall)))
        {
            return "BYDAY";
        }

        if (spec.ByWeekNo.Length > 0 && spec.WeekStart is null or "MO")
        {
            var week = ISOWeek.GetWeekOfYear(wall);
            var weeks = ISOWeek.GetWeeksInYear(ISOWeek.GetYear(wall));
            if (!spec.ByWeekNo.Any(w => w == week || weeks + w + 1 == week))
            {
                return "BYWEEKNO";
            }
        }

        if (!TimePartMatches(spec, spec.ByHour, wall.Hour, spec.Start.Hour, "HOURLY"))
        {
            return "BYHOUR";
        }

        if (!TimePartMatches(spec, spec.ByMinute, wall.Minute, spec.Start.Minute, "MINUTELY"))
        {
            return "BYMINUTE";
        }

        return TimePartMatches(spec, spec.BySecond, wall.Second, spec.Start.Second, "SECONDLY") ? null : "BYSECOND";
    }

    private static bool TimePartMatches(RecurrenceRuleSpec spec, int[] values, int actual, int fromStart, string frequency) =>
        values.Length > 0 ? values.Contains(actual) : !spec.IsCoarserThan(frequency) || actual == fromStart;

    private static bool MatchesByDay(RecurrenceRuleSpec spec, string entry, DateTime wall)
    {
        var code = entry[^2..];
        if (wall.DayOfWeek != (DayOfWeek)Array.IndexOf(new[] { "SU", "MO", "TU", "WE", "TH", "FR", "SA" }, code))
        {
            return false;
        }

        if (entry.Length == 2)
        {
            return true;
        }

        var ordinal = int.Parse(entry[..^2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var withinMonth = spec.Frequency == "MONTHLY" || spec.ByMonth.Length > 0;
        var index = withinMonth ? wall.Day : wall.DayOfYear;
        var length = withinMonth ? DateTime.DaysInMonth(wall.Year, wall.Month) : (DateTime.IsLeapYear(wall.Year) ? 366 : 365);
        return ordinal > 0 ? (index - 1) / 7 + 1 == ordinal : (length - index) / 7 + 1 == -ordinal;
    }
}
