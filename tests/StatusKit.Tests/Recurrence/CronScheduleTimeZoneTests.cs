using System.Globalization;
using StatusKit.Recurrence;

namespace StatusKit.Tests.Recurrence;

/// <summary>DST gaps and folds in real zones, following Cronos's own cases (converted to "strictly after").</summary>
public sealed class CronScheduleTimeZoneTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo LordHowe = TimeZoneInfo.FindSystemTimeZoneById("Australia/Lord_Howe");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    // 2016-03-13: New York clocks jump from 01:59:59 -05:00 to 03:00 -04:00.
    [Theory]
    [InlineData("0 */30 * * * *", "2016-03-13 01:30 -05:00", "2016-03-13 03:00 -04:00")]
    [InlineData("0 */30 */2 * * *", "2016-03-13 01:30 -05:00", "2016-03-13 03:00 -04:00")]
    [InlineData("0 1-58 */2 * * *", "2016-03-13 01:58 -05:00", "2016-03-13 03:00 -04:00")]
    [InlineData("0 0,30 2 * * *", "2016-03-12 02:30 -05:00", "2016-03-13 03:00 -04:00")]
    [InlineData("0 30 2 * * *", "2016-03-12 02:30 -05:00", "2016-03-13 03:00 -04:00")]
    [InlineData("0 0 */2 * * *", "2016-03-13 00:00 -05:00", "2016-03-13 03:00 -04:00")]
    [InlineData("0 0,59 * * * *", "2016-03-13 01:59 -05:00", "2016-03-13 03:00 -04:00")]
    [InlineData("0 30 * * 3 SUN#2", "2016-03-13 01:59 -05:00", "2016-03-13 03:00 -04:00")]
    [InlineData("0 30 2 * * *", "2016-03-13 03:00 -04:00", "2016-03-14 02:30 -04:00")]
    public void GetNextOccurrence_TimeSkippedByGap_FiresAtFirstInstantAfterGap(string expression, string after, string expected) =>
        AssertNext(expression, NewYork, after, expected);

    // 2016-11-06: New York clocks go back from 01:59:59 -04:00 to 01:00 -05:00.
    [Theory]
    [InlineData("0 */30 * * * *", "2016-11-06 01:00 -04:00", "2016-11-06 01:30 -04:00")]
    [InlineData("0 */30 * * * *", "2016-11-06 01:30 -04:00", "2016-11-06 01:00 -05:00")]
    [InlineData("0 */30 * * * *", "2016-11-06 01:00 -05:00", "2016-11-06 01:30 -05:00")]
    [InlineData("0 */30 * * * *", "2016-11-06 01:30 -05:00", "2016-11-06 02:00 -05:00")]
    [InlineData("0 30 * * * *", "2016-11-06 01:30 -04:00", "2016-11-06 01:30 -05:00")]
    [InlineData("0 30 * * * *", "2016-11-06 01:30 -05:00", "2016-11-06 02:30 -05:00")]
    [InlineData("0 30 */1 * * *", "2016-11-06 01:30 -04:00", "2016-11-06 01:30 -05:00")]
    [InlineData("0 30 1-9 * * *", "2016-11-06 01:30 -04:00", "2016-11-06 01:30 -05:00")]
    [InlineData("0 */30 1 * * *", "2016-11-06 01:30 -04:00", "2016-11-06 01:00 -05:00")]
    [InlineData("0 0-30 1 * * *", "2016-11-06 01:20 -04:00", "2016-11-06 01:21 -04:00")]
    [InlineData("0 0-30 1 * * *", "2016-11-06 01:59 -04:00", "2016-11-06 01:00 -05:00")]
    [InlineData("*/30 0 1 * * *", "2016-11-06 01:00:30 -04:00", "2016-11-06 01:00:00 -05:00")]
    [InlineData("*/30 0 1 * * *", "2016-11-06 01:00:30 -05:00", "2016-11-07 01:00:00 -05:00")]
    [InlineData("0 0,30 1 * * *", "2016-11-06 01:00 -04:00", "2016-11-06 01:30 -04:00")]
    [InlineData("0 0,30 1 * * *", "2016-11-06 01:30 -04:00", "2016-11-07 01:00 -05:00")]
    [InlineData("0 0,30 1 6/1 1-12 0/1", "2016-11-06 01:30 -04:00", "2016-11-07 01:00 -05:00")]
    [InlineData("0 0 1 * * *", "2016-11-06 01:00 -04:00", "2016-11-07 01:00 -05:00")]
    [InlineData("0 0 1 6 11 *", "2015-11-07 01:00 -05:00", "2016-11-06 01:00 -04:00")]
    [InlineData("0 0 1 * 11 SUN#1", "2015-11-01 01:00 -05:00", "2016-11-06 01:00 -04:00")]
    [InlineData("0 0 2 * * *", "2016-11-06 01:45 -04:00", "2016-11-06 02:00 -05:00")]
    [InlineData("0 0 2 * * *", "2016-11-06 01:45 -05:00", "2016-11-06 02:00 -05:00")]
    [InlineData("59 59 01 * * *", "2016-11-06 01:59:59 -05:00", "2016-11-07 01:59:59 -05:00")]
    public void GetNextOccurrence_TimeRepeatedByFold_FiresOnceUnlessInterval(string expression, string after, string expected) =>
        AssertNext(expression, NewYork, after, expected);

    // Lord Howe shifts by 30 minutes: 2017-10-01 02:00 +10:30 -> 02:30 +11:00; 2017-04-02 02:00 +11:00 -> 01:30 +10:30.
    [Theory]
    [InlineData("0 0,30 2 * * *", "2017-10-01 01:45 +10:30", "2017-10-01 02:30 +11:00")]
    [InlineData("0 15 2 * * *", "2017-10-01 01:45 +10:30", "2017-10-01 02:30 +11:00")]
    [InlineData("0 30 * * 10 SUN#1", "2017-10-01 01:59 +10:30", "2017-10-01 02:30 +11:00")]
    [InlineData("0 */30 * * * *", "2017-04-02 01:30 +11:00", "2017-04-02 01:30 +10:30")]
    [InlineData("0 30 * * * *", "2017-04-02 01:59 +11:00", "2017-04-02 01:30 +10:30")]
    [InlineData("0 45 1 * * *", "2017-04-02 01:00 +11:00", "2017-04-02 01:45 +11:00")]
    [InlineData("0 45 1 * * *", "2017-04-02 01:45 +11:00", "2017-04-03 01:45 +10:30")]
    public void GetNextOccurrence_LordHoweHalfHourShift_FollowsCronos(string expression, string after, string expected) =>
        AssertNext(expression, LordHowe, after, expected);

    [Fact]
    public void GetOccurrences_AcrossBerlinTransitions_FiresOncePerWallTime()
    {
        var schedule = CronSchedule.Parse("30 2 * * *");

        var spring = schedule.GetOccurrences(Parse("2025-03-29 12:00 +01:00"), Parse("2025-04-01 12:00 +02:00"), Berlin).ToList();
        var autumn = schedule.GetOccurrences(Parse("2025-10-25 12:00 +02:00"), Parse("2025-10-28 12:00 +01:00"), Berlin).ToList();

        Assert.Equal(
            [Parse("2025-03-30 03:00 +02:00"), Parse("2025-03-31 02:30 +02:00"), Parse("2025-04-01 02:30 +02:00")],
            spring);
        Assert.Equal(
            [Parse("2025-10-26 02:30 +02:00"), Parse("2025-10-27 02:30 +01:00"), Parse("2025-10-28 02:30 +01:00")],
            autumn);
    }

    [Fact]
    public void GetOccurrences_IntervalAcrossBerlinFold_FiresInBothHalves()
    {
        var schedule = CronSchedule.Parse("*/30 2 * * *");

        var occurrences = schedule.GetOccurrences(Parse("2025-10-26 01:00 +02:00"), Parse("2025-10-26 04:00 +01:00"), Berlin)
            .Select(o => o.ToString("HH:mm zzz", CultureInfo.InvariantCulture))
            .ToList();

        Assert.Equal(["02:00 +02:00", "02:30 +02:00", "02:00 +01:00", "02:30 +01:00"], occurrences);
    }

    [Fact]
    public void GetOccurrences_EverySecondThroughGap_IsStrictlyAscending()
    {
        var schedule = CronSchedule.Parse("*/20 * * * * *");

        var occurrences = schedule.GetOccurrences(Parse("2025-03-30 01:55 +01:00"), Parse("2025-03-30 03:05 +02:00"), Berlin).ToList();

        Assert.Equal(occurrences.OrderBy(o => o.UtcTicks).Distinct().ToList(), occurrences);
        Assert.Contains(Parse("2025-03-30 03:00 +02:00"), occurrences);
        Assert.DoesNotContain(occurrences, o => o.Offset == TimeSpan.FromHours(2) && o.Hour == 2);
    }

    private static void AssertNext(string expression, TimeZoneInfo zone, string after, string expected)
    {
        var schedule = CronSchedule.Parse(expression);

        var next = schedule.GetNextOccurrence(Parse(after), zone);

        Assert.Equal(Parse(expected), next);
        Assert.Equal(Parse(expected).Offset, next!.Value.Offset);
    }

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None);
}
