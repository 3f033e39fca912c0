using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using StatusKit.Maintenance;
using StatusKit.Tests.Recurrence;

namespace StatusKit.Tests.Maintenance;

/// <summary>
/// OverlapCheck against brute force: random RRULEs (some with COUNT or UNTIL) in zones with and without DST, each with a
/// duration picked next to one of its actual gaps, so the property runs along the boundary between overlapping and not.
/// </summary>
public sealed class OverlapCheckPropertyTests
{
    /// <summary>The reference walks at most this many occurrences, and at most three years of them.</summary>
    private const int ReferenceOccurrences = 400;

    [Fact]
    public void OverlapCheck_Meets_Specification()
    {
        // Every overlap among the first occurrences is found, and every overlap found is a real pair of consecutive
        // occurrences of the schedule, the later starting before the earlier ends.
        PropertyCheck.Verify(Prop.ForAll(Cases().ToArbitrary(), c =>
        {
            var reference = Reference(c.Recurrence, c.StartsAt, c.Zone);
            var gaps = reference.Zip(reference.Skip(1), (a, b) => b - a).ToList();
            var duration = gaps.Count == 0
                ? TimeSpan.FromHours(1)
                : Max(TimeSpan.FromSeconds(1), gaps[c.Pick % gaps.Count] + TimeSpan.FromSeconds(c.Nudge));
            var schedule = OverlapCheckTests.Schedule(c.StartsAt, duration, c.Zone, c.Recurrence);

            var found = OverlapCheck.Find(schedule, c.StartsAt.AddDays(-1));

            var failure = found is { } pair
                ? Genuine(schedule, pair)
                : gaps.FirstOrDefault(g => g < duration) is var g && g > TimeSpan.Zero
                    ? $"missed a gap of {g} (duration {duration})"
                    : null;
            return failure is null ? true : throw new InvalidOperationException($"{c}: {failure}");
        }), cases: 300);
    }

    private static string? Genuine(OccurrenceSchedule schedule, (OccurrenceSpan Earlier, OccurrenceSpan Later) pair)
    {
        var (earlier, later) = pair;
        return schedule.NextStartingAfter(earlier.StartsAt.AddTicks(-1)) != earlier ? $"{earlier.StartsAt:o} is not an occurrence"
            : schedule.NextStartingAfter(earlier.StartsAt) != later ? $"{later.StartsAt:o} does not follow {earlier.StartsAt:o}"
            : later.StartsAt >= earlier.EndsAt ? $"{later.StartsAt:o} starts after {earlier.StartsAt:o} ends"
            : null;
    }

    /// <summary>The first occurrence starts (at most <see cref="ReferenceOccurrences"/>, within three years), one by one.</summary>
    private static List<DateTimeOffset> Reference(string recurrence, DateTimeOffset startsAt, string zone)
    {
        var schedule = OverlapCheckTests.Schedule(startsAt, TimeSpan.FromSeconds(1), zone, recurrence);
        var starts = new List<DateTimeOffset>();
        for (var next = schedule.NextStartingAfter(DateTimeOffset.MinValue);
             next is { } occurrence && starts.Count < ReferenceOccurrences && occurrence.StartsAt <= startsAt.AddYears(3);
             next = schedule.NextStartingAfter(occurrence.StartsAt))
        {
            starts.Add(occurrence.StartsAt);
        }

        return starts;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static Gen<Case> Cases() =>
        from spec in RecurrenceRuleSpec.Arbitrary(["UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe"]).Generator
        from bound in Gen.Elements("", "", "", "COUNT", "UNTIL")
        from count in Gen.Choose(2, 60)
        from untilDays in Gen.Choose(1, 3 * 365)
        from pick in Gen.Choose(0, 10_000)
        from nudge in Gen.Elements(-1, 0, 0, 1)
        let startsAt = TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(spec.Start, DateTimeKind.Utc)), spec.TimeZone)
        let extra = bound switch
        {
            "COUNT" => $"COUNT={count}",
            "UNTIL" => "UNTIL=" + startsAt.UtcDateTime.AddDays(untilDays).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture),
            _ => null,
        }
        select new Case(spec.ToRule(extra), startsAt, spec.Zone, pick, nudge);

    private sealed record Case(string Recurrence, DateTimeOffset StartsAt, string Zone, int Pick, int Nudge)
    {
        public override string ToString() => $"{Recurrence} from {StartsAt:o} in {Zone} (gap #{Pick}, {Nudge:+0;-0;0} s)";
    }
}
