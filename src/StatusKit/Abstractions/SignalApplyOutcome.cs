using StatusKit.Model;

namespace StatusKit.Abstractions;

/// <summary>What <see cref="IStatusStore.ApplySignalAsync"/> did, and which stored signal an applied one replaced.</summary>
/// <param name="Result">Whether the signal was applied, a duplicate or stale.</param>
/// <param name="Replaced">
/// When <see cref="Result"/> is <see cref="SignalApplyResult.Applied"/>, the stored signal it replaced, exactly the
/// one the compare-and-set overwrote (null for an incident's first signal, and when not applied): the engine
/// recomputes the team that signal was in when the incident moved to another team, even when another host wrote it a
/// moment before.
/// </param>
public sealed record SignalApplyOutcome(SignalApplyResult Result, IncidentSignal? Replaced = null);
