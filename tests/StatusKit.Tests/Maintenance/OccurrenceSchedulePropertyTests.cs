using FsCheck;
using FsCheck.Fluent;
using StatusKit.Maintenance;
using StatusKit.Tests.Recurrence;

namespace StatusKit.Tests.Maintenance;

/// <summary>FsCheck properties of a window's occurrences over random RRULEs, StartsAts (matching the rule or not) and zones.</summary>
public sealed class OccurrenceSchedulePropertyTests
{
    [Fact]
    public void Occurrences_Meet_Specification()
    {
        // StartsAt first, strictly ascending, at most COUNT in all (StartsAt is one of them, as RFC 5545 counts DTSTART),
        // and each one is the next after the one before it.
        var arbitrary = RecurrenceRuleSpec.Arbitrary().Zip(Gen.Choose(1, 6).ToArbitrary());
        PropertyCheck.Verify(Prop.ForAll(arbitrary, pair =>
        {
            var (spec, count) = pair;
            var zone = spec.TimeZone;
            var startsAt = TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(spec.Start, DateTimeKind.Utc)), zone);
            var recurrence = spec.ToRule($"COUNT={count}");
            if (!OccurrenceSchedule.TryCreate(startsAt, TimeSpan.FromSeconds(1), spec.Zone, recurrence, out var schedule, out _, out var error))
            {
                throw new InvalidOperationException(error);
            }

            var starts = schedule.Take(count + 1).Select(o => o.StartsAt).ToList();
            var failure =
                starts[0] != startsAt ? "the first is not StartsAt"
                : starts.Count > count ? $"{starts.Count} occurrences for COUNT={count}"
                : starts.Zip(starts.Skip(1)).Any(p => p.First >= p.Second) ? "not strictly ascending"
                : starts.Zip(starts.Skip(1)).Any(p => schedule.NextStartingAfter(p.First)?.StartsAt != p.Second) ? "next-after disagrees"
                : schedule.NextStartingAfter(starts[^1]) is { } extra ? $"an occurrence after the last: {extra.StartsAt:o}"
                : null;
            return failure is null ? true : throw new InvalidOperationException($"{recurrence} from {startsAt:o} in {spec.Zone}: {failure}");
        }), cases: 100);
    }
}
