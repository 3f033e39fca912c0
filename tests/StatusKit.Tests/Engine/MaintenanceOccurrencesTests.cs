using StatusKit.Engine;
using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Testing;

namespace StatusKit.Tests.Engine;

/// <summary>The occurrences a page shows for a maintenance window: the current one, then its recurrence.</summary>
public sealed class MaintenanceOccurrencesTests
{
    private static readonly DateTimeOffset T0 = TestData.T0;

    [Fact]
    public void Between_RecurringOccurrenceStartedEarlyAndShortened_ShowsItOnceAndThenTheFollowingOccurrences()
    {
        // Today's 10:00-11:00 occurrence, started at 09:00 and set to end at 09:45: today's 10:00 is not still ahead.
        var window = DailyWindowAt10() with
        {
            State = MaintenanceState.InProgress,
            OccurrenceStartsAt = T0,
            OccurrenceEndsAt = T0.AddMinutes(45),
        };

        var shown = MaintenanceOccurrences.Between(window, T0.AddMinutes(5), T0.AddDays(2).AddHours(2)).ToArray();

        Assert.Equal(
            [(T0, MaintenanceState.InProgress), (T0.AddDays(1).AddHours(1), MaintenanceState.Scheduled), (T0.AddDays(2).AddHours(1), MaintenanceState.Scheduled)],
            shown.Select(o => (o.StartsAt, o.State)));
    }

    [Fact]
    public void Between_ScheduledRecurringWindow_ShowsEachOccurrenceInTheHorizonOnce()
    {
        var shown = MaintenanceOccurrences.Between(DailyWindowAt10(), T0, T0.AddDays(2)).ToArray();

        Assert.Equal([T0.AddHours(1), T0.AddDays(1).AddHours(1)], shown.Select(o => o.StartsAt));
    }

    [Fact]
    public void NextOccurrences_RecurringWindowInProgress_AreTheCurrentOneThenTheFollowingOnes_CountInAll()
    {
        var window = DailyWindowAt10() with { State = MaintenanceState.InProgress };

        var next = MaintenanceService.NextOccurrences(window, T0.AddHours(1), 3);

        Assert.Equal(
            [(T0.AddHours(1), MaintenanceState.InProgress), (T0.AddDays(1).AddHours(1), MaintenanceState.Scheduled), (T0.AddDays(2).AddHours(1), MaintenanceState.Scheduled)],
            next.Select(o => (o.StartsAt, o.State)));
    }

    [Fact]
    public void Occurrences_CarryTheWindowsLastChange_SoTheDocumentsUpdatedAtFollowsItsEdits()
    {
        var window = DailyWindowAt10() with { UpdatedAt = T0.AddMinutes(-42) };

        var next = MaintenanceService.NextOccurrences(window, T0, 2);

        Assert.All(next, o => Assert.Equal(T0.AddMinutes(-42), o.UpdatedAt));
    }

    [Fact]
    public void NextOccurrences_StopAtTheLastOccurrence_AndAreNoneForAnEndedWindow()
    {
        var counted = DailyWindowAt10() with { Recurrence = "FREQ=DAILY;COUNT=2" };

        Assert.Equal([T0.AddHours(1), T0.AddDays(1).AddHours(1)], MaintenanceService.NextOccurrences(counted, T0, 5).Select(o => o.StartsAt));
        Assert.Empty(MaintenanceService.NextOccurrences(DailyWindowAt10() with { State = MaintenanceState.Completed }, T0, 5));
        Assert.Empty(MaintenanceService.NextOccurrences(DailyWindowAt10() with { State = MaintenanceState.Cancelled }, T0, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => MaintenanceService.NextOccurrences(counted, T0, -1));
    }

    // Daily 10:00-11:00 UTC from TestData.T0's day (T0 is 09:00).
    private static MaintenanceWindow DailyWindowAt10() => TestData.Window(Guid.NewGuid(), [Guid.NewGuid()]) with
    {
        StartsAt = T0.AddHours(1),
        EndsAt = T0.AddHours(2),
        Recurrence = "FREQ=DAILY",
        TimeZoneId = "UTC",
        State = MaintenanceState.Scheduled,
        OccurrenceStartsAt = T0.AddHours(1),
        OccurrenceEndsAt = T0.AddHours(2),
    };
}
