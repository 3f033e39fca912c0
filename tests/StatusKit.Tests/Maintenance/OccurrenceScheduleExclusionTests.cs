using StatusKit.Maintenance;

namespace StatusKit.Tests.Maintenance;

/// <summary>
/// How an excluded wall-clock start is matched: resolved in the window's zone as the recurrence places an occurrence at
/// that wall time (RFC 5545's resolution for an RRULE, the gap's end for a cron expression), so it meets the occurrence
/// at that wall time even where DST moves or repeats it.
/// </summary>
public sealed class OccurrenceScheduleExclusionTests
{
    [Theory]
    [InlineData(2, 30)] // the rule's own wall time, which does not exist that night
    [InlineData(3, 30)] // where the occurrence shows, in summer time
    public void StartingAfter_ExclusionOnTheSpringForwardNight_SkipsTheOccurrenceTheGapMoved(int hour, int minute)
    {
        // Daily at 02:30 Berlin: on 29 March 2026 02:30 does not exist and the occurrence is 01:30Z (03:30 +02:00).
        var schedule = Schedule(Utc(2026, 3, 27, 1, 30), "Europe/Berlin", "FREQ=DAILY", new DateTime(2026, 3, 29, hour, minute, 0));

        Assert.Equal(
            [Utc(2026, 3, 27, 1, 30), Utc(2026, 3, 28, 1, 30), Utc(2026, 3, 30, 0, 30)],
            schedule.Take(3).Select(o => o.StartsAt));
    }

    [Theory]
    [InlineData(2, 30)] // the expression's own wall time, which does not exist that night
    [InlineData(3, 0)] // where the occurrence shows: cron fires a skipped time at the gap's end
    public void StartingAfter_CronExclusionOnTheSpringForwardNight_SkipsTheOccurrenceAtTheGapsEnd(int hour, int minute)
    {
        // "30 2 * * *" in Berlin: on 29 March 2026 it fires at 01:00Z (03:00 +02:00), not where an RRULE would (03:30).
        var schedule = Schedule(Utc(2026, 3, 27, 1, 30), "Europe/Berlin", "30 2 * * *", new DateTime(2026, 3, 29, hour, minute, 0));

        Assert.Equal(
            [Utc(2026, 3, 27, 1, 30), Utc(2026, 3, 28, 1, 30), Utc(2026, 3, 30, 0, 30)],
            schedule.Take(3).Select(o => o.StartsAt));
    }

    [Fact]
    public void StartingAfter_ExclusionInTheFallBackFold_SkipsTheOccurrenceAtTheFirstInstant()
    {
        // 02:30 happens twice on 25 October 2026; the rule's occurrence is the first (00:30Z).
        var schedule = Schedule(Utc(2026, 10, 24, 0, 30), "Europe/Berlin", "FREQ=DAILY", new DateTime(2026, 10, 25, 2, 30, 0));

        Assert.Equal([Utc(2026, 10, 24, 0, 30), Utc(2026, 10, 26, 1, 30)], schedule.Take(2).Select(o => o.StartsAt));
        Assert.Null(schedule.Containing(Utc(2026, 10, 25, 0, 45)));
    }

    [Fact]
    public void StartingAfter_CountWithAnExclusion_HasOneOccurrenceFewer()
    {
        // RFC 5545 applies EXDATE to the set COUNT produced: the excluded occurrence is not made up for.
        var schedule = Schedule(Utc(2026, 1, 5, 10), "UTC", "FREQ=DAILY;COUNT=3", new DateTime(2026, 1, 6, 10, 0, 0));

        Assert.Equal([Utc(2026, 1, 5, 10), Utc(2026, 1, 7, 10)], schedule.Take(10).Select(o => o.StartsAt));
        Assert.Null(schedule.NextStartingAfter(Utc(2026, 1, 7, 10)));
    }

    [Fact]
    public void NextStartingAfter_CronExpressionWithExclusions_SkipsThem_EvenSeveralInARow()
    {
        var schedule = Schedule(
            Utc(2026, 1, 4, 1), "Europe/Berlin", "0 2 * * 0", new DateTime(2026, 1, 11, 2, 0, 0), new DateTime(2026, 1, 18, 2, 0, 0));

        Assert.Equal(Utc(2026, 1, 25, 1), schedule.NextStartingAfter(Utc(2026, 1, 4, 1))?.StartsAt);
        Assert.Equal([Utc(2026, 1, 4, 1), Utc(2026, 1, 25, 1)], schedule.Take(2).Select(o => o.StartsAt));
    }

    [Fact]
    public void NextStartingAfter_ExcludedStartsAt_BeginsWithTheRulesNextOccurrence()
    {
        var schedule = Schedule(Utc(2026, 1, 4, 1), "Europe/Berlin", "FREQ=WEEKLY", new DateTime(2026, 1, 4, 2, 0, 0));

        Assert.Equal(Utc(2026, 1, 11, 1), schedule.NextStartingAfter(DateTimeOffset.MinValue)?.StartsAt);
        Assert.Equal(Utc(2026, 1, 11, 1), schedule.FirstEndingAfter(Utc(2026, 1, 1, 0))?.StartsAt);
    }

    [Fact]
    public void IsExcluded_MatchesInstantsNotWallTimesOfAnotherZone()
    {
        // 10:00 in Berlin is 09:00Z in winter: a window in UTC excluding "10:00" skips its 10:00Z occurrence instead.
        var berlin = Schedule(Utc(2026, 1, 5, 9), "Europe/Berlin", "FREQ=DAILY", new DateTime(2026, 1, 6, 10, 0, 0));
        var utc = Schedule(Utc(2026, 1, 5, 9), "UTC", "FREQ=DAILY", new DateTime(2026, 1, 6, 10, 0, 0));

        Assert.True(berlin.IsExcluded(Utc(2026, 1, 6, 9)));
        Assert.False(utc.IsExcluded(Utc(2026, 1, 6, 9)));
        Assert.True(utc.IsExcluded(Utc(2026, 1, 6, 10)));
    }

    private static OccurrenceSchedule Schedule(DateTimeOffset startsAt, string zone, string recurrence, params DateTime[] excluded) =>
        OccurrenceSchedule.TryCreate(startsAt, TimeSpan.FromMinutes(30), zone, recurrence, excluded, out var schedule, out _, out var error)
            ? schedule
            : throw new InvalidOperationException(error);

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
