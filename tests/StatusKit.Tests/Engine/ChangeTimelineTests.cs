using StatusKit.Abstractions;
using StatusKit.Engine;
using StatusKit.Model;
using StatusKit.Status;
using StatusKit.Testing;

namespace StatusKit.Tests.Engine;

/// <summary>When a recomputed change took effect: now, or, for a recompute only time asked for, when what held the status up ended.</summary>
public sealed class ChangeTimelineTests
{
    private static readonly DateTimeOffset Now = TestData.At(180);

    private static Component Raised(ComponentStatus stored, DateTimeOffset? manualExpiresAt, ComponentStatus manual = ComponentStatus.MajorOutage) =>
        TestData.Component(Guid.NewGuid()) with
        {
            Status = stored,
            StatusUpdatedAt = TestData.At(0),
            ManualStatus = manualExpiresAt is null ? null : manual,
            ManualStatusExpiresAt = manualExpiresAt,
        };

    private static List<(ComponentStatus Old, ComponentStatus New, DateTimeOffset At)> Append(
        Component component, ComponentStatus status, TimeDrivenRecompute? timing)
    {
        var changes = new List<ComponentStatusChange>();
        ChangeTimeline.Append(changes, component, status, Now, "test", timing);
        return [.. changes.Select(c => (c.OldStatus, c.NewStatus, c.At))];
    }

    [Fact]
    public void A_change_an_input_asked_for_is_stamped_now()
    {
        var component = Raised(ComponentStatus.MajorOutage, TestData.At(5));

        Assert.Equal([(ComponentStatus.MajorOutage, ComponentStatus.Operational, Now)], Append(component, ComponentStatus.Operational, null));
    }

    [Fact]
    public void A_manual_status_that_expired_before_a_time_driven_recompute_ends_at_its_expiry()
    {
        var component = Raised(ComponentStatus.MajorOutage, TestData.At(5));

        Assert.Equal(
            [(ComponentStatus.MajorOutage, ComponentStatus.Operational, TestData.At(5))],
            Append(component, ComponentStatus.Operational, TimeDrivenRecompute.Expiries));
    }

    [Fact]
    public void A_change_the_ended_parts_do_not_explain_is_stamped_now()
    {
        // Stored Degraded while the manual Major Outage was in force: something else moved the status and was never
        // recomputed, so when the status became Operational is unknown.
        var component = Raised(ComponentStatus.DegradedPerformance, TestData.At(5));

        Assert.Equal(
            [(ComponentStatus.DegradedPerformance, ComponentStatus.Operational, Now)],
            Append(component, ComponentStatus.Operational, TimeDrivenRecompute.Expiries));
    }

    [Fact]
    public void An_expiry_before_the_components_last_change_is_not_what_changed_it()
    {
        var component = Raised(ComponentStatus.MajorOutage, TestData.At(-5));

        Assert.Equal(
            [(ComponentStatus.MajorOutage, ComponentStatus.Operational, Now)],
            Append(component, ComponentStatus.Operational, TimeDrivenRecompute.Expiries));
    }

    [Fact]
    public void A_manual_expiry_and_a_maintenance_end_that_both_passed_are_recorded_as_steps_in_time_order()
    {
        var component = Raised(ComponentStatus.MajorOutage, TestData.At(30));
        var ended = new TimeDrivenRecompute([new EndedMaintenance(TestData.At(60), [component.Id])]);

        Assert.Equal(
            [
                (ComponentStatus.MajorOutage, ComponentStatus.UnderMaintenance, TestData.At(30)),
                (ComponentStatus.UnderMaintenance, ComponentStatus.Operational, TestData.At(60)),
            ],
            Append(component, ComponentStatus.Operational, ended));
    }

    [Fact]
    public void An_end_that_moved_nothing_adds_no_step()
    {
        // A manual Degraded Performance outlasted the maintenance: the status was Degraded throughout, until the expiry.
        var component = Raised(ComponentStatus.DegradedPerformance, TestData.At(90), ComponentStatus.DegradedPerformance);
        var ended = new TimeDrivenRecompute([new EndedMaintenance(TestData.At(60), [component.Id])]);

        Assert.Equal(
            [(ComponentStatus.DegradedPerformance, ComponentStatus.Operational, TestData.At(90))],
            Append(component, ComponentStatus.Operational, ended));
    }

    [Fact]
    public void A_time_driven_request_merged_with_one_an_input_change_made_is_not_time_driven()
    {
        var ended = new TimeDrivenRecompute([new EndedMaintenance(TestData.At(60), [Guid.NewGuid()])]);

        Assert.Null(TimeDrivenRecompute.Merge(ended, null));
        Assert.Null(TimeDrivenRecompute.Merge(null, TimeDrivenRecompute.Expiries));
        Assert.Same(ended, TimeDrivenRecompute.Merge(TimeDrivenRecompute.Expiries, ended));
    }
}
