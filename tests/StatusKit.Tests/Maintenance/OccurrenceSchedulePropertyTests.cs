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
            if (!OccurrenceSchedule.TryCreate(startsAt, TimeSpan.FromSeconds(1), spec.Zone, recurrence, [], out var schedule, out _, out var error))
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

    [Fact]
    public void Occurrences_WithExclusions_Meet_Specification()
    {
        // Excluding some of the first occurrences by their wall-clock starts leaves exactly the others, in order, and
        // NextStartingAfter agrees: an excluded wall time is matched at the instant RFC 5545 gives it (here resolved
        // independently, with TimeZoneInfo's gap and fold queries).
        var arbitrary = RecurrenceRuleSpec.Arbitrary().Zip(Gen.Choose(0, (1 << 12) - 1).ToArbitrary());
        PropertyCheck.Verify(Prop.ForAll(arbitrary, pair =>
        {
            var (spec, mask) = pair;
            var zone = spec.TimeZone;
            var startsAt = TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(spec.Start, DateTimeKind.Utc)), zone);
            var recurrence = spec.ToRule("COUNT=12");
            var plain = Create(startsAt, spec.Zone, recurrence, []);
            var first = plain.Take(12).Select(o => o.StartsAt).ToList();
            var excluded = first.Where((_, i) => ((mask >> i) & 1) != 0)
                .Select(o => TimeZoneInfo.ConvertTime(o, zone).DateTime)
                .Select(w => DateTime.SpecifyKind(w, DateTimeKind.Unspecified))
                .Distinct()
                .ToList();
            var excludedInstants = excluded.Select(w => Resolve(w, zone)).ToHashSet();
            var expected = first.Where(o => !excludedInstants.Contains(o.UtcTicks)).ToList();

            var schedule = Create(startsAt, spec.Zone, recurrence, excluded);
            var actual = schedule.All().Select(o => o.StartsAt).ToList();

            var failure =
                !actual.SequenceEqual(expected) ? $"[{string.Join(", ", actual.Select(a => a.ToString("o")))}] instead of [{string.Join(", ", expected.Select(e => e.ToString("o")))}]"
                : actual.Zip(actual.Skip(1)).Any(p => schedule.NextStartingAfter(p.First)?.StartsAt != p.Second) ? "next-after disagrees"
                : actual.Count > 0 && schedule.NextStartingAfter(DateTimeOffset.MinValue)?.StartsAt != actual[0] ? "the first disagrees"
                : null;
            return failure is null ? true : throw new InvalidOperationException($"{recurrence} from {startsAt:o} in {spec.Zone} excluding {string.Join(", ", excluded.Select(e => e.ToString("s")))}: {failure}");
        }), cases: 100);
    }

    private static OccurrenceSchedule Create(DateTimeOffset startsAt, string zone, string recurrence, IReadOnlyList<DateTime> excluded) =>
        OccurrenceSchedule.TryCreate(startsAt, TimeSpan.FromSeconds(1), zone, recurrence, excluded, out var schedule, out _, out var error)
            ? schedule
            : throw new InvalidOperationException(error);

    /// <summary>RFC 5545 §3.3.5: a skipped wall time takes the offset before the gap, a repeated one its first (larger) offset.</summary>
    private static long Resolve(DateTime wall, TimeZoneInfo zone)
    {
        var offset = zone.IsInvalidTime(wall) ? zone.GetUtcOffset(wall.AddHours(-6))
            : zone.IsAmbiguousTime(wall) ? zone.GetAmbiguousTimeOffsets(wall).Max()
            : zone.GetUtcOffset(wall);
        return wall.Ticks - offset.Ticks;
    }
}
