using FsCheck;
using FsCheck.Fluent;
using StatusKit.Recurrence;

namespace StatusKit.Tests.Recurrence;

/// <summary>RecurrenceSpacing against the wall times random RRULEs and cron expressions actually produce (on the UTC clock).</summary>
public sealed class RecurrenceSpacingPropertyTests
{
    private const int Sample = 300;

    /// <summary>The last day on which the 28-year calendar cycle still holds (2100 is not a leap year).</summary>
    private static readonly DateTimeOffset CalendarCycleEnd = new(2099, 12, 31, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RecurrenceSpacing_OfAnRRule_Meets_Specification()
    {
        // No two wall times are closer than MinimumDistance; and, for a rule whose pattern is exactly periodic (all but
        // MONTHLY and YEARLY, whose cycle only bounds a walk), every wall time after the first period recurs one cycle later.
        PropertyCheck.Verify(Prop.ForAll(RecurrenceRuleSpec.Arbitrary(["UTC"]), spec =>
        {
            var rule = RecurrenceRule.Parse(spec.ToRule());
            var spacing = rule.GetSpacing(spec.Start, TimeZoneInfo.Utc);
            var walls = rule.GetOccurrences(spec.Start, TimeZoneInfo.Utc).Take(Sample).ToList();
            var tooClose = walls.Zip(walls.Skip(1)).FirstOrDefault(p => p.Second - p.First < spacing.MinimumDistance);
            if (tooClose != default)
            {
                throw new InvalidOperationException($"{spec}: {tooClose.First:o} and {tooClose.Second:o} are closer than {spacing.MinimumDistance}");
            }

            if (spec.Frequency is "MONTHLY" or "YEARLY" || spacing.Cycle >= TimeSpan.FromDays(146_097))
            {
                return true;
            }

            var firstPeriodEnd = new DateTimeOffset(spec.Start, TimeSpan.Zero).AddDays(7 * spec.Interval);
            foreach (var wall in walls.Where(w => w >= firstPeriodEnd && w + spacing.Cycle <= CalendarCycleEnd).Take(20))
            {
                var again = wall + spacing.Cycle;
                if (rule.GetNextOccurrence(spec.Start, TimeZoneInfo.Utc, again.AddTicks(-1)) != again)
                {
                    throw new InvalidOperationException($"{spec}: {wall:o} does not recur {spacing.Cycle} later");
                }
            }

            return true;
        }), cases: 500);
    }

    [Fact]
    public void RecurrenceSpacing_OfACronExpression_Meets_Specification()
    {
        PropertyCheck.Verify(Prop.ForAll(CronExpressions().ToArbitrary(), expression =>
        {
            if (!CronSchedule.TryParse(expression, out var cron, out _))
            {
                return true;
            }

            var spacing = cron.Spacing;
            var from = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var walls = cron.GetOccurrences(from, from.AddYears(3), TimeZoneInfo.Utc).Take(Sample).ToList();
            var tooClose = walls.Zip(walls.Skip(1)).FirstOrDefault(p => p.Second - p.First < spacing.MinimumDistance);
            if (tooClose != default)
            {
                throw new InvalidOperationException($"'{expression}': {tooClose.First:o} and {tooClose.Second:o} are closer than {spacing.MinimumDistance}");
            }

            foreach (var wall in walls.Where(w => w + spacing.Cycle <= CalendarCycleEnd).Take(20))
            {
                var again = wall + spacing.Cycle;
                if (cron.GetNextOccurrence(again.AddTicks(-1), TimeZoneInfo.Utc) != again)
                {
                    throw new InvalidOperationException($"'{expression}': {wall:o} does not recur {spacing.Cycle} later");
                }
            }

            return true;
        }), cases: 300);
    }

    private static Gen<string> CronExpressions() =>
        from seconds in Gen.Elements("", "0 ", "30 ", "0,20 ", "*/15 ")
        from minutes in Gen.Elements("0", "30", "0,45", "*/20", "5-10", "*")
        from hours in Gen.Elements("2", "2,14", "*/6", "22-2", "*", "9-17")
        from days in Gen.Elements("*", "*", "1", "1,15", "L", "15W", "28-31")
        from months in Gen.Elements("*", "*", "*", "1", "2,8", "*/3")
        from weekdays in Gen.Elements("*", "*", "MON", "SAT,SUN", "MON-FRI", "5L", "MON#2")
        select $"{seconds}{minutes} {hours} {days} {months} {weekdays}";
}
