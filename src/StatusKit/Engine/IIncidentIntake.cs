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
    /// <exception cref="StatusKitValidationException">A field of the signal is missing or invalid.</exception>
    Task<SignalApplyResult> ReportIncidentAsync(IncidentSignal signal, CancellationToken cancellationToken);
}
