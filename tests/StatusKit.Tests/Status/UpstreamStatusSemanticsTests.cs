using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Status;

namespace StatusKit.Tests.Status;

/// <summary>How the status read from a component's upstream page combines with the rest of its status.</summary>
public sealed class UpstreamStatusSemanticsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid PageId = Guid.NewGuid();

    [Theory]
    [InlineData(ComponentStatus.Operational, ComponentStatus.DegradedPerformance, ComponentStatus.DegradedPerformance)]
    [InlineData(ComponentStatus.PartialOutage, ComponentStatus.DegradedPerformance, ComponentStatus.PartialOutage)]
    [InlineData(ComponentStatus.DegradedPerformance, ComponentStatus.MajorOutage, ComponentStatus.MajorOutage)]
    [InlineData(ComponentStatus.Operational, ComponentStatus.UnderMaintenance, ComponentStatus.UnderMaintenance)]
    [InlineData(ComponentStatus.DegradedPerformance, ComponentStatus.UnderMaintenance, ComponentStatus.DegradedPerformance)]
    [InlineData(ComponentStatus.Operational, ComponentStatus.Operational, ComponentStatus.Operational)]
    public void Effective_IsTheWorstOfTheIncidentsAndTheUpstreamStatus(ComponentStatus incidents, ComponentStatus upstream, ComponentStatus expected)
    {
        var status = StatusCalculator.Effective(incidents, false, ComponentStatus.Operational, upstream, null, null, Now);

        Assert.Equal(expected, status);
    }

    [Fact]
    public void Effective_ActiveManualStatus_StillRaisesAnUpstreamStatus_ButNeverHidesIt()
    {
        var raised = StatusCalculator.Effective(ComponentStatus.Operational, false, ComponentStatus.Operational, ComponentStatus.DegradedPerformance, ComponentStatus.MajorOutage, null, Now);
        var notHidden = StatusCalculator.Effective(ComponentStatus.Operational, false, ComponentStatus.Operational, ComponentStatus.PartialOutage, ComponentStatus.Operational, null, Now);

        Assert.Equal(ComponentStatus.MajorOutage, raised);
        Assert.Equal(ComponentStatus.PartialOutage, notHidden);
    }

    [Fact]
    public void Effective_WithoutAnUpstreamStatus_IsTheSixArgumentComputation()
    {
        foreach (var incident in Enum.GetValues<ComponentStatus>())
        {
            Assert.Equal(
                StatusCalculator.Effective(incident, true, ComponentStatus.DegradedPerformance, ComponentStatus.PartialOutage, Now.AddHours(1), Now),
                StatusCalculator.Effective(incident, true, ComponentStatus.DegradedPerformance, ComponentStatus.Operational, ComponentStatus.PartialOutage, Now.AddHours(1), Now));
        }
    }

    [Fact]
    public void UpstreamStatusOf_CountsTheLastReadOnlyWhileTheComponentFollowsAnUpstream()
    {
        var following = Component() with { UpstreamUrl = "https://status.example.com/api/v2/summary.json", UpstreamStatus = ComponentStatus.PartialOutage };
        var unread = following with { UpstreamStatus = null };
        var cleared = following with { UpstreamUrl = null };

        Assert.Equal(ComponentStatus.PartialOutage, StatusCalculator.UpstreamStatusOf(following));
        Assert.Equal(ComponentStatus.Operational, StatusCalculator.UpstreamStatusOf(unread));
        Assert.Equal(ComponentStatus.Operational, StatusCalculator.UpstreamStatusOf(cleared));
    }

    [Fact]
    public void ComputeEffectiveStatuses_CombinesEachComponentsUpstreamStatusWithItsIncidents()
    {
        var thirdParty = Component() with { UpstreamUrl = "https://status.example.com/api/v2/summary.json", UpstreamStatus = ComponentStatus.DegradedPerformance };
        var own = Component() with { TeamId = "team-a" };
        var both = thirdParty with { Id = Guid.NewGuid(), TeamId = "team-a" };
        var inputs = new StatusInputs
        {
            Components = [thirdParty, own, both],
            Pages = [],
            OpenSignals =
            [
                new IncidentSignal
                {
                    IncidentId = "inc-1", TeamId = "team-a", Priority = "High", State = PlatformIncidentState.Triggered, Version = 1, OccurredAt = Now,
                },
            ],
            InProgressWindows = [],
            UnresolvedIncidents = [],
            Subscribers = [],
        };

        var statuses = StatusCalculator.ComputeEffectiveStatuses(inputs, PriorityStatusMap.Default, Now);

        Assert.Equal([ComponentStatus.DegradedPerformance, ComponentStatus.PartialOutage, ComponentStatus.PartialOutage], statuses);
    }

    private static Component Component() => new()
    {
        Id = Guid.NewGuid(),
        PageId = PageId,
        Name = "GitHub",
        StatusUpdatedAt = Now,
        CreatedAt = Now,
        UpdatedAt = Now,
        Version = 1,
    };
}
