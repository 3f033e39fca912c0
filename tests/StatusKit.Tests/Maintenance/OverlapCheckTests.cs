using StatusKit.Maintenance;

namespace StatusKit.Tests.Maintenance;

/// <summary>
/// OverlapCheck: every pair of consecutive occurrences counts, not just the first few, both on the wall clock (a
/// pattern that comes closer later in its cycle) and across DST transitions (a wall-clock gap the transition shortens).
/// </summary>
public sealed class OverlapCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Find_MonthDaysThatComeClosestInFebruary_FindsThePairAcrossFebruaryAndMarch()
    {
        // The 1st and the 28th: 3-4 days apart from the 28th to the 1st, except 28 Feb - 1 Mar (1 day), eleven
        // occurrences after a start on 1 March.
        var schedule = Schedule(Utc(2026, 3, 1, 2), TimeSpan.FromDays(2), "UTC", "FREQ=MONTHLY;BYMONTHDAY=1,28");

        var overlap = OverlapCheck.Find(schedule, Now);

        Assert.Equal((Utc(2027, 2, 28, 2), Utc(2027, 3, 1, 2)), Starts(overlap));
    }

    [Fact]
    public void Find_WeekdaysThatComeClosestOnlyWhenAMonthEndsOnSunday_FindsThatPair()
    {
        // The first Monday and the last Sunday: 8 days from the last Sunday to the next first Monday, but 1 when the
        // month ends on a Sunday: from June 2026, first in January 2027, fifteen occurrences later.
        var schedule = Schedule(Utc(2026, 6, 1, 9), TimeSpan.FromDays(2), "UTC", "FREQ=MONTHLY;BYDAY=1MO,-1SU");

        var overlap = OverlapCheck.Find(schedule, Now);

        Assert.Equal((Utc(2027, 1, 31, 9), Utc(2027, 2, 1, 9)), Starts(overlap));
    }

    [Fact]
    public void Find_DailyWindowLongerThanTheSpringForwardDay_FindsTheShortDay()
    {
        // 02:00 Berlin is 01:00Z in winter and 00:00Z in summer: 29 Mar 2026 (02:00 does not exist, 01:00Z) to
        // 30 Mar (00:00Z) is only 23 hours.
        var schedule = Schedule(Utc(2026, 1, 5, 1), TimeSpan.FromMinutes(23 * 60 + 30), "Europe/Berlin", "FREQ=DAILY");

        var overlap = OverlapCheck.Find(schedule, Now);

        Assert.Equal((Utc(2026, 3, 29, 1), Utc(2026, 3, 30, 0)), Starts(overlap));
    }

    [Fact]
    public void Find_DailyWindowAsLongAsTheSpringForwardDay_FindsNothing()
    {
        var schedule = Schedule(Utc(2026, 1, 5, 1), TimeSpan.FromHours(23), "Europe/Berlin", "FREQ=DAILY");

        Assert.Null(OverlapCheck.Find(schedule, Now));
    }

    [Fact]
    public void Find_CronIntervalExpressionInTheFallBackFold_FindsTheRepeatedHour()
    {
        // "0 2/10 * * *" (02:00, 12:00, 22:00) fires at 02:00 twice on 25 Oct 2026 in Berlin, at 00:00Z and 01:00Z,
        // as Cronos does for step expressions; otherwise its occurrences are at least four hours apart.
        var schedule = Schedule(Utc(2026, 10, 1, 0), TimeSpan.FromHours(2), "Europe/Berlin", "0 2/10 * * *");

        var overlap = OverlapCheck.Find(schedule, Now);

        Assert.Equal((Utc(2026, 10, 25, 0), Utc(2026, 10, 25, 1)), Starts(overlap));
    }

    [Fact]
    public void Find_WeekendHoursAcrossTheSpringForwardNight_FindsThePairTheTransitionShortens()
    {
        // Sundays at 01:00 and 04:00: three wall-clock hours apart, two on the night clocks go forward.
        var schedule = Schedule(Utc(2026, 1, 4, 0), TimeSpan.FromMinutes(150), "Europe/Berlin", "FREQ=WEEKLY;BYDAY=SU;BYHOUR=1,4;BYMINUTE=0");

        var overlap = OverlapCheck.Find(schedule, Now);

        Assert.Equal((Utc(2026, 3, 29, 0), Utc(2026, 3, 29, 2)), Starts(overlap));
    }

    [Fact]
    public void Find_CloseMonthDaysOnlyAfterUntil_FindsNothing()
    {
        // As the 1st-and-28th rule above, but it ends before the first February.
        var schedule = Schedule(Utc(2026, 3, 1, 2), TimeSpan.FromDays(2), "UTC", "FREQ=MONTHLY;BYMONTHDAY=1,28;UNTIL=20270101T000000Z");

        Assert.Null(OverlapCheck.Find(schedule, Now));
    }

    [Fact]
    public void Find_ClosePairEndingAtUntilInAZoneAheadOfUtc_FindsIt()
    {
        // Wednesdays, Sundays and Mondays at 02, 12 and 23 (Berlin, UTC+1), at least ten hours apart but for Sunday 23:34
        // to Monday 02:34; the only such Monday, 6 March, is exactly at UNTIL, an instant. Read on the wall clock as if
        // it were UTC, UNTIL would cut that occurrence off an hour early and the check would miss the pair.
        var start = new DateTimeOffset(2017, 3, 1, 2, 34, 31, TimeSpan.FromHours(1));
        var schedule = Schedule(start, TimeSpan.FromHours(4), "Europe/Berlin", "FREQ=WEEKLY;BYDAY=MO,WE,SU;BYHOUR=2,12,23;WKST=SU;UNTIL=20170306T013431Z");

        var overlap = OverlapCheck.Find(schedule, start.AddDays(-1));

        Assert.Equal(
            (new DateTimeOffset(2017, 3, 5, 23, 34, 31, TimeSpan.FromHours(1)), new DateTimeOffset(2017, 3, 6, 2, 34, 31, TimeSpan.FromHours(1))),
            Starts(overlap));
    }

    [Fact]
    public void Find_ThePropertyTestsCounterexampleWithUntilInAZoneAheadOfUtc_FindsThePairAtUntil()
    {
        // As found by OverlapCheck_Meets_Specification: the same last pair, 3 hours apart, in a yearly rule.
        var start = new DateTimeOffset(2017, 3, 1, 2, 34, 31, TimeSpan.FromHours(1));
        var schedule = Schedule(
            start, new TimeSpan(9, 59, 59), "Europe/Berlin", "FREQ=YEARLY;INTERVAL=3;BYDAY=MO,WE,SU,1MO,2TU,-1FR,3WE;BYHOUR=2,12,23;WKST=SU;UNTIL=20170306T013431Z");

        var overlap = OverlapCheck.Find(schedule, start.AddDays(-1));

        Assert.NotNull(overlap);
        Assert.True(overlap.Value.Later.StartsAt < overlap.Value.Earlier.EndsAt);
    }

    [Fact]
    public void Find_CloseMonthDaysOnlyAfterCount_FindsNothing_AndWithinCount_FindsThem()
    {
        // 28 Feb 2027 is the 24th occurrence, 1 Mar 2027 the 25th.
        Assert.Null(OverlapCheck.Find(Schedule(Utc(2026, 3, 1, 2), TimeSpan.FromDays(2), "UTC", "FREQ=MONTHLY;BYMONTHDAY=1,28;COUNT=24"), Now));

        var overlap = OverlapCheck.Find(Schedule(Utc(2026, 3, 1, 2), TimeSpan.FromDays(2), "UTC", "FREQ=MONTHLY;BYMONTHDAY=1,28;COUNT=25"), Now);

        Assert.Equal((Utc(2027, 2, 28, 2), Utc(2027, 3, 1, 2)), Starts(overlap));
    }

    [Fact]
    public void Find_StartsAtOffTheRuleCloseToItsFirstOccurrence_FindsThatPair()
    {
        // StartsAt (a Sunday) is the first occurrence although the rule names Mondays.
        var schedule = Schedule(Utc(2026, 1, 4, 23), TimeSpan.FromHours(4), "UTC", "FREQ=WEEKLY;BYDAY=MO;BYHOUR=1");

        Assert.Equal((Utc(2026, 1, 4, 23), Utc(2026, 1, 5, 1)), Starts(OverlapCheck.Find(schedule, Now)));
    }

    [Fact]
    public void Find_OneOffWindow_FindsNothing()
    {
        Assert.Null(OverlapCheck.Find(Schedule(Utc(2026, 1, 4, 23), TimeSpan.FromDays(400), "UTC", null), Now));
    }

    [Fact]
    public void Find_WeeklyWindowOfHours_FindsNothing()
    {
        Assert.Null(OverlapCheck.Find(Schedule(Utc(2026, 1, 4, 1), TimeSpan.FromHours(2), "Europe/Berlin", "FREQ=WEEKLY;BYDAY=SU"), Now));
    }

    internal static OccurrenceSchedule Schedule(DateTimeOffset startsAt, TimeSpan duration, string zone, string? recurrence) =>
        OccurrenceSchedule.TryCreate(startsAt, duration, zone, recurrence, [], out var schedule, out _, out var error)
            ? schedule
            : throw new InvalidOperationException(error);

    private static DateTimeOffset Utc(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    private static (DateTimeOffset, DateTimeOffset)? Starts((OccurrenceSpan Earlier, OccurrenceSpan Later)? overlap) =>
        overlap is { } o ? (o.Earlier.StartsAt, o.Later.StartsAt) : null;
}
