using FsCheck;
using FsCheck.Fluent;
using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Status;
using TestData = StatusKit.Testing.TestData;

namespace StatusKit.Tests.Notifications;

/// <summary>
/// The component changes a maintenance window's own notice tells (its components' change from Operational to Under
/// Maintenance at its start, and back at its end) get no component row; every other change does, as before.
/// </summary>
public sealed class WindowToldChangesTests
{
    private static readonly StatusPage Page = TestData.Page(name: "Acme");
    private static readonly Component Api = TestData.Component(Page.Id, "API");
    private static readonly Component Web = TestData.Component(Page.Id, "Web");

    [Theory]
    [InlineData(ComponentStatus.Operational, ComponentStatus.UnderMaintenance, 0)]
    [InlineData(ComponentStatus.UnderMaintenance, ComponentStatus.Operational, 0)]
    [InlineData(ComponentStatus.UnderMaintenance, ComponentStatus.MajorOutage, 1)]
    [InlineData(ComponentStatus.UnderMaintenance, ComponentStatus.DegradedPerformance, 1)]
    [InlineData(ComponentStatus.MajorOutage, ComponentStatus.UnderMaintenance, 1)]
    [InlineData(ComponentStatus.Operational, ComponentStatus.PartialOutage, 1)]
    public void AChangeOfAComponentTheWindowTold_IsRowlessOnlyBetweenOperationalAndUnderMaintenance(ComponentStatus from, ComponentStatus to, int rows)
    {
        var change = new ComponentStatusChange(Page.Id, Api.Id, from, to, TestData.T0, "maintenance");

        var planned = NotificationPlanner.PlanComponentChanges([change], Inputs(), new NotificationOptions(), false, null, new HashSet<Guid> { Api.Id });

        Assert.Equal(rows, planned.Count);
    }

    [Fact]
    public void TheSameChangeOfAComponentNoWindowTold_IsARow()
    {
        var change = new ComponentStatusChange(Page.Id, Web.Id, ComponentStatus.Operational, ComponentStatus.UnderMaintenance, TestData.T0, "manual status");

        var planned = NotificationPlanner.PlanComponentChanges([change], Inputs(), new NotificationOptions(), false, null, new HashSet<Guid> { Api.Id });

        Assert.Equal(NotificationEvents.Maintenance, Assert.Single(planned).Content.Event);
    }

    [Fact]
    public void WindowToldChanges_Meets_Specification()
    {
        var statuses = Gen.Elements(Enum.GetValues<ComponentStatus>());
        var cases =
            from oldStatus in statuses
            from newStatus in statuses
            where oldStatus != newStatus
            from component in Gen.Elements(Api, Web)
            from told in Gen.Elements(
                (IReadOnlySet<Guid>?)null, new HashSet<Guid>(), new HashSet<Guid> { Api.Id }, new HashSet<Guid> { Api.Id, Web.Id })
            select (From: oldStatus, To: newStatus, Component: component, Told: told);

        PropertyCheck.Verify(Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var change = new ComponentStatusChange(Page.Id, c.Component.Id, c.From, c.To, TestData.T0, "test");
            var inputs = Inputs();
            var without = NotificationPlanner.PlanComponentChanges([change], inputs, new NotificationOptions(), false, null);
            var with = NotificationPlanner.PlanComponentChanges([change], inputs, new NotificationOptions(), false, null, c.Told);

            // The window's set only ever removes the rows of its own components' boundary changes, and all of them.
            var boundary = (c.From, c.To) is (ComponentStatus.Operational, ComponentStatus.UnderMaintenance)
                or (ComponentStatus.UnderMaintenance, ComponentStatus.Operational);
            var told = c.Told is not null && c.Told.Contains(c.Component.Id);
            return with.Count == (told && boundary ? 0 : without.Count)
                && with.Select(n => n.DeduplicationKey).SequenceEqual(told && boundary ? [] : without.Select(n => n.DeduplicationKey));
        }));
    }

    private static StatusInputs Inputs() => new()
    {
        Components = [Api, Web],
        Pages = [Page],
        OpenSignals = [],
        InProgressWindows = [],
        UnresolvedIncidents = [],
        Subscribers = [TestData.Subscriber(Page.Id) with { ComponentIds = [], NotifyOn = NotificationEvents.All }],
    };
}
