using StatusKit.Status;

namespace StatusKit.Model;

/// <summary>One actual change of a component's status.</summary>
/// <param name="Id">The entry id.</param>
/// <param name="PageId">The component's page.</param>
/// <param name="ComponentId">The component.</param>
/// <param name="OldStatus">The status before.</param>
/// <param name="NewStatus">The status after.</param>
/// <param name="At">When it changed.</param>
/// <param name="Cause">What caused it (an incident, a window, an operator).</param>
public sealed record StatusHistoryEntry(
    Guid Id,
    Guid PageId,
    Guid ComponentId,
    ComponentStatus OldStatus,
    ComponentStatus NewStatus,
    DateTimeOffset At,
    string Cause);
