using FsCheck;
using FsCheck.Fluent;
using StatusKit.Model;
using StatusKit.Status;
using StatusKit.Uptime;

namespace StatusKit.Tests.Uptime;

public sealed class UptimePropertyTests
{
    private static readonly string[] Zones = ["UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe"];
    private static readonly DateTimeOffset Now = new(2026, 3, 30, 15, 17, 0, TimeSpan.Zero); // just after the EU DST change

    private static readonly Gen<(ComponentStatus Status, int Minutes)> Segment =
        from status in Gen.Elements(Enum.GetValues<ComponentStatus>())
        from minutes in Gen.Choose(1, 3_000)
        select (status, minutes);

    private static readonly Gen<Scenario> Scenarios =
        from zone in Gen.Elements(Zones)
        from days in Gen.Choose(1, 10)
        from createdHoursBeforeNow in Gen.Choose(1, 400)
        from startHoursBeforeNow in Gen.Choose(0, 400)
        from count in Gen.Choose(0, 25)
        from segments in Segment.ArrayOf(count)
        from allOperational in Gen.Elements(false, false, false, true)
        select new Scenario(zone, days, createdHoursBeforeNow, startHoursBeforeNow, allOperational ? [.. segments.Select(s => (ComponentStatus.Operational, s.Minutes))] : segments);

    [Fact]
    public void Uptime_Meets_Specification()
    {
        PropertyCheck.Verify(Prop.ForAll(Scenarios.ToArbitrary(), scenario =>
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(scenario.Zone);
            var component = UptimeCalculatorTests.Component(Now.AddHours(-scenario.CreatedHoursBeforeNow));
            var history = scenario.History(component);

            var uptime = UptimeCalculator.Compute(component, history, zone, Now, scenario.Days, DowntimeWeights.Default);

            Assert.Equal(scenario.Days, uptime.Days.Count);
            for (var d = 0; d < uptime.Days.Count; d++)
            {
                var day = uptime.Days[d];
                var (from, to) = CountedPart(day.Date, zone, component.CreatedAt);
                if (from >= to)
                {
                    Assert.Null(day.UptimePercent);
                    continue;
                }

                var percent = Assert.NotNull(day.UptimePercent);
                Assert.InRange(percent, 0.0, 100.0);
                var majorShare = TimeIn(history, ComponentStatus.MajorOutage, from, to) / (to - from);
                Assert.True(percent <= (100.0 * (1 - majorShare)) + 1e-6, $"{day.Date}: {percent} > 100 - {100 * majorShare} (Major share)");
                if (scenario.AllOperational)
                {
                    Assert.Equal(100.0, percent);
                }

                if (d > 0)
                {
                    Assert.Equal(uptime.Days[d - 1].Date.AddDays(1), day.Date);
                }
            }

            Assert.Equal(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, zone).DateTime), uptime.Days[^1].Date);
            if (uptime.UptimePercent is { } total)
            {
                Assert.InRange(total, 0.0, 100.0);
            }

            return true;
        }));
    }

    /// <summary>The part of a local day that counts: from midnight (or creation) to the next midnight (or now).</summary>
    private static (DateTimeOffset From, DateTimeOffset To) CountedPart(DateOnly date, TimeZoneInfo zone, DateTimeOffset createdAt)
    {
        var start = Midnight(date, zone);
        var end = Midnight(date.AddDays(1), zone);
        return (start > createdAt ? start : createdAt, end < Now ? end : Now);
    }

    private static DateTimeOffset Midnight(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }

    /// <summary>Reference: how long the history was in <paramref name="status"/> within [from, to).</summary>
    private static TimeSpan TimeIn(IReadOnlyList<StatusHistoryEntry> history, ComponentStatus status, DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        var current = history.Count > 0 ? history[0].OldStatus : ComponentStatus.Operational;
        var since = DateTimeOffset.MinValue;
        foreach (var entry in history.Append(new StatusHistoryEntry(Guid.Empty, Guid.Empty, Guid.Empty, ComponentStatus.Operational, ComponentStatus.Operational, DateTimeOffset.MaxValue, "end")))
        {
            if (current == status)
            {
                var a = since > from ? since : from;
                var b = entry.At < to ? entry.At : to;
                if (b > a)
                {
                    total += b - a;
                }
            }

            current = entry.NewStatus;
            since = entry.At;
        }

        return total;
    }

    private sealed record Scenario(string Zone, int Days, int CreatedHoursBeforeNow, int StartHoursBeforeNow, (ComponentStatus Status, int Minutes)[] Segments)
    {
        public bool AllOperational => Segments.All(s => s.Status == ComponentStatus.Operational);

        /// <summary>Consecutive changes from Operational, starting <see cref="StartHoursBeforeNow"/> before now (some may lie ahead of now).</summary>
        public IReadOnlyList<StatusHistoryEntry> History(Component component)
        {
            var entries = new List<StatusHistoryEntry>();
            var at = Now.AddHours(-StartHoursBeforeNow);
            var previous = ComponentStatus.Operational;
            foreach (var (status, minutes) in Segments)
            {
                if (at > Now)
                {
                    break;
                }

                entries.Add(new StatusHistoryEntry(Guid.NewGuid(), component.PageId, component.Id, previous, status, at, "generated"));
                previous = status;
                at = at.AddMinutes(minutes);
            }

            return entries;
        }

        public override string ToString() =>
            $"{Zone}, {Days} days, created {CreatedHoursBeforeNow} h ago, changes from {StartHoursBeforeNow} h ago: {string.Join(", ", Segments.Select(s => $"{s.Status}+{s.Minutes}m"))}";
    }
}
