using StatusKit.Abstractions;
using StatusKit.Model;

namespace StatusKit.InMemory;

public sealed partial class InMemoryStatusStore
{
    /// <inheritdoc />
    /// <remarks>Incident ids are compared ordinally.</remarks>
    public Task<SignalApplyOutcome> ApplySignalAsync(IncidentSignal signal, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                ArgumentNullException.ThrowIfNull(signal);
                if (signal.IncidentId is null || signal.TeamId is null)
                {
                    throw new ArgumentException("The signal needs an incident id and a team id.", nameof(signal));
                }

                var exists = _signals.TryGetValue(signal.IncidentId, out var stored);
                if (exists)
                {
                    if (stored!.Version == signal.Version)
                    {
                        return new SignalApplyOutcome(SignalApplyResult.Duplicate) { Stored = stored };
                    }

                    if (stored.Version > signal.Version)
                    {
                        return new SignalApplyOutcome(SignalApplyResult.Stale);
                    }
                }

                _signals[signal.IncidentId] = signal;
                IndexSignal(stored, signal);
                return new SignalApplyOutcome(SignalApplyResult.Applied, stored);
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<IncidentSignal?> GetSignalAsync(string incidentId, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                ArgumentNullException.ThrowIfNull(incidentId);
                return _signals.GetValueOrDefault(incidentId);
            },
            cancellationToken);
}
