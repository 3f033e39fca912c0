using Microsoft.EntityFrameworkCore;
using StatusKit.Abstractions;
using StatusKit.EntityFrameworkCore.Entities;
using StatusKit.EntityFrameworkCore.Storage;
using StatusKit.Model;

namespace StatusKit.EntityFrameworkCore.Store;

internal sealed partial class EntityFrameworkCoreStatusStore<TContext>
{
    private const int MaxSignalAttempts = 16;

    /// <remarks>
    /// Compare-and-set: <c>UPDATE … WHERE incident_id = @id AND version &lt; @version</c>; when no row changed, the
    /// first signal of an incident is inserted, and a concurrent first insert (a unique violation, or an older row that
    /// appeared between the update and the read) is retried as an update. Whatever the interleaving, the stored version
    /// only grows.
    /// </remarks>
    public async Task<SignalApplyResult> ApplySignalAsync(IncidentSignal signal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(signal.IncidentId, "signal.IncidentId");
        ArgumentNullException.ThrowIfNull(signal.TeamId, "signal.TeamId");
        ArgumentNullException.ThrowIfNull(signal.Priority, "signal.Priority");
        var occurredAt = Instants.ToStore(signal.OccurredAt);
        for (var attempt = 0; ; attempt++)
        {
            if (attempt == MaxSignalAttempts)
            {
                throw new StatusKitConcurrencyException(
                    $"The signal of incident '{signal.IncidentId}' kept racing with other writers; reload and retry.");
            }

            await using var session = await OpenAsync(cancellationToken);
            var signals = session.Set<IncidentSignalEntity>();
            var updated = await signals
                .Where(s => s.IncidentId == signal.IncidentId && s.Version < signal.Version)
                .ExecuteUpdateAsync(
                    s => s
                        .SetProperty(e => e.TeamId, signal.TeamId)
                        .SetProperty(e => e.ServiceIdentifier, signal.ServiceIdentifier)
                        .SetProperty(e => e.Priority, signal.Priority)
                        .SetProperty(e => e.State, signal.State)
                        .SetProperty(e => e.Version, signal.Version)
                        .SetProperty(e => e.OccurredAt, occurredAt)
                        .SetProperty(e => e.Title, signal.Title),
                    cancellationToken);
            if (updated == 1)
            {
                return SignalApplyResult.Applied;
            }

            var stored = await signals.AsNoTracking()
                .Where(s => s.IncidentId == signal.IncidentId)
                .Select(s => (long?)s.Version)
                .FirstOrDefaultAsync(cancellationToken);
            if (stored is { } version)
            {
                if (version >= signal.Version)
                {
                    return version == signal.Version ? SignalApplyResult.Duplicate : SignalApplyResult.Stale;
                }

                // The first signal of the incident was inserted between our update and our read, with an older
                // version: compare-and-set against it again.
                continue;
            }

            signals.Add(new IncidentSignalEntity
            {
                IncidentId = signal.IncidentId,
                TeamId = signal.TeamId,
                ServiceIdentifier = signal.ServiceIdentifier,
                Priority = signal.Priority,
                State = signal.State,
                Version = signal.Version,
                OccurredAt = occurredAt,
                Title = signal.Title,
            });
            try
            {
                await session.Context.SaveChangesAsync(cancellationToken);
                return SignalApplyResult.Applied;
            }
            catch (DbUpdateException exception) when (DbErrors.FindUniqueViolation(exception) is not null)
            {
                // Another writer inserted the first signal of this incident meanwhile: compare against it.
            }
        }
    }

    public async Task<IncidentSignal?> GetSignalAsync(string incidentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incidentId);
        await using var session = await OpenAsync(cancellationToken);
        var row = await session.Set<IncidentSignalEntity>().AsNoTracking().FirstOrDefaultAsync(s => s.IncidentId == incidentId, cancellationToken);
        return row?.ToModel();
    }
}
