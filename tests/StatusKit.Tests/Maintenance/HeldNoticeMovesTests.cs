using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Testing;

namespace StatusKit.Tests.Maintenance;

/// <summary>
/// Which component notices held back by maintenance move when a window changes, and where to: they follow the latest end
/// of the windows in progress that cover their component, and are due at once when none covers it any more.
/// </summary>
public sealed class HeldNoticeMovesTests
{
    private static readonly DateTimeOffset Now = TestData.At(90); // inside the windows below, which end at At(120)
    private static readonly Guid Api = Guid.NewGuid();
    private static readonly Guid Db = Guid.NewGuid();

    [Fact]
    public void AShortenedEnd_MovesTheNoticesHeldUntilTheOldEnd_ToTheNewOne()
    {
        var before = InProgress(Api);
        var after = before with { OccurrenceEndsAt = TestData.At(100) };

        var move = Assert.Single(HeldNoticeMoves.Plan(before, after, [after], Now));

        Assert.Equal((TestData.At(120), TestData.At(100)), (move.HeldUntil, move.DueAt));
        Assert.Equal([Api], move.ComponentIds);
    }

    [Fact]
    public void ADeletedWindowInProgress_MakesItsHeldNoticesDueNow()
    {
        var deleted = InProgress(Api, Db);

        var move = Assert.Single(HeldNoticeMoves.Plan(deleted, null, [], Now));

        Assert.Equal((TestData.At(120), Now), (move.HeldUntil, move.DueAt));
        Assert.Equal([Api, Db], move.ComponentIds);
    }

    [Fact]
    public void AComponentTakenOutOfAWindowInProgress_IsNoLongerHeld_TheOthersStay()
    {
        var before = InProgress(Api, Db);
        var after = before with { ComponentIds = [Db] };

        var move = Assert.Single(HeldNoticeMoves.Plan(before, after, [after], Now));

        Assert.Equal((TestData.At(120), Now), (move.HeldUntil, move.DueAt));
        Assert.Equal([Api], move.ComponentIds);
    }

    [Fact]
    public void AnotherWindowEndingLater_KeepsHoldingAComponent_WhenThisOneCompletes()
    {
        var before = InProgress(Api, Db);
        var after = before with { State = MaintenanceState.Completed };
        var longer = InProgress(Db) with { OccurrenceEndsAt = TestData.At(180) };

        var moves = HeldNoticeMoves.Plan(before, after, [after, longer], Now);

        var move = Assert.Single(moves);
        Assert.Equal((TestData.At(120), Now), (move.HeldUntil, move.DueAt));
        Assert.Equal([Api], move.ComponentIds);
    }

    [Fact]
    public void AWindowThatEndsOnTime_MovesNothing_TheHeldNoticesAreDueAlready()
    {
        var before = InProgress(Api);
        var after = before with { State = MaintenanceState.Completed };

        Assert.Empty(HeldNoticeMoves.Plan(before, after, [], TestData.At(120)));
    }

    [Fact]
    public void AWindowStartingWithoutAnotherInProgress_MovesNothing_NothingWasHeld()
    {
        var after = InProgress(Api);
        var before = after with { State = MaintenanceState.Scheduled };

        Assert.Empty(HeldNoticeMoves.Plan(before, after, [after], Now));
    }

    [Fact]
    public void Follow_MovesTheNoticesFromWhereAMovePutThem_ToTheEndsReadAfterIt_AndLeavesThoseAlreadyThere()
    {
        var extended = InProgress(Api) with { OccurrenceEndsAt = TestData.At(130) }; // another host's change, stored meanwhile
        var shortened = InProgress(Db) with { OccurrenceEndsAt = TestData.At(100) };
        HeldNoticeMove[] made = [new(TestData.At(150), TestData.At(100), [Api, Db])];

        var move = Assert.Single(HeldNoticeMoves.Follow(made, [extended, shortened], Now));

        Assert.Equal((TestData.At(100), TestData.At(130)), (move.HeldUntil, move.DueAt));
        Assert.Equal([Api], move.ComponentIds);
    }

    [Fact]
    public void Follow_MakesNoticesNoWindowHoldsAnyMoreDueNow_UnlessTheyAreDueAlready()
    {
        HeldNoticeMove[] made = [new(TestData.At(150), TestData.At(100), [Api]), new(TestData.At(120), Now, [Db])];

        var move = Assert.Single(HeldNoticeMoves.Follow(made, [], Now));

        Assert.Equal((TestData.At(100), Now), (move.HeldUntil, move.DueAt));
        Assert.Equal([Api], move.ComponentIds);
    }

    private static MaintenanceWindow InProgress(params Guid[] components) =>
        TestData.Window(Guid.NewGuid(), components, MaintenanceState.InProgress, TestData.At(60));
}
