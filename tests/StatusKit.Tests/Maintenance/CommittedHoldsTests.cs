using StatusKit.Maintenance;
using StatusKit.Notifications;
using StatusKit.Testing;

namespace StatusKit.Tests.Maintenance;

/// <summary>
/// Where the notices a recompute committed held until the end of maintenance go when the windows it loads after its
/// commit say that end moved: to the new end, or due now when no window covers their component any more.
/// </summary>
public sealed class CommittedHoldsTests
{
    private static readonly DateTimeOffset Now = TestData.At(90);
    private static readonly DateTimeOffset End = TestData.At(120);
    private static readonly Guid Api = Guid.NewGuid();
    private static readonly Guid Db = Guid.NewGuid();

    [Fact]
    public void HeldNoticesWhoseEndDidNotMove_StayWhereTheyAre()
    {
        var holds = Holding((Api, "k-api", End));

        Assert.Empty(holds.Follow(Ends((Api, End)), Now));
    }

    [Fact]
    public void AMovedEnd_MovesTheCommittedKeysFromTheEndTheyWerePlannedWith_AndTheNextMoveFromTheNewEnd()
    {
        var holds = Holding((Api, "k-api-1", End), (Api, "k-api-2", End), (Db, "k-db", End));

        var (move, keys) = Assert.Single(holds.Follow(Ends((Api, TestData.At(150)), (Db, End)), Now));
        var (next, _) = Assert.Single(holds.Follow(Ends((Api, TestData.At(100)), (Db, End)), Now));

        Assert.Equal((End, TestData.At(150)), (move.HeldUntil, move.DueAt));
        Assert.Equal([Api], move.ComponentIds);
        Assert.Equal(["k-api-1", "k-api-2"], keys.Order());
        Assert.Equal((TestData.At(150), TestData.At(100)), (next.HeldUntil, next.DueAt));
    }

    [Fact]
    public void NoWindowCoveringTheComponentAnyMore_MakesItsNoticesDueNow_Once()
    {
        var holds = Holding((Api, "k-api", End));

        var (move, keys) = Assert.Single(holds.Follow(null, Now));

        Assert.Equal((End, Now), (move.HeldUntil, move.DueAt));
        Assert.Equal(["k-api"], keys);
        Assert.True(holds.IsEmpty);
        Assert.Empty(holds.Follow(Ends((Api, TestData.At(150))), Now));
    }

    [Fact]
    public void NoticesAlreadyDue_AreNotMoved_WhenTheirWindowIsGone()
    {
        var holds = Holding((Api, "k-api", End));

        Assert.Empty(holds.Follow(Ends(), TestData.At(121)));
        Assert.True(holds.IsEmpty);
    }

    [Fact]
    public void NoticesNotHeld_AreNotFollowed()
    {
        var holds = new CommittedHolds();

        holds.Add([Notice(Api, "k-debounced", Now.AddMinutes(2))], Ends((Api, End))); // due after the debounce, not at the end
        holds.Add([Notice(Db, "k-uncovered", End)], Ends((Api, End))); // no window covers its component

        Assert.True(holds.IsEmpty);
        Assert.Empty(holds.Follow(null, Now));
    }

    private static CommittedHolds Holding(params (Guid Component, string Key, DateTimeOffset DueAt)[] notices)
    {
        var holds = new CommittedHolds();
        holds.Add([.. notices.Select(n => Notice(n.Component, n.Key, n.DueAt))], Ends([.. notices.Select(n => (n.Component, n.DueAt))]));
        return holds;
    }

    private static Dictionary<Guid, DateTimeOffset> Ends(params (Guid Component, DateTimeOffset End)[] ends) =>
        ends.DistinctBy(e => e.Component).ToDictionary(e => e.Component, e => e.End);

    private static Notification Notice(Guid component, string key, DateTimeOffset dueAt)
    {
        var notice = TestData.Notification(Guid.NewGuid(), dueAt: dueAt, coalesceKey: key);
        return notice with { Content = notice.Content with { ComponentId = component } };
    }
}
