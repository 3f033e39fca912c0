using System.Globalization;
using StatusKit.Recurrence;

namespace StatusKit.Tests.Recurrence;

public sealed class RecurrenceRuleTests
{
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void GetOccurrences_StartNotMatchingRule_SkipsStart()
    {
        var rule = RecurrenceRule.Parse("FREQ=WEEKLY;BYDAY=MO;COUNT=2");

        var occurrences = rule.GetOccurrences(Wall("2025-01-07 09:00"), Utc).ToList();

        Assert.Equal([Utc0("2025-01-13 09:00"), Utc0("2025-01-20 09:00")], occurrences);
    }

    [Theory]
    [InlineData("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30")]
    [InlineData("FREQ=MONTHLY;BYMONTH=4,6,9,11;BYMONTHDAY=31")]
    [InlineData("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30")]
    [InlineData("FREQ=HOURLY;INTERVAL=2;BYHOUR=3,5")]
    [InlineData("FREQ=MINUTELY;INTERVAL=120;BYHOUR=1")]
    [InlineData("FREQ=SECONDLY;INTERVAL=2;BYSECOND=1,3")]
    [InlineData("FREQ=MINUTELY;BYSECOND=60")]
    [InlineData("FREQ=MONTHLY;BYDAY=6MO")]
    public void GetOccurrences_RuleThatCanNeverOccur_EndsEmpty(string text)
    {
        var rule = RecurrenceRule.Parse(text);

        var occurrences = rule.GetOccurrences(Wall("2024-01-01 00:00"), Utc).ToList();

        Assert.Empty(occurrences);
        Assert.Null(rule.GetNextOccurrence(Wall("2024-01-01 00:00"), Utc, Utc0("2030-01-01 00:00")));
    }

    [Fact]
    public void GetOccurrences_InfiniteRule_IsLazy()
    {
        var rule = RecurrenceRule.Parse("FREQ=SECONDLY");

        var occurrences = rule.GetOccurrences(Wall("2025-01-01 00:00"), Utc).Take(3).ToList();

        Assert.Equal([Utc0("2025-01-01 00:00:00"), Utc0("2025-01-01 00:00:01"), Utc0("2025-01-01 00:00:02")], occurrences);
    }

    [Fact]
    public void GetOccurrences_PlainAndOrdinalWeekdays_AreAUnion()
    {
        // python-dateutil intersects the two kinds and yields nothing here; RFC 5545 lists them side by side.
        var rule = RecurrenceRule.Parse("FREQ=MONTHLY;BYDAY=FR,1TU;COUNT=6");

        var occurrences = rule.GetOccurrences(Wall("2025-01-01 10:00"), Utc).ToList();

        Assert.Equal(
            [Utc0("2025-01-03 10:00"), Utc0("2025-01-07 10:00"), Utc0("2025-01-10 10:00"), Utc0("2025-01-17 10:00"), Utc0("2025-01-24 10:00"), Utc0("2025-01-31 10:00")],
            occurrences);
    }

    [Fact]
    public void GetOccurrences_DateUntil_IncludesTheWholeDay()
    {
        var rule = RecurrenceRule.Parse("FREQ=DAILY;BYHOUR=0,23;UNTIL=20250102");

        var occurrences = rule.GetOccurrences(Wall("2025-01-01 00:00"), Berlin).Select(o => o.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(["2025-01-01 00:00", "2025-01-01 23:00", "2025-01-02 00:00", "2025-01-02 23:00"], occurrences);
    }

    [Fact]
    public void GetOccurrences_UtcUntil_BoundsTheInstant()
    {
        var rule = RecurrenceRule.Parse("FREQ=DAILY;UNTIL=20250103T080000Z");

        var occurrences = rule.GetOccurrences(Wall("2025-01-01 09:00"), Berlin).ToList();

        Assert.Equal(3, occurrences.Count);
        Assert.Equal(new DateTimeOffset(2025, 1, 3, 9, 0, 0, TimeSpan.FromHours(1)), occurrences[^1]);
    }

    [Fact]
    public void GetOccurrences_WallTimeInGap_UsesOffsetBeforeGap()
    {
        var rule = RecurrenceRule.Parse("FREQ=DAILY;COUNT=3");

        var occurrences = rule.GetOccurrences(Wall("2025-03-29 02:30"), Berlin).ToList();

        Assert.Equal(
            [
                new DateTimeOffset(2025, 3, 29, 2, 30, 0, TimeSpan.FromHours(1)),
                new DateTimeOffset(2025, 3, 30, 3, 30, 0, TimeSpan.FromHours(2)),
                new DateTimeOffset(2025, 3, 31, 2, 30, 0, TimeSpan.FromHours(2)),
            ],
            occurrences);
        Assert.Equal(TimeSpan.FromHours(2), occurrences[1].Offset);
    }

    [Fact]
    public void GetOccurrences_AmbiguousWallTime_UsesFirstInstant()
    {
        var rule = RecurrenceRule.Parse("FREQ=DAILY;COUNT=1");

        var occurrence = Assert.Single(rule.GetOccurrences(Wall("2025-10-26 02:30"), Berlin));

        Assert.Equal(new DateTimeOffset(2025, 10, 26, 2, 30, 0, TimeSpan.FromHours(2)), occurrence);
    }

    [Fact]
    public void GetOccurrences_GapShiftedTimesMeetingLaterOnes_AreAscendingAndDeduplicatedBeforeCounting()
    {
        // 02:15 and 02:45 do not exist on 2025-03-30 and become 03:15 and 03:45, which the rule also produces.
        var rule = RecurrenceRule.Parse("FREQ=MINUTELY;INTERVAL=30;BYMINUTE=15,45;COUNT=6");

        var occurrences = rule.GetOccurrences(Wall("2025-03-30 01:15"), Berlin)
            .Select(o => o.ToString("HH:mm zzz", CultureInfo.InvariantCulture))
            .ToList();

        Assert.Equal(["01:15 +01:00", "01:45 +01:00", "03:15 +02:00", "03:45 +02:00", "04:15 +02:00", "04:45 +02:00"], occurrences);
    }

    [Fact]
    public void GetNextOccurrence_FarFromStart_JumpsToThePeriod()
    {
        var rule = RecurrenceRule.Parse("FREQ=WEEKLY;BYDAY=SU;BYHOUR=2;BYMINUTE=0");

        var next = rule.GetNextOccurrence(Wall("2000-01-02 02:00"), Berlin, new DateTimeOffset(2525, 6, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2525, 6, 3, 2, 0, 0, TimeSpan.FromHours(2)), next); // a Sunday
    }

    [Fact]
    public void GetNextOccurrence_WithCount_CountsFromStart()
    {
        var rule = RecurrenceRule.Parse("FREQ=DAILY;COUNT=3");

        Assert.Equal(Utc0("2025-01-03 09:00"), rule.GetNextOccurrence(Wall("2025-01-01 09:00"), Utc, Utc0("2025-01-02 09:00")));
        Assert.Null(rule.GetNextOccurrence(Wall("2025-01-01 09:00"), Utc, Utc0("2025-01-03 09:00")));
    }

    [Fact]
    public void GetNextOccurrence_BeforeStart_ReturnsFirstOccurrence()
    {
        var rule = RecurrenceRule.Parse("FREQ=MONTHLY;BYDAY=1TU");

        var next = rule.GetNextOccurrence(Wall("2025-03-01 08:00"), Utc, Utc0("1990-01-01 00:00"));

        Assert.Equal(Utc0("2025-03-04 08:00"), next);
    }

    [Fact]
    public void GetOccurrences_FractionalSeconds_AreIgnored()
    {
        var rule = RecurrenceRule.Parse("FREQ=DAILY;COUNT=1");

        var occurrence = Assert.Single(rule.GetOccurrences(Wall("2025-01-01 09:00:00.750"), Utc));

        Assert.Equal(Utc0("2025-01-01 09:00"), occurrence);
    }

    [Fact]
    public void GetOccurrences_LocalKindStart_Throws()
    {
        var rule = RecurrenceRule.Parse("FREQ=DAILY");

        Assert.Throws<ArgumentException>(() => rule.GetOccurrences(new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Local), Berlin));
        Assert.Throws<ArgumentException>(() => rule.GetNextOccurrence(new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), Berlin, DateTimeOffset.MinValue));
        Assert.Throws<ArgumentNullException>(() => rule.GetOccurrences(Wall("2025-01-01 00:00"), null!));
    }

    [Fact]
    public void GetOccurrences_UtcKindStartWithUtcZone_IsAccepted()
    {
        var rule = RecurrenceRule.Parse("FREQ=DAILY;COUNT=1");

        var occurrence = Assert.Single(rule.GetOccurrences(new DateTime(2025, 1, 1, 6, 0, 0, DateTimeKind.Utc), Utc));

        Assert.Equal(Utc0("2025-01-01 06:00"), occurrence);
    }

    [Fact]
    public void GetOccurrences_NearTheEndOfTime_Stops()
    {
        var rule = RecurrenceRule.Parse("FREQ=YEARLY");

        var occurrences = rule.GetOccurrences(Wall("9997-06-01 00:00"), Utc).ToList();

        Assert.Equal(3, occurrences.Count);
    }

    [Theory]
    [InlineData("FREQ=YEARLY;BYWEEKNO=2,10,26,52;BYYEARDAY=2,100,-366;BYDAY=MO,TU,TH,FR;BYSETPOS=2,3,-1;WKST=TH", "2026-01-01 00:00")]
    [InlineData("FREQ=YEARLY;BYWEEKNO=1;BYYEARDAY=-1;WKST=MO", "9990-01-01 00:00")]
    [InlineData("FREQ=YEARLY;BYWEEKNO=-1;BYDAY=SA,SU;WKST=SU", "9998-01-01 00:00")]
    public void GetOccurrences_WeekNumbersNearTheEndOfTime_StopThere(string text, string start)
    {
        // The week of 9999's last days ends in the year 10000, which DateTime cannot hold (a property test's counterexample).
        var rule = RecurrenceRule.Parse(text);

        var occurrences = rule.GetOccurrences(Wall(start), Utc).Take(300).ToList();

        Assert.All(occurrences, o => Assert.True(o.Year <= 9999));
        Assert.Equal(occurrences.Count, occurrences.Distinct().Count());
    }

    internal static DateTime Wall(string text) => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None);

    internal static DateTimeOffset Utc0(string text) => new(Wall(text), TimeSpan.Zero);
}
