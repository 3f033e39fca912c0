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
    /// One transaction that reads the stored signal with a row lock (<c>FOR UPDATE</c> on PostgreSQL; SQLite's
    /// transactions take the write lock when they begin) and then replaces it, so the signal returned as replaced is
    /// exactly the one overwritten, whatever other hosts write to the same incident. An incident's first signal is
    /// inserted; a concurrent first insert (a unique violation) is retried as a replacement.
    /// </remarks>
    public async Task<SignalApplyOutcome> ApplySignalAsync(IncidentSignal signal, CancellationToken cancellationToken)
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
            await using var transaction = await session.Context.Database.BeginTransactionAsync(cancellationToken);
            var stored = await LockSignalAsync(session, signal.IncidentId, cancellationToken);
            if (stored is not null)
            {
                if (stored.Version > signal.Version)
                {
                    return new SignalApplyOutcome(SignalApplyResult.Stale);
                }

                if (stored.Version == signal.Version)
                {
                    // The row is already read: the intake tells a re-send from a reused version without another query.
                    return new SignalApplyOutcome(SignalApplyResult.Duplicate) { Stored = stored.ToModel() };
                }

                // The version guard only matters if the lock did not hold (it always does on both providers).
                var storedVersion = stored.Version;
                var updated = await session.Set<IncidentSignalEntity>()
                    .Where(s => s.IncidentId == signal.IncidentId && s.Version == storedVersion)
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
                if (updated != 1)
                {
                    continue;
                }

                await transaction.CommitAsync(cancellationToken);
                return new SignalApplyOutcome(SignalApplyResult.Applied, stored.ToModel());
            }

            session.Set<IncidentSignalEntity>().Add(new IncidentSignalEntity
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
                await transaction.CommitAsync(cancellationToken);
                return new SignalApplyOutcome(SignalApplyResult.Applied);
            }
            catch (DbUpdateException exception) when (DbErrors.FindUniqueViolation(exception) is not null)
            {
                // Another writer inserted the first signal of this incident meanwhile: replace that one instead.
            }
        }
    }

    /// <summary>The stored signal of an incident, locked until the session's transaction ends (null when there is none).</summary>
    private static async Task<IncidentSignalEntity?> LockSignalAsync(Session session, string incidentId, CancellationToken cancellationToken)
    {
        var s = session.Schema;
        var d = session.Dialect;
        var sql = RowReader.Select<IncidentSignalEntity>(
            s.EntityType<IncidentSignalEntity>(),
            d,
            "g",
            $"FROM {s.Table<IncidentSignalEntity>()} AS g WHERE g.{s.Column<IncidentSignalEntity>(nameof(IncidentSignalEntity.IncidentId))} = {{0}}",
            null) + d.ForUpdateSuffix;
        var rows = await session.QueryAsync(
            sql,
            [incidentId],
            reader => new ResultSets(reader, s, d, cancellationToken).NextAsync<IncidentSignalEntity>(),
            cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<IncidentSignal?> GetSignalAsync(string incidentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incidentId);
        await using var session = await OpenAsync(cancellationToken);
        var row = await session.Set<IncidentSignalEntity>().AsNoTracking().FirstOrDefaultAsync(s => s.IncidentId == incidentId, cancellationToken);
        return row?.ToModel();
    }
}
