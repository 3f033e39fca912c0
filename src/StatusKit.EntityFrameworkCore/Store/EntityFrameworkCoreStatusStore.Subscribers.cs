using Microsoft.EntityFrameworkCore;
using StatusKit.Abstractions;
using StatusKit.EntityFrameworkCore.Entities;
using StatusKit.Model;
using StatusKit.Notifications;

namespace StatusKit.EntityFrameworkCore.Store;

internal sealed partial class EntityFrameworkCoreStatusStore<TContext>
{
    public async Task<Subscriber?> GetSubscriberAsync(Guid subscriberId, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        var row = await session.Set<SubscriberEntity>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == subscriberId, cancellationToken);
        return row?.ToModel();
    }

    public async Task<Subscriber?> FindSubscriberByVerifyTokenHashAsync(string tokenHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        await using var session = await OpenAsync(cancellationToken);
        var row = await session.Set<SubscriberEntity>().AsNoTracking()
            .OrderBy(s => s.CreatedAt)
            .FirstOrDefaultAsync(s => s.VerifyTokenHash == tokenHash, cancellationToken);
        return row?.ToModel();
    }

    /// <remarks>One seek of the unique (page, channel, destination key) index of the page's followers.</remarks>
    public async Task<Subscriber?> FindSubscriberByDestinationAsync(Guid pageId, SubscriberChannel channel, string destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var key = SubscriberEntity.KeyOf(channel, destination);
        await using var session = await OpenAsync(cancellationToken);
        var row = await session.Set<SubscriberEntity>().AsNoTracking()
            .FirstOrDefaultAsync(s => s.PageId == pageId && s.StatusIncidentId == null && s.Channel == channel && s.DestinationKey == key, cancellationToken);
        return row?.ToModel();
    }

    public async Task<Subscriber?> FindSubscriberByUnsubscribeTokenHashAsync(string tokenHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        await using var session = await OpenAsync(cancellationToken);
        var row = await session.Set<SubscriberEntity>().AsNoTracking()
            .OrderBy(s => s.CreatedAt)
            .FirstOrDefaultAsync(s => s.UnsubscribeTokenHash == tokenHash, cancellationToken);
        return row?.ToModel();
    }

    public async Task<IReadOnlyList<Subscriber>> ListSubscribersAsync(Guid pageId, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        var rows = await session.Set<SubscriberEntity>().AsNoTracking()
            .Where(s => s.PageId == pageId && s.StatusIncidentId == null)
            .OrderBy(s => s.CreatedAt)
            .ThenBy(s => s.Id)
            .ToListAsync(cancellationToken);
        return rows.Select(r => r.ToModel()).ToArray();
    }

    /// <remarks>
    /// One query, <c>… WHERE status_incident_id = @incident</c>, a seek of the unique (status incident, channel,
    /// destination key) index of the incident followers, which no page follower is in.
    /// </remarks>
    public async Task<IReadOnlyList<Subscriber>> ListStatusIncidentSubscribersAsync(Guid incidentId, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        var rows = await session.Set<SubscriberEntity>().AsNoTracking()
            .Where(s => s.StatusIncidentId == incidentId)
            .OrderBy(s => s.CreatedAt)
            .ThenBy(s => s.Id)
            .ToListAsync(cancellationToken);
        return rows.Select(r => r.ToModel()).ToArray();
    }

    /// <remarks>
    /// One query, <c>… WHERE page_id = @page ORDER BY created_at DESC, id DESC LIMIT @take OFFSET @skip</c>, a walk of
    /// the page + creation time + id index from its newest end that stops after the rows it returns.
    /// </remarks>
    public async Task<IReadOnlyList<Subscriber>> ListSubscribersAsync(Guid pageId, int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfLessThan(take, 1);
        await using var session = await OpenAsync(cancellationToken);
        var rows = await session.Set<SubscriberEntity>().AsNoTracking()
            .Where(s => s.PageId == pageId)
            .OrderByDescending(s => s.CreatedAt)
            .ThenByDescending(s => s.Id)
            .Skip(skip)
            .Take(take)
            .ToListAsync(cancellationToken);
        return rows.Select(r => r.ToModel()).ToArray();
    }

    /// <remarks>One transaction: the subscriber, then its notifications as <see cref="EnqueueNotificationsAsync"/> enqueues them.</remarks>
    public async Task AddSubscriberAsync(Subscriber subscriber, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(subscriber.Destination, "subscriber.Destination");
        OutboxStaging.Validate(notifications);
        await using var session = await OpenAsync(cancellationToken);
        await using var transaction = await session.Context.Database.BeginTransactionAsync(cancellationToken);
        await EnsurePageExistsAsync(session, subscriber.PageId, cancellationToken);
        session.Set<SubscriberEntity>().Add(SubscriberEntity.From(subscriber));
        await SaveAsync(session, "subscriber", () => MissingPage(subscriber.PageId), cancellationToken);
        await EnqueueAndCommitAsync(session, transaction, notifications, cancellationToken);
    }

    /// <remarks>
    /// The stored page and incident are kept. Compare-and-set on the version (<see cref="AdvanceVersion{T}"/>), in one transaction
    /// with the notifications, which are enqueued only once the subscriber is saved.
    /// </remarks>
    public async Task<Subscriber> UpdateSubscriberAsync(Subscriber subscriber, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(subscriber.Destination, "subscriber.Destination");
        OutboxStaging.Validate(notifications);
        await using var session = await OpenAsync(cancellationToken);
        await using var transaction = await session.Context.Database.BeginTransactionAsync(cancellationToken);
        var row = await session.Set<SubscriberEntity>().AsTracking().FirstOrDefaultAsync(s => s.Id == subscriber.Id, cancellationToken)
                  ?? throw new StatusKitNotFoundException("subscriber", subscriber.Id.ToString());
        AdvanceVersion(session, row, "subscriber", subscriber.Id, subscriber.Version);
        row.CopyFrom(subscriber with { PageId = row.PageId, StatusIncidentId = row.StatusIncidentId });
        await SaveAsync(session, "subscriber", null, cancellationToken);
        await EnqueueAndCommitAsync(session, transaction, notifications, cancellationToken);
        return row.ToModel();
    }

    public async Task<bool> DeleteSubscriberAsync(Guid subscriberId, long? expectedVersion, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        return await DeleteAtVersionAsync(
            session.Set<SubscriberEntity>().Where(s => s.Id == subscriberId), expectedVersion, "subscriber", subscriberId, cancellationToken);
    }

    public async Task<int> DeleteUnverifiedSubscribersAsync(DateTimeOffset issuedBefore, CancellationToken cancellationToken)
    {
        var cutoff = Instants.ToStore(issuedBefore);
        await using var session = await OpenAsync(cancellationToken);
        // One DELETE whose WHERE is the whole condition, so a row changed meanwhile is judged as it is then. Written as
        // two ranges of the partial index of unconfirmed subscribers (issued_at, created_at), each repeating the
        // index's filter so SQLite searches both (MULTI-INDEX OR; PostgreSQL a BitmapOr) instead of scanning: the
        // token issued before the cut-off, or no issue time and created before it (COALESCE would hide both ranges).
        return await session.Set<SubscriberEntity>()
            .Where(s => (!s.IsVerified && s.VerifyTokenIssuedAt < cutoff)
                || (!s.IsVerified && s.VerifyTokenIssuedAt == null && s.CreatedAt < cutoff))
            .ExecuteDeleteAsync(cancellationToken);
    }
}
