using StatusKit.Model;
using StatusKit.Status;
using StatusKit.Uptime;

namespace StatusKit.Tests.Uptime;

public sealed class UptimeCalculatorTests
{
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;
    private static readonly DateTimeOffset Jan5 = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ADayWithOneHourOfMajorOutage_Is23Of24Up()
    {
        var component = Component(createdAt: Jan5.AddDays(-30));
        var history = Changes(component, (Jan5.AddHours(10), ComponentStatus.MajorOutage), (Jan5.AddHours(11), ComponentStatus.Operational));

        var uptime = UptimeCalculator.Compute(component, history, Utc, Jan5.AddDays(1).AddHours(12), days: 2, DowntimeWeights.Default);

        Assert.Equal(new DateOnly(2026, 1, 5), uptime.Days[0].Date);
        Assert.Equal(100.0 * 23 / 24, uptime.Days[0].UptimePercent!.Value, 9);
        Assert.Equal(95.833, uptime.Days[0].UptimePercent!.Value, 3);
        Assert.Equal(TimeSpan.FromHours(1), uptime.Days[0].Downtime);
        Assert.Equal(ComponentStatus.MajorOutage, uptime.Days[0].WorstStatus);
        Assert.Equal(100.0, uptime.Days[1].UptimePercent);
        Assert.Equal(ComponentStatus.Operational, uptime.Days[1].WorstStatus);
        Assert.Equal(100.0 * (1 - (1.0 / 36)), uptime.UptimePercent!.Value, 9); // 36 counted hours, 1 down
    }

    [Fact]
    public void PartialOutage_CountsWithWeightPointThree()
    {
        var component = Component(createdAt: Jan5.AddDays(-30));
        var history = Changes(component, (Jan5.AddHours(2), ComponentStatus.PartialOutage), (Jan5.AddHours(12), ComponentStatus.Operational));

        var day = UptimeCalculator.Compute(component, history, Utc, Jan5.AddDays(1), days: 1, DowntimeWeights.Default);
        var previous = UptimeCalculator.Compute(component, history, Utc, Jan5.AddDays(1).AddTicks(1), days: 2, DowntimeWeights.Default).Days[0];

        Assert.Equal(new DateOnly(2026, 1, 5), previous.Date);
        Assert.Equal(100.0 * (1 - (3.0 / 24)), previous.UptimePercent!.Value, 9);
        Assert.Equal(TimeSpan.FromHours(3), previous.Downtime);
        Assert.Equal(ComponentStatus.PartialOutage, previous.WorstStatus);
        Assert.Equal(new DateOnly(2026, 1, 6), day.Days[0].Date); // now = midnight: today is the 6th, with nothing counted yet
        Assert.Null(day.Days[0].UptimePercent);
    }

    [Fact]
    public void DegradedAndMaintenance_CountAsUpByDefault_ButTheirWeightsApplyWhenSet()
    {
        var component = Component(createdAt: Jan5.AddDays(-30));
        var history = Changes(component, (Jan5.AddHours(0), ComponentStatus.DegradedPerformance), (Jan5.AddHours(12), ComponentStatus.UnderMaintenance));
        var now = Jan5.AddDays(1).AddHours(1);
        var weights = new DowntimeWeights { DegradedPerformance = 0.5, UnderMaintenance = 0.25 };

        var byDefault = UptimeCalculator.Compute(component, history, Utc, now, 2, DowntimeWeights.Default).Days[0];
        var weighted = UptimeCalculator.Compute(component, history, Utc, now, 2, weights).Days[0];

        Assert.Equal(100.0, byDefault.UptimePercent);
        Assert.Equal(100.0 * (1 - (9.0 / 24)), weighted.UptimePercent!.Value, 9);
    }

    [Fact]
    public void DaysBeforeTheComponentExisted_AreNull_AndTheFirstDayCountsFromCreation()
    {
        var component = Component(createdAt: Jan5.AddHours(12));
        var history = Changes(component, (Jan5.AddHours(18), ComponentStatus.MajorOutage), (Jan5.AddHours(21), ComponentStatus.Operational));

        var uptime = UptimeCalculator.Compute(component, history, Utc, Jan5.AddDays(1), days: 3, DowntimeWeights.Default);

        Assert.Null(uptime.Days[0].UptimePercent); // the 4th
        Assert.Equal(ComponentStatus.Operational, uptime.Days[0].WorstStatus);
        Assert.Equal(100.0 * (1 - (3.0 / 12)), uptime.Days[1].UptimePercent!.Value, 9); // the 5th: 12 counted hours, 3 down
        Assert.Null(uptime.Days[2].UptimePercent); // the 6th: nothing counted yet
        Assert.Equal(75.0, uptime.UptimePercent!.Value, 9);
    }

    [Fact]
    public void AComponentCreatedDuringAnOutage_IsDownFromItsCreation()
    {
        // Stored Operational at noon, its first computation 3 ms later found its team's outage.
        var component = Component(createdAt: Jan5.AddHours(12)) with { Status = ComponentStatus.MajorOutage };
        var history = new[]
        {
            new StatusHistoryEntry(Guid.NewGuid(), component.PageId, component.Id, ComponentStatus.Operational, ComponentStatus.MajorOutage, Jan5.AddHours(12).AddMilliseconds(3), StatusHistoryEntry.CreationCause),
        };

        var uptime = UptimeCalculator.Compute(component, history, Utc, Jan5.AddHours(18), days: 1, DowntimeWeights.Default);

        Assert.Equal(0.0, uptime.UptimePercent);
        Assert.Equal(TimeSpan.FromHours(6), uptime.Days[0].MajorOutageTime);
        Assert.Equal(ComponentStatus.MajorOutage, uptime.Days[0].WorstStatus);
    }

    [Fact]
    public void AnOutageLaterThanCreation_StillCountsTheUptimeBeforeIt()
    {
        var component = Component(createdAt: Jan5.AddHours(12)) with { Status = ComponentStatus.MajorOutage };
        var history = Changes(component, (Jan5.AddHours(12).AddMilliseconds(3), ComponentStatus.MajorOutage));

        var uptime = UptimeCalculator.Compute(component, history, Utc, Jan5.AddHours(18), days: 1, DowntimeWeights.Default);

        Assert.True(uptime.UptimePercent > 0);
    }

    [Fact]
    public void AComponentCreatedAfterTheWholePeriod_HasNoUptime()
    {
        var now = Jan5.AddHours(12);
        var component = Component(createdAt: now.AddHours(1));

        var uptime = UptimeCalculator.Compute(component, [], Utc, now, days: 7, DowntimeWeights.Default);

        Assert.All(uptime.Days, d => Assert.Null(d.UptimePercent));
        Assert.Null(uptime.UptimePercent);
    }

    [Fact]
    public void ATwentyThreeHourDstDayInBerlin_CountsTwentyThreeHours()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var dayStart = new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero); // 2026-03-29 00:00 CET
        var dayEnd = new DateTimeOffset(2026, 3, 29, 22, 0, 0, TimeSpan.Zero);   // 2026-03-30 00:00 CEST
        var component = Component(createdAt: dayStart.AddDays(-10));
        var history = Changes(component, (dayStart.AddHours(5), ComponentStatus.MajorOutage), (dayStart.AddHours(6), ComponentStatus.Operational));

        var uptime = UptimeCalculator.Compute(component, history, berlin, dayEnd.AddHours(1), days: 2, DowntimeWeights.Default);

        Assert.Equal(new DateOnly(2026, 3, 29), uptime.Days[0].Date);
        Assert.Equal(100.0 * 22 / 23, uptime.Days[0].UptimePercent!.Value, 9);
        Assert.Equal(new DateOnly(2026, 3, 30), uptime.Days[1].Date);
        Assert.Equal(100.0, uptime.Days[1].UptimePercent);
    }

    [Fact]
    public void ADayWhoseMidnightRepeats_StartsAtTheFirstMidnight_AndCountsTwentyFiveHours()
    {
        // The Azores leave summer time at 01:00 local (UTC+0) on 26 October 2025, back to 00:00 (UTC-1): the 26th
        // starts at its first midnight, 00:00 UTC, and lasts 25 hours; the 25th lasts 24.
        var azores = TimeZoneInfo.FindSystemTimeZoneById("Atlantic/Azores");
        var dayStart = new DateTimeOffset(2025, 10, 26, 0, 0, 0, TimeSpan.Zero);
        var dayEnd = new DateTimeOffset(2025, 10, 27, 1, 0, 0, TimeSpan.Zero);
        var component = Component(createdAt: dayStart.AddDays(-10));
        var history = Changes(component, (dayStart, ComponentStatus.MajorOutage), (dayStart.AddMinutes(30), ComponentStatus.Operational));

        var uptime = UptimeCalculator.Compute(component, history, azores, dayEnd.AddHours(1), days: 3, DowntimeWeights.Default);

        Assert.Equal(new DateOnly(2025, 10, 25), uptime.Days[0].Date);
        Assert.Equal(100.0, uptime.Days[0].UptimePercent);
        Assert.Equal(ComponentStatus.Operational, uptime.Days[0].WorstStatus);
        Assert.Equal(new DateOnly(2025, 10, 26), uptime.Days[1].Date);
        Assert.Equal(ComponentStatus.MajorOutage, uptime.Days[1].WorstStatus);
        Assert.Equal(100.0 * (1 - (0.5 / 25)), uptime.Days[1].UptimePercent!.Value, 9);
    }

    [Fact]
    public void WorstStatus_IsTheMostSevereOfTheDay_IncludingAStatusCarriedOverFromTheDayBefore()
    {
        var component = Component(createdAt: Jan5.AddDays(-30));
        var history = Changes(
            component,
            (Jan5.AddHours(1), ComponentStatus.DegradedPerformance),
            (Jan5.AddHours(2), ComponentStatus.PartialOutage),
            (Jan5.AddHours(3), ComponentStatus.DegradedPerformance),
            (Jan5.AddHours(23), ComponentStatus.MajorOutage),
            (Jan5.AddDays(1).AddHours(1), ComponentStatus.Operational));

        var uptime = UptimeCalculator.Compute(component, history, Utc, Jan5.AddDays(2).AddHours(1), days: 3, DowntimeWeights.Default);

        Assert.Equal(ComponentStatus.MajorOutage, uptime.Days[0].WorstStatus); // the 5th ends in Major Outage
        Assert.Equal(ComponentStatus.MajorOutage, uptime.Days[1].WorstStatus); // the 6th starts in it
        Assert.Equal(100.0 * 23 / 24, uptime.Days[1].UptimePercent!.Value, 9);
        Assert.Equal(ComponentStatus.Operational, uptime.Days[2].WorstStatus);
        Assert.Equal(100.0 * (1 - ((1 + 0.3) / 24)), uptime.Days[0].UptimePercent!.Value, 9);
    }

    [Fact]
    public void History_StartingBeforeThePeriod_GivesTheStatusInForceAtItsStart()
    {
        var component = Component(createdAt: Jan5.AddDays(-30));
        var history = Changes(component, (Jan5.AddDays(-3), ComponentStatus.MajorOutage), (Jan5.AddHours(6), ComponentStatus.Operational));

        var day = UptimeCalculator.Compute(component, history, Utc, Jan5.AddDays(1).AddHours(1), days: 2, DowntimeWeights.Default).Days[0];

        Assert.Equal(75.0, day.UptimePercent!.Value, 9);
    }

    [Fact]
    public void Aggregate_AveragesTheComponentsThatExisted_AndTakesTheWorstStatus()
    {
        var a = Component(createdAt: Jan5.AddDays(-30));
        var b = Component(createdAt: Jan5.AddDays(-30));
        var c = Component(createdAt: Jan5.AddDays(5));
        var now = Jan5.AddDays(1);
        var ua = UptimeCalculator.Compute(a, Changes(a, (Jan5.AddHours(-12), ComponentStatus.MajorOutage)), Utc, now, 1, DowntimeWeights.Default);
        var ub = UptimeCalculator.Compute(b, [], Utc, now, 1, DowntimeWeights.Default);
        var uc = UptimeCalculator.Compute(c, [], Utc, now, 1, DowntimeWeights.Default);
        var day = UptimeCalculator.Compute(a, Changes(a, (Jan5.AddHours(-12), ComponentStatus.MajorOutage)), Utc, now.AddHours(-1), 1, DowntimeWeights.Default);

        var aggregate = UptimeCalculator.Aggregate([ua, ub, uc], 1);

        Assert.Null(aggregate[0].UptimePercent); // at midnight nothing of today is counted
        var earlier = UptimeCalculator.Aggregate(
            [day, UptimeCalculator.Compute(b, [], Utc, now.AddHours(-1), 1, DowntimeWeights.Default), UptimeCalculator.Compute(c, [], Utc, now.AddHours(-1), 1, DowntimeWeights.Default)], 1);
        Assert.Equal(50.0, earlier[0].UptimePercent!.Value, 9);
        Assert.Equal(ComponentStatus.MajorOutage, earlier[0].WorstStatus);
    }

    [Fact]
    public void Aggregate_WeighsEachComponentByTheTimeItExistedThatDay()
    {
        var down = Component(createdAt: Jan5.AddDays(-30));
        var added = Component(createdAt: Jan5.AddHours(20));
        var now = Jan5.AddHours(23);
        var downAllDay = UptimeCalculator.Compute(down, Changes(down, (Jan5.AddHours(-1), ComponentStatus.MajorOutage)), Utc, now, 1, DowntimeWeights.Default);
        var upThreeHours = UptimeCalculator.Compute(added, [], Utc, now, 1, DowntimeWeights.Default);

        var day = UptimeCalculator.Aggregate([downAllDay, upThreeHours], 1)[0];

        // 3 hours up out of 23 + 3 counted, not the mean of 0 % and 100 %.
        Assert.Equal(100.0 * 3 / 26, day.UptimePercent!.Value, 9);
        Assert.Equal(TimeSpan.FromHours(26), day.CountedTime);
        Assert.Equal(TimeSpan.FromHours(23), day.Downtime);
    }

    [Fact]
    public void Total_IsTheDowntimeOverTheCountedTimeOfAllDays_NotTheMeanOfTheDailyFigures()
    {
        var component = Component(createdAt: Jan5.AddHours(23));
        var history = Changes(component, (Jan5.AddHours(23), ComponentStatus.MajorOutage), (Jan5.AddDays(1), ComponentStatus.Operational));

        var uptime = UptimeCalculator.Compute(component, history, Utc, Jan5.AddDays(1).AddHours(23), days: 2, DowntimeWeights.Default);

        // Down its first hour (January 5), up the 23 hours of January 6: 23 / 24, not the mean of 0 % and 100 %.
        Assert.Equal(0.0, uptime.Days[0].UptimePercent!.Value, 9);
        Assert.Equal(100.0, uptime.Days[1].UptimePercent!.Value, 9);
        Assert.Equal(100.0 * 23 / 24, uptime.UptimePercent!.Value, 9);
        Assert.Equal(uptime.UptimePercent, UptimeCalculator.Total(uptime.Days));
        Assert.Null(UptimeCalculator.Total([]));
    }

    [Fact]
    public void EachDay_RecordsItsUnweightedTimeInPartialAndMajorOutage_AndTheAggregateSumsThem()
    {
        var component = Component(createdAt: Jan5.AddDays(-30));
        var history = Changes(
            component,
            (Jan5.AddHours(2), ComponentStatus.PartialOutage),
            (Jan5.AddHours(4), ComponentStatus.MajorOutage),
            (Jan5.AddHours(4).AddMinutes(30), ComponentStatus.DegradedPerformance),
            (Jan5.AddHours(23), ComponentStatus.MajorOutage),
            (Jan5.AddDays(1).AddHours(1), ComponentStatus.Operational));

        var uptime = UptimeCalculator.Compute(component, history, Utc, Jan5.AddDays(1).AddHours(12), days: 2, DowntimeWeights.Default);
        var other = UptimeCalculator.Compute(Component(createdAt: Jan5.AddDays(-30)), Changes(component, (Jan5.AddHours(-1), ComponentStatus.PartialOutage)), Utc, Jan5.AddDays(1).AddHours(12), days: 2, DowntimeWeights.Default);

        Assert.Equal(TimeSpan.FromHours(2), uptime.Days[0].PartialOutageTime);
        Assert.Equal(TimeSpan.FromMinutes(90), uptime.Days[0].MajorOutageTime); // 30 minutes, then the last hour, split at midnight
        Assert.Equal(TimeSpan.Zero, uptime.Days[1].PartialOutageTime);
        Assert.Equal(TimeSpan.FromHours(1), uptime.Days[1].MajorOutageTime);
        var aggregate = UptimeCalculator.Aggregate([uptime, other], 2);
        Assert.Equal(TimeSpan.FromHours(26), aggregate[0].PartialOutageTime);
        Assert.Equal(TimeSpan.FromHours(1), aggregate[1].MajorOutageTime);
    }

    internal static Component Component(DateTimeOffset createdAt, ComponentStatus status = ComponentStatus.Operational) => new()
    {
        Id = Guid.NewGuid(),
        PageId = Guid.Empty,
        Name = "API",
        Status = status,
        StatusUpdatedAt = createdAt,
        CreatedAt = createdAt,
        UpdatedAt = createdAt,
    };

    /// <summary>History entries for successive changes, starting from Operational.</summary>
    internal static IReadOnlyList<StatusHistoryEntry> Changes(Component component, params (DateTimeOffset At, ComponentStatus Status)[] changes)
    {
        var entries = new List<StatusHistoryEntry>();
        var previous = ComponentStatus.Operational;
        foreach (var (at, status) in changes)
        {
            entries.Add(new StatusHistoryEntry(Guid.NewGuid(), component.PageId, component.Id, previous, status, at, "test"));
            previous = status;
        }

        return entries;
    }
}
