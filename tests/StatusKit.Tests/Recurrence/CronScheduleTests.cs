using System.Globalization;
using StatusKit.Recurrence;

namespace StatusKit.Tests.Recurrence;

/// <summary>Cronos's documented examples and edge cases (L, W, #, names, reversed ranges, Feb 29), on a wall clock without DST.</summary>
public sealed class CronScheduleTests
{
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;

    // Cronos's cases are inclusive of their start; here "from" is passed as the instant one second earlier.
    [Theory]
    [InlineData("* 51-4 * * * *", "2017-01-01 17:35", "2017-01-01 17:51")]
    [InlineData("* 51-4 * * * *", "2017-01-01 18:04", "2017-01-01 18:04")]
    [InlineData("* 51-4 * * * *", "2017-01-01 18:05", "2017-01-01 18:51")]
    [InlineData("* 56-4/4 * * * *", "2017-01-01 17:57", "2017-01-01 18:00")]
    [InlineData("* 56-4/4 * * * *", "2017-01-01 18:05", "2017-01-01 18:56")]
    [InlineData("* * 23-3/2 * * *", "2017-01-01 02:00", "2017-01-01 03:00")]
    [InlineData("* * 23-3/2 * * *", "2017-01-01 04:00", "2017-01-01 23:00")]
    [InlineData("* * 4/5 * * *", "2017-01-01 05:00", "2017-01-01 09:00")]
    [InlineData("* * * */4 * *", "2016-12-02", "2016-12-05")]
    [InlineData("* * * 16-23 * *", "2016-12-24", "2017-01-16")]
    [InlineData("* * * 30-31 * *", "2016-02-27", "2016-03-30")]
    [InlineData("* * * 20-5/5 * *", "2017-05-26", "2017-05-30")]
    [InlineData("* * * 20-5/5 * *", "2017-06-01", "2017-06-04")]
    [InlineData("* * * 20-5/5 * *", "2018-02-26", "2018-03-04")]
    [InlineData("* * * * 12-2 *", "2016-05-19", "2016-12-01")]
    [InlineData("* * * * 9-8/3 *", "2016-10-19", "2016-12-01")]
    [InlineData("* * * * 2-4,JUN,7,SEP-nov *", "2016-08-15", "2016-09-01")]
    [InlineData("* * * * mar-dec *", "2016-02-09", "2016-03-01")]
    [InlineData("* * * * * 3,5,7", "2016-12-10", "2016-12-11")]
    [InlineData("* * * * * tue/2", "2016-12-11", "2016-12-13")]
    [InlineData("* * * ? * sat-tue", "2016-12-14", "2016-12-17")]
    [InlineData("* * * ? * sat-tue/2", "2016-12-11", "2016-12-12")]
    [InlineData("00 00 00 11 12 7", "2016-12-09", "2016-12-11")]
    [InlineData("50-56 40-50 15-20 5-10 11,12 5,6,7", "2016-12-09 15:51:56", "2016-12-09 16:40:50")]
    [InlineData("50-56 40-50 15-20 5-10 11,12 5,6,7", "2016-12-11 21:50:56", "2017-11-05 15:40:50")]
    [InlineData("00 05 18 13 * 05", "2016-09-01", "2017-01-13 18:05")]
    [InlineData("0 0 0 29 2 *", "2016-03-10", "2020-02-29")]
    [InlineData("0 0 0 31 * *", "2017-04-01", "2017-05-31")]
    [InlineData("* * * L * *", "2016-02-05", "2016-02-29")]
    [InlineData("* * * L * *", "2017-02-28", "2017-02-28")]
    [InlineData("* * * L-1 * *", "2016-01-31", "2016-02-28")]
    [InlineData("* * * L-2 * *", "2017-02-01", "2017-02-26")]
    [InlineData("* * * L-28 * *", "2017-02-01", "2017-03-03")]
    [InlineData("* * * L-30 * *", "2016-04-01", "2016-05-01")]
    [InlineData("* * * * * 0L", "2017-01-01", "2017-01-29")]
    [InlineData("* * * * * FRIL", "2017-01-01", "2017-01-27")]
    [InlineData("* * * * * 7L", "2016-12-31", "2017-01-29")]
    [InlineData("* * * * * SUN#1", "2016-12-10", "2017-01-01")]
    [InlineData("* * * * * 5#3", "2017-01-21", "2017-02-17")]
    [InlineData("* * * * * 2#5", "2017-02-01", "2017-05-30")]
    [InlineData("* * * 1W * *", "2017-01-01", "2017-01-02")]
    [InlineData("* * * 7W * *", "2017-01-07", "2017-02-07")]
    [InlineData("* * * 30W * *", "2017-04-29", "2017-05-30")]
    [InlineData("* * * 1W * *", "2017-04-01", "2017-04-03")]
    [InlineData("0 30 10 1W * *", "2017-04-03 12:00", "2017-05-01 10:30")]
    [InlineData("0 30 17 31W * *", "2018-03-30 17:45", "2018-05-31 17:30")]
    [InlineData("0 30 17 15W * *", "2016-12-30 17:45", "2017-01-16 17:30")]
    [InlineData("0 30 17 27W * 1L", "2017-03-10 17:45", "2017-03-27 17:30")]
    [InlineData("0 30 17 27W * 1#4", "2017-03-10 17:45", "2017-03-27 17:30")]
    [InlineData("* * * LW * *", "2017-09-30", "2017-10-31")]
    [InlineData("* * * LW * *", "2017-04-01", "2017-04-28")]
    [InlineData("* * * L-3W * *", "2017-01-01", "2017-01-27")]
    [InlineData("* * * L-2W * *", "2016-02-01", "2016-02-26")]
    [InlineData("* * * L-1W * *", "2017-02-01", "2017-02-27")]
    [InlineData("? ? ? ? ? ?", "2016-12-09 16:46", "2016-12-09 16:46")]
    [InlineData("* *  *  lw   * *   ", "2017-05-30", "2017-05-31")]
    [InlineData("0 30 17 27w  * mOnL", "2017-03-10 17:45", "2017-03-27 17:30")]
    [InlineData("0 57,20/20,30/20,32-34/2,58 * * * * ", "2017-04-17 17:35", "2017-04-17 17:40")]
    [InlineData("0 57,20/20,30/20,32-34/2,58 * * * * ", "2017-04-17 17:59", "2017-04-17 18:20")]
    [InlineData("* * * * * *", "1900-02-20 16:46", "1900-02-20 16:46")]
    public void GetNextOccurrence_CronosExample_ReturnsCronosResult(string expression, string from, string expected)
    {
        var schedule = CronSchedule.Parse(expression);

        var next = schedule.GetNextOccurrence(At(from).AddSeconds(-1), Utc);

        Assert.Equal(At(expected), next);
    }

    [Theory]
    [InlineData("0 2 1-7 * SUN", "2025-01-01 00:00", "2025-01-05 02:00")]
    [InlineData("0 2 1-7 * SUN", "2025-01-05 02:00", "2025-02-02 02:00")]
    [InlineData("0 3 * * MON-FRI", "2025-01-03 03:00", "2025-01-06 03:00")]
    [InlineData("@yearly", "2025-06-01 00:00", "2026-01-01 00:00")]
    [InlineData("@annually", "2025-06-01 00:00", "2026-01-01 00:00")]
    [InlineData("@monthly", "2025-06-01 00:00", "2025-07-01 00:00")]
    [InlineData("@weekly", "2025-06-01 00:00", "2025-06-08 00:00")]
    [InlineData("@daily", "2025-06-01 00:00", "2025-06-02 00:00")]
    [InlineData("@midnight", "2025-06-01 00:00", "2025-06-02 00:00")]
    [InlineData("@hourly", "2025-06-01 00:00", "2025-06-01 01:00")]
    [InlineData("0 0 29 2 *", "2024-02-29 00:00", "2028-02-29 00:00")]
    [InlineData("0 0 29 2 MON", "2024-01-01 00:00", "2044-02-29 00:00")]
    [InlineData("*/15 * * * *", "2025-06-01 00:14:59", "2025-06-01 00:15:00")]
    [InlineData("0 12 * * 0", "2025-06-07 12:00", "2025-06-08 12:00")]
    [InlineData("0 12 * * 7", "2025-06-07 12:00", "2025-06-08 12:00")]
    [InlineData("0 0 1 * *", "2025-06-01 00:00:00.5", "2025-07-01 00:00")]
    [InlineData("0 0 * * * 0", "2025-06-06 23:59:59.9999999", "2025-06-08 00:00")]
    public void GetNextOccurrence_StrictlyAfter_ReturnsNextMatch(string expression, string after, string expected)
    {
        var schedule = CronSchedule.Parse(expression);

        var next = schedule.GetNextOccurrence(At(after), Utc);

        Assert.Equal(At(expected), next);
    }

    [Theory]
    [InlineData("0 0 30 2 *")]
    [InlineData("0 0 31 4,6,9,11 *")]
    [InlineData("0 0 L-30 2 *")]
    [InlineData("0 0 1-7 * SUN#5")]
    public void GetNextOccurrence_DayThatNeverOccurs_ReturnsNull(string expression)
    {
        var schedule = CronSchedule.Parse(expression);

        var next = schedule.GetNextOccurrence(At("2025-01-01 00:00"), Utc);

        Assert.Null(next);
    }

    [Fact]
    public void GetOccurrences_Range_IsExclusiveOfAfterAndInclusiveOfUntil()
    {
        var schedule = CronSchedule.Parse("0 * * * *");

        var occurrences = schedule.GetOccurrences(At("2025-01-01 00:00"), At("2025-01-01 03:00"), Utc).ToList();

        Assert.Equal([At("2025-01-01 01:00"), At("2025-01-01 02:00"), At("2025-01-01 03:00")], occurrences);
    }

    [Fact]
    public void GetNextOccurrence_OtherZone_ReturnsZoneOffset()
    {
        var schedule = CronSchedule.Parse("30 9 * * *");
        var kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");

        var next = schedule.GetNextOccurrence(At("2025-01-01 00:00"), kolkata);

        Assert.Equal(new DateTimeOffset(2025, 1, 1, 9, 30, 0, TimeSpan.FromHours(5.5)), next);
        Assert.Equal(TimeSpan.FromHours(5.5), next!.Value.Offset);
    }

    [Fact]
    public void GetNextOccurrence_NullZone_Throws()
    {
        var schedule = CronSchedule.Parse("* * * * *");

        Assert.Throws<ArgumentNullException>(() => schedule.GetNextOccurrence(At("2025-01-01 00:00"), null!));
    }

    internal static DateTimeOffset At(string text) =>
        new(DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None), TimeSpan.Zero);
}
