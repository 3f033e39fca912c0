using Microsoft.EntityFrameworkCore;
using StatusKit.Abstractions;
using StatusKit.EntityFrameworkCore.Entities;
using StatusKit.EntityFrameworkCore.Storage;
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
    /// One transaction: a read of the batch's pages, one query per page of the subscribers holding the batch's
    /// destination keys (one list parameter, as <see cref="RescheduleHeldNotificationsAsync"/> takes its keys, so no
    /// batch size reaches SQLite's or PostgreSQL's parameter limit), the new rows in one <c>SaveChanges</c> (which EF
    /// splits into commands of its provider's batch size), then the notifications of the added ones. A writer that takes
    /// a destination between the read and the write makes the unique index refuse the save; the whole call is then
    /// read and written again (at most <see cref="BatchAttempts"/> times), so the refusal is reported per subscriber
    /// rather than failing the batch.
    /// </remarks>
    public async Task<SubscriberBatchOutcome> AddSubscribersAsync(
        IReadOnlyList<Subscriber> subscribers, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscribers);
        var ids = new HashSet<Guid>();
        foreach (var subscriber in subscribers)
        {
            ArgumentNullException.ThrowIfNull(subscriber, nameof(subscribers));
            ArgumentNullException.ThrowIfNull(subscriber.Destination, "subscriber.Destination");
            if (!ids.Add(subscriber.Id))
            {
                throw Conflict("id", "subscriber");
            }
        }

        OutboxStaging.Validate(notifications);
        cancellationToken.ThrowIfCancellationRequested();
        if (subscribers.Count == 0)
        {
            return SubscriberBatchOutcome.Empty;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AddSubscribersOnceAsync(subscribers, notifications, cancellationToken);
            }
            catch (StatusKitConflictException conflict) when (conflict.Field == "destination" && attempt < BatchAttempts)
            {
                // Taken by another writer after this call read the page's destinations: read them again.
            }
            catch (Exception exception) when (DbErrors.IsDeadlock(exception) && attempt < BatchAttempts)
            {
                // PostgreSQL chose this batch to break a deadlock with another one inserting the same destinations in
                // another order: its transaction is rolled back whole, so it is run again from the read.
            }
        }
    }

    /// <summary>
    /// How many times <see cref="AddSubscribersAsync"/> writes a batch whose destinations were taken meanwhile, or that
    /// PostgreSQL rolled back to break a deadlock.
    /// </summary>
    private const int BatchAttempts = 5;

    private async Task<SubscriberBatchOutcome> AddSubscribersOnceAsync(
        IReadOnlyList<Subscriber> subscribers, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        await using var transaction = await session.Context.Database.BeginTransactionAsync(cancellationToken);
        var holders = new Dictionary<(Guid, Guid?, SubscriberChannel, string), Subscriber>();
        foreach (var page in subscribers.GroupBy(static s => s.PageId))
        {
            await EnsurePageExistsAsync(session, page.Key, cancellationToken);
            var keys = page.Select(static s => SubscriberEntity.KeyOf(s.Channel, s.Destination)).Distinct(StringComparer.Ordinal).ToArray();
            var pageId = page.Key;
            var stored = await session.Set<SubscriberEntity>().AsNoTracking()
                .Where(s => s.PageId == pageId && EF.Parameter(keys).Contains(s.DestinationKey))
                .ToListAsync(cancellationToken);
            foreach (var row in stored)
            {
                holders.TryAdd((row.PageId, row.StatusIncidentId, row.Channel, row.DestinationKey), row.ToModel());
            }
        }

        var added = new List<Guid>(subscribers.Count);
        var taken = new Dictionary<Guid, Subscriber>();
        foreach (var subscriber in subscribers)
        {
            var entity = SubscriberEntity.From(subscriber);
            var slot = (entity.PageId, entity.StatusIncidentId, entity.Channel, entity.DestinationKey);
            if (holders.TryGetValue(slot, out var holder))
            {
                taken.Add(subscriber.Id, holder);
                continue;
            }

            holders.Add(slot, subscriber with { Version = 1 });
            session.Set<SubscriberEntity>().Add(entity);
            added.Add(subscriber.Id);
        }

        await SaveAsync(session, "subscriber", () => MissingPage(subscribers[0].PageId), cancellationToken);
        await EnqueueAndCommitAsync(session, transaction, [.. notifications.Where(n => !taken.ContainsKey(n.SubscriberId))], cancellationToken);
        return new SubscriberBatchOutcome { Added = added, Taken = taken };
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
