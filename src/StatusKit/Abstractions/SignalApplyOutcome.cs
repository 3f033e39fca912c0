using StatusKit.Model;

namespace StatusKit.Abstractions;

/// <summary>
/// What <see cref="IStatusStore.ApplySignalAsync"/> did, which stored signal an applied one replaced, and which stored
/// signal a duplicate matched.
/// </summary>
/// <param name="Result">Whether the signal was applied, a duplicate or stale.</param>
/// <param name="Replaced">
/// When <see cref="Result"/> is <see cref="SignalApplyResult.Applied"/>, the stored signal it replaced, exactly the
/// one the compare-and-set overwrote (null for an incident's first signal, and when not applied): the engine
/// recomputes the team that signal was in when the incident moved to another team, even when another host wrote it a
/// moment before.
/// </param>
public sealed record SignalApplyOutcome(SignalApplyResult Result, IncidentSignal? Replaced = null)
{
    /// <summary>
    /// When <see cref="Result"/> is <see cref="SignalApplyResult.Duplicate"/>, the stored signal with the same version,
    /// as the store read it in the same call (null otherwise; default null). The intake compares it with the signal it
    /// was given: a re-send of the same signal is a no-op, a changed signal under a version already used is refused.
    /// A store that leaves it null still works: the intake then reads the stored signal with
    /// <see cref="IStatusStore.GetSignalAsync"/>, one more call on the duplicate path only.
    /// </summary>
    public IncidentSignal? Stored { get; init; }
}
