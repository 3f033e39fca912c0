using StatusKit.Status;

namespace StatusKit.Abstractions;

/// <summary>One component status change to commit, conditional on the component still having <paramref name="OldStatus"/>.</summary>
/// <param name="PageId">The component's page.</param>
/// <param name="ComponentId">The component.</param>
/// <param name="OldStatus">The status the change was computed from (the compare in compare-and-set).</param>
/// <param name="NewStatus">The new status.</param>
/// <param name="At">When the change happened.</param>
/// <param name="Cause">What caused it; kept in history.</param>
public sealed record ComponentStatusChange(
    Guid PageId,
    Guid ComponentId,
    ComponentStatus OldStatus,
    ComponentStatus NewStatus,
    DateTimeOffset At,
    string Cause);
