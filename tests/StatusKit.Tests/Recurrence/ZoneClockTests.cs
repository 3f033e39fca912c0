using FsCheck;
using FsCheck.Fluent;
using StatusKit.Recurrence;

namespace StatusKit.Tests.Recurrence;

/// <summary>The steady-offset cache must agree with <see cref="TimeZoneInfo"/> everywhere, including next to transitions.</summary>
public sealed class ZoneClockTests
{
    private static readonly string[] Zones = ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Apia"];

    [Fact]
    public void ToZone_any_instant_matches_TimeZoneInfo_ConvertTime()
    {
        var arbitrary = (from zone in Gen.Elements(Zones)
                         from minutes in Gen.Choose(0, int.MaxValue)
                         select (zone, instant: new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(minutes / 60.0 * 37)))
            .ToArbitrary();

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), Prop.ForAll(arbitrary, pair =>
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(pair.zone);
            var expected = TimeZoneInfo.ConvertTime(pair.instant, zone);
            var actual = ZoneClock.ToZone(zone, pair.instant);
            return actual == expected && actual.Offset == expected.Offset;
        }));
    }

    [Fact]
    public void TryResolveFirst_regular_wall_times_match_TimeZoneInfo_around_every_2025_transition()
    {
        foreach (var id in Zones)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            var wall = new DateTime(2025, 1, 1);
            for (var step = 0; step < 365 * 24 * 4; step++, wall = wall.AddMinutes(15))
            {
                // Prime the cache from a nearby instant, as GetNextOccurrence does.
                ZoneClock.ToZone(zone, new DateTimeOffset(wall.AddDays(-1), TimeSpan.Zero));
                Assert.True(ZoneClock.TryResolveFirst(zone, wall.Ticks, out var actual, out var inGap));
                if (zone.IsInvalidTime(wall))
                {
                    Assert.True(inGap);
                    continue;
                }

                var offset = zone.IsAmbiguousTime(wall) ? zone.GetAmbiguousTimeOffsets(wall).Max() : zone.GetUtcOffset(wall);
                Assert.False(inGap);
                Assert.Equal(new DateTimeOffset(wall, offset), actual);
                Assert.Equal(offset, actual.Offset);
            }
        }
    }
}
