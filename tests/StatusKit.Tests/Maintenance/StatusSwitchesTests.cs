using StatusKit.Abstractions;
using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Status;
using TestData = StatusKit.Testing.TestData;

namespace StatusKit.Tests.Maintenance;

/// <summary>
/// A window marks when its start or end switched its components (<see cref="MaintenanceWindow.StatusSwitchedAt"/>), and a
/// recompute reads the mark from its inputs to know that the window's own notice tells a component's change between
/// Operational and Under Maintenance.
/// </summary>
public sealed class StatusSwitchesTests
{
    private static readonly DateTimeOffset Now = TestData.At(60);
    private static readonly Guid PageId = Guid.NewGuid();
    private static readonly Component Api = TestData.Component(PageId, "API") with { Status = ComponentStatus.UnderMaintenance, StatusUpdatedAt = TestData.At(0) };

    private static MaintenanceWindow Window(MaintenanceState state, bool autoUpdate = true, DateTimeOffset? switchedAt = null) =>
        TestData.Window(PageId, [Api.Id], state) with { AutoUpdateStatus = autoUpdate, StatusSwitchedAt = switchedAt };

    [Theory]
    [InlineData(MaintenanceState.Scheduled, MaintenanceState.InProgress, true, true)]
    [InlineData(MaintenanceState.Scheduled, MaintenanceState.InProgress, false, false)]
    [InlineData(MaintenanceState.InProgress, MaintenanceState.Scheduled, true, true)]
    [InlineData(MaintenanceState.InProgress, MaintenanceState.Completed, true, true)]
    [InlineData(MaintenanceState.InProgress, MaintenanceState.Cancelled, true, true)]
    [InlineData(MaintenanceState.InProgress, MaintenanceState.Completed, false, false)]
    public void Marked_AStartOrEnd_IsMarkedNowOnlyWithAutoUpdate(MaintenanceState from, MaintenanceState to, bool autoUpdate, bool marked)
    {
        var before = Window(from, autoUpdate, TestData.At(1));

        var after = StatusSwitches.Marked(before, before with { State = to }, Now);

        Assert.Equal(marked ? Now : null, after.StatusSwitchedAt);
    }

    [Fact]
    public void Marked_AWindowInProgressWhoseComponentsOrAutoUpdateChange_LosesItsMark()
    {
        var before = Window(MaintenanceState.InProgress, switchedAt: TestData.At(1));

        var components = StatusSwitches.Marked(before, before with { ComponentIds = [Api.Id, Guid.NewGuid()] }, Now);
        var autoUpdate = StatusSwitches.Marked(before, before with { AutoUpdateStatus = false }, Now);
        var extended = StatusSwitches.Marked(before, before with { OccurrenceEndsAt = before.OccurrenceEndsAt.AddHours(1) }, Now);

        Assert.Null(components.StatusSwitchedAt);
        Assert.Null(autoUpdate.StatusSwitchedAt);
        Assert.Equal(TestData.At(1), extended.StatusSwitchedAt);
    }

    [Fact]
    public void Explains_IntoMaintenance_OnlyUnderAMarkedWindowInProgressWithAutoUpdate()
    {
        var change = Change(ComponentStatus.Operational, ComponentStatus.UnderMaintenance, Now);
        var operational = Api with { Status = ComponentStatus.Operational };

        Assert.True(StatusSwitches.Explains(change, operational, Inputs(inProgress: [Window(MaintenanceState.InProgress, switchedAt: TestData.At(59))])));
        Assert.False(StatusSwitches.Explains(change, operational, Inputs(inProgress: [Window(MaintenanceState.InProgress, switchedAt: null)])));
        Assert.False(StatusSwitches.Explains(change, operational, Inputs(inProgress: [Window(MaintenanceState.InProgress, false, TestData.At(59))])));
        Assert.False(StatusSwitches.Explains(
            change, operational, Inputs(inProgress: [Window(MaintenanceState.InProgress, switchedAt: TestData.At(59)) with { ComponentIds = [Guid.NewGuid()] }])));
        Assert.False(StatusSwitches.Explains(
            Change(ComponentStatus.MajorOutage, ComponentStatus.UnderMaintenance, Now),
            operational,
            Inputs(inProgress: [Window(MaintenanceState.InProgress, switchedAt: TestData.At(59))])));
    }

    [Fact]
    public void Explains_BackToOperational_OnlyAfterAWindowThatEndedRecentlyAndAfterTheComponentChanged()
    {
        var ended = Window(MaintenanceState.Completed, switchedAt: Now.AddSeconds(-5));
        var change = Change(ComponentStatus.UnderMaintenance, ComponentStatus.Operational, Now);

        Assert.True(StatusSwitches.Explains(change, Api, Inputs(ended: [ended])));
        Assert.False(StatusSwitches.Explains(change, Api, Inputs()));
        Assert.False(StatusSwitches.Explains(change, Api with { StatusUpdatedAt = Now.AddSeconds(-1) }, Inputs(ended: [ended])));
        Assert.False(StatusSwitches.Explains(
            change, Api, Inputs(ended: [ended with { StatusSwitchedAt = Now - StatusSwitches.RecentEnd - TimeSpan.FromSeconds(1) }])));
        Assert.False(StatusSwitches.Explains(
            Change(ComponentStatus.UnderMaintenance, ComponentStatus.MajorOutage, Now), Api, Inputs(ended: [ended])));
    }

    private static ComponentStatusChange Change(ComponentStatus from, ComponentStatus to, DateTimeOffset at) =>
        new(PageId, Api.Id, from, to, at, "another recompute");

    private static StatusInputs Inputs(IReadOnlyList<MaintenanceWindow>? inProgress = null, IReadOnlyList<MaintenanceWindow>? ended = null) => new()
    {
        Components = [Api],
        Pages = [],
        OpenSignals = [],
        InProgressWindows = inProgress ?? [],
        EndedWindows = ended ?? [],
        UnresolvedIncidents = [],
        Subscribers = [],
    };
}
