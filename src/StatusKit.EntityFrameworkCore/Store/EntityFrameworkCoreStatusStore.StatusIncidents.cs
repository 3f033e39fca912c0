using Microsoft.EntityFrameworkCore;
using StatusKit.Abstractions;
using StatusKit.EntityFrameworkCore.Entities;
using StatusKit.EntityFrameworkCore.Storage;
using StatusKit.Model;
using StatusKit.Notifications;

namespace StatusKit.EntityFrameworkCore.Store;

internal sealed partial class EntityFrameworkCoreStatusStore<TContext>
{
    public async Task<StatusIncident?> GetStatusIncidentAsync(Guid incidentId, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        var row = await session.Set<StatusIncidentEntity>().AsNoTracking()
            .Include(i => i.Updates)
            .FirstOrDefaultAsync(i => i.Id == incidentId, cancellationToken);
        return row?.ToModel();
    }

    /// <remarks>Two queries (the incidents, then their updates), under one read transaction (<see cref="SnapshotReads"/>) so that they agree.</remarks>
    public async Task<IReadOnlyList<StatusIncident>> ListStatusIncidentsAsync(Guid pageId, StatusIncidentQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Skip, "query.Skip");
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Take, 1, "query.Take");
        var createdSince = Instants.ToStore(query.CreatedSince);
        await using var session = await OpenAsync(cancellationToken);
        var incidents = session.Set<StatusIncidentEntity>().AsNoTracking().Where(i => i.PageId == pageId);
        if (query.State is { } state)
        {
            incidents = incidents.Where(i => i.State == state);
        }

        if (query.Unresolved is { } unresolved)
        {
            incidents = unresolved
                ? incidents.Where(i => i.State != StatusIncidentState.Resolved)
                : incidents.Where(i => i.State == StatusIncidentState.Resolved);
        }

        if (createdSince is { } since)
        {
            incidents = incidents.Where(i => i.CreatedAt >= since);
        }

        if (Instants.ToStore(query.NotResolvedBefore) is { } notResolvedBefore)
        {
            incidents = incidents.Where(i => i.State != StatusIncidentState.Resolved
                || (i.ResolvedAt != null ? i.ResolvedAt >= notResolvedBefore : i.CreatedAt >= notResolvedBefore));
        }

        await using var transaction = await SnapshotReads.BeginAsync(session.Context.Database, session.Dialect, cancellationToken);
        var rows = await incidents
            .OrderByDescending(i => i.CreatedAt)
            .ThenByDescending(i => i.Id)
            .Skip(query.Skip)
            .Take(query.Take)
            .Include(i => i.Updates)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows.Select(r => r.ToModel()).ToArray();
    }

    /// <remarks>One transaction: the incident with its updates, then its notifications as <see cref="EnqueueNotificationsAsync"/> enqueues them.</remarks>
    public async Task AddStatusIncidentAsync(StatusIncident incident, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        OutboxStaging.Validate(notifications);
        await using var session = await OpenAsync(cancellationToken);
        await using var transaction = await session.Context.Database.BeginTransactionAsync(cancellationToken);
        await EnsurePageExistsAsync(session, incident.PageId, cancellationToken);
        session.Set<StatusIncidentEntity>().Add(StatusIncidentEntity.From(incident));
        await SaveAsync(session, "status incident", () => MissingPage(incident.PageId), cancellationToken);
        await EnqueueAndCommitAsync(session, transaction, notifications, cancellationToken);
    }

    /// <remarks>Compare-and-set on the version (<see cref="AdvanceVersion{T}"/>).</remarks>
    public async Task<StatusIncident> UpdateStatusIncidentAsync(StatusIncident incident, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        await using var session = await OpenAsync(cancellationToken);
        var row = await UpdateIncidentRowAsync(session, incident, cancellationToken);
        return row.ToModel();
    }

    /// <remarks>One transaction: the compare-and-set update, then the notifications as <see cref="EnqueueNotificationsAsync"/> enqueues them.</remarks>
    public async Task<StatusIncident> UpdateStatusIncidentAsync(
        StatusIncident incident, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        OutboxStaging.Validate(notifications);
        await using var session = await OpenAsync(cancellationToken);
        await using var transaction = await session.Context.Database.BeginTransactionAsync(cancellationToken);
        var row = await UpdateIncidentRowAsync(session, incident, cancellationToken);
        await EnqueueAndCommitAsync(session, transaction, notifications, cancellationToken);
        return row.ToModel();
    }

    private async Task<StatusIncidentEntity> UpdateIncidentRowAsync(Session session, StatusIncident incident, CancellationToken cancellationToken)
    {
        var row = await session.Set<StatusIncidentEntity>().AsTracking()
                      .Include(i => i.Updates)
                      .FirstOrDefaultAsync(i => i.Id == incident.Id, cancellationToken)
                  ?? throw new StatusKitNotFoundException("status incident", incident.Id.ToString());
        AdvanceVersion(session, row, "status incident", incident.Id, incident.Version);
        row.CopyDescriptiveFrom(incident);
        row.UpdatedAt = Instants.ToStore(incident.UpdatedAt);
        await SaveAsync(session, "status incident", null, cancellationToken);
        return row;
    }

    /// <remarks>
    /// The update gets the next position of the incident; the timeline is ordered by time, then position, so an update
    /// lands after every update at or before its time. A second Resolved update keeps the first resolution time. The
    /// notifications are enqueued in the same transaction. Concurrent appends to one incident take turns: on PostgreSQL
    /// the incident row is locked (<c>FOR UPDATE</c>, one more command) before its positions are read, so each append
    /// reads what the one before it committed; SQLite's transaction holds the database's write lock from its BEGIN.
    /// </remarks>
    public async Task<StatusIncident> AppendStatusIncidentUpdateAsync(
        Guid incidentId, StatusIncidentUpdate update, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(update.Message, "update.Message");
        OutboxStaging.Validate(notifications);
        await using var session = await OpenAsync(cancellationToken);
        await using var transaction = await session.Context.Database.BeginTransactionAsync(cancellationToken);
        if (session.Dialect.ForUpdateSuffix.Length > 0)
        {
            // A statement of its own: under READ COMMITTED the read below then takes its snapshot after the lock is
            // granted, so it sees the update the previous holder appended (a lock inside the read would not).
            var s = session.Schema;
            await session.ExecuteAsync(
                $"SELECT 1 FROM {s.Table<StatusIncidentEntity>()} WHERE {s.Column<StatusIncidentEntity>(nameof(StatusIncidentEntity.Id))} = {{0}}" +
                session.Dialect.ForUpdateSuffix,
                [incidentId],
                cancellationToken);
        }

        var row = await session.Set<StatusIncidentEntity>()
                      .AsTracking()
                      .Include(i => i.Updates)
                      .FirstOrDefaultAsync(i => i.Id == incidentId, cancellationToken)
                  ?? throw new StatusKitNotFoundException("status incident", incidentId.ToString());

        var position = row.Updates.Count == 0 ? 0 : row.Updates.Max(u => u.Position) + 1;
        row.Updates.Add(StatusIncidentUpdateEntity.From(incidentId, position, update));
        var at = Instants.ToStore(update.At);
        var wasResolved = row.State == StatusIncidentState.Resolved;
        row.State = update.State;
        row.UpdatedAt = at;
        row.Version++;
        row.ResolvedAt = update.State != StatusIncidentState.Resolved ? null
            : wasResolved ? row.ResolvedAt ?? at
            : at;
        await SaveAsync(session, "status incident update", null, cancellationToken);
        await EnqueueAndCommitAsync(session, transaction, notifications, cancellationToken);
        return row.ToModel();
    }

    /// <remarks>
    /// One transaction: the incident's delete at the expected version, then one <c>UPDATE</c> of its followers through
    /// the (status incident, channel, destination key) index, whose assignments all read the row as it was (an active
    /// one stops and says why; an inactive one keeps its reason).
    /// </remarks>
    public async Task<bool> DeleteStatusIncidentAsync(Guid incidentId, long? expectedVersion, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        await using var transaction = await session.Context.Database.BeginTransactionAsync(cancellationToken);
        if (!await DeleteAtVersionAsync(
                session.Set<StatusIncidentEntity>().Where(i => i.Id == incidentId), expectedVersion, "status incident", incidentId, cancellationToken))
        {
            return false;
        }

        await session.Set<SubscriberEntity>()
            .Where(s => s.StatusIncidentId == incidentId)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(s => s.DeactivationReason, s => s.IsActive ? SubscriberDeactivationReason.IncidentDeleted : s.DeactivationReason)
                    .SetProperty(s => s.IsActive, false)
                    .SetProperty(s => s.Version, s => s.Version + 1),
                cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
