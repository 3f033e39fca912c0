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
    string Cause)
{
    /// <summary>
    /// The cause of the change a component's first computation makes, just after it was stored as Operational: its
    /// status from the start, so <see cref="Uptime.UptimeCalculator"/> counts it from the component's creation.
    /// </summary>
    internal const string CreationCause = "component created";

    /// <summary>Whether this is the change a component's first computation made (<see cref="CreationCause"/>).</summary>
    internal bool IsCreation => string.Equals(Cause, CreationCause, StringComparison.Ordinal);
}
