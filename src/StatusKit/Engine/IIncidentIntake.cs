using StatusKit.Abstractions;
using StatusKit.Model;

namespace StatusKit.Engine;

/// <summary>What the host calls from its incident lifecycle (triggered, acknowledged, resolved, closed, priority changed).</summary>
public interface IIncidentIntake
{
    /// <summary>
    /// Validates and durably stores the signal (idempotent and ordered by version), then returns. The statuses of the
    /// team's components are recomputed in the background, coalesced per team; a failure there is logged and retried,
    /// never thrown here. A failure to store the signal is thrown.
    /// </summary>
    /// <remarks>
    /// A signal with the stored signal's version is a re-send: <see cref="SignalApplyResult.Duplicate"/> when it carries
    /// the same content (its instant compared to the microsecond, whatever its offset). One that carries something else
    /// (team, service, priority, state, instant or title) under that version is refused: versions must increase with
    /// every change, or the change would be lost.
    /// </remarks>
    /// <exception cref="StatusKitValidationException">A field of the signal is missing or invalid.</exception>
    /// <exception cref="StatusKitConflictException">
    /// The stored signal of the incident has the same version but other content (<see cref="StatusKitException.Field"/>
    /// is <c>version</c>); nothing was changed.
    /// </exception>
    Task<SignalApplyResult> ReportIncidentAsync(IncidentSignal signal, CancellationToken cancellationToken);
}
