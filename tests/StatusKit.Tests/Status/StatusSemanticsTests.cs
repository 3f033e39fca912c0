using StatusKit.Model;
using StatusKit.Status;

namespace StatusKit.Tests.Status;

public sealed class StatusSemanticsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Critical", ComponentStatus.MajorOutage)]
    [InlineData("critical", ComponentStatus.MajorOutage)]
    [InlineData("HIGH", ComponentStatus.PartialOutage)]
    [InlineData("Medium", ComponentStatus.DegradedPerformance)]
    [InlineData("Low", ComponentStatus.Operational)]
    [InlineData("Info", ComponentStatus.Operational)]
    [InlineData("Sev0", ComponentStatus.DegradedPerformance)]
    public void DefaultMap_MapsPriorities_CaseInsensitively(string priority, ComponentStatus expected)
    {
        Assert.Equal(expected, PriorityStatusMap.Default.Map(priority));
    }

    [Fact]
    public void CustomMap_UnknownPriority_UsesTheConfiguredStatus()
    {
        var map = new PriorityStatusMap([new("P1", ComponentStatus.MajorOutage)], ComponentStatus.PartialOutage);

        Assert.Equal(ComponentStatus.MajorOutage, map.Map("p1"));
        Assert.Equal(ComponentStatus.PartialOutage, map.Map("Critical"));
        Assert.False(map.IsKnown("Critical"));
    }

    [Fact]
    public void Map_PriorityWithSurroundingWhiteSpace_MapsLikeTheConfiguredPriority()
    {
        var map = new PriorityStatusMap([new(" P1 ", ComponentStatus.MajorOutage)], ComponentStatus.PartialOutage);

        Assert.Equal(ComponentStatus.MajorOutage, map.Map("p1\t"));
        Assert.Equal(ComponentStatus.MajorOutage, map.Map(" P1"));
        Assert.True(map.IsKnown(" p1 "));
        Assert.Equal(PriorityStatusMap.Default.UnknownPriorityStatus, PriorityStatusMap.Default.Map(" "));
        Assert.Equal(ComponentStatus.PartialOutage, PriorityStatusMap.Default.Map(" High\n"));
    }

    [Fact]
    public void CustomMap_DuplicateKeyDifferingOnlyInCase_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => new PriorityStatusMap(
            [new("High", ComponentStatus.MajorOutage), new("HIGH", ComponentStatus.PartialOutage)],
            ComponentStatus.DegradedPerformance));
    }

    [Theory]
    [InlineData(PlatformIncidentState.Triggered, "team", null, null, true)]
    [InlineData(PlatformIncidentState.Acknowledged, "team", null, null, true)]
    [InlineData(PlatformIncidentState.Resolved, "team", null, null, false)]
    [InlineData(PlatformIncidentState.Closed, "team", null, null, false)]
    [InlineData(PlatformIncidentState.Triggered, "Team", null, null, false)]
    [InlineData(PlatformIncidentState.Triggered, null, null, null, false)]
    [InlineData(PlatformIncidentState.Triggered, "team", "api", "api", true)]
    [InlineData(PlatformIncidentState.Triggered, "team", "api", "web", false)]
    [InlineData(PlatformIncidentState.Triggered, "team", "api", null, false)]
    [InlineData(PlatformIncidentState.Triggered, "team", null, "web", true)]
    public void Affects_FollowsTheMatchingRules(PlatformIncidentState state, string? componentTeam, string? componentService, string? incidentService, bool expected)
    {
        var signal = new IncidentSignal
        {
            IncidentId = "INC-1",
            TeamId = "team",
            ServiceIdentifier = incidentService,
            Priority = "High",
            State = state,
            Version = 1,
            OccurredAt = Now,
        };

        Assert.Equal(expected, ComponentMatcher.Affects(signal, componentTeam, componentService));
    }

    [Fact]
    public void Effective_IncidentDuringMaintenance_ShowsTheWorseStatus()
    {
        var status = StatusCalculator.Effective(ComponentStatus.PartialOutage, underMaintenance: true, ComponentStatus.Operational, null, null, Now);

        Assert.Equal(ComponentStatus.PartialOutage, status);
    }

    [Fact]
    public void Effective_ExpiredManualStatus_NoLongerApplies()
    {
        var status = StatusCalculator.Effective(ComponentStatus.Operational, false, ComponentStatus.Operational, ComponentStatus.MajorOutage, Now, Now);

        Assert.Equal(ComponentStatus.Operational, status);
    }

    [Theory]
    [InlineData(ComponentStatus.Operational, StatusIndicator.None, "All Systems Operational")]
    [InlineData(ComponentStatus.UnderMaintenance, StatusIndicator.Maintenance, "Service Under Maintenance")]
    [InlineData(ComponentStatus.DegradedPerformance, StatusIndicator.Minor, "Partially Degraded Service")]
    [InlineData(ComponentStatus.PartialOutage, StatusIndicator.Major, "Partial System Outage")]
    [InlineData(ComponentStatus.MajorOutage, StatusIndicator.Critical, "Major Service Outage")]
    public void PageStatus_HasTheStatuspageIndicatorAndDescription(ComponentStatus worst, StatusIndicator indicator, string description)
    {
        var page = PageStatus.For(worst);

        Assert.Equal(indicator, page.Indicator);
        Assert.Equal(description, page.Description);
    }

    [Fact]
    public void PageStatus_OfAnEmptyPage_IsOperational()
    {
        Assert.Equal(StatusIndicator.None, PageStatus.Of([]).Indicator);
    }
}
