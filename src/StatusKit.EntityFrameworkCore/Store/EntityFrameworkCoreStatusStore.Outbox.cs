using System.Linq.Expressions;
using StatusKit.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using StatusKit.EntityFrameworkCore.Entities;
using StatusKit.EntityFrameworkCore.Storage;
using StatusKit.Notifications;

namespace StatusKit.EntityFrameworkCore.Store;

internal sealed partial class EntityFrameworkCoreStatusStore<TContext>
{
    /// <remarks>
    /// One transaction, three commands whatever the batch size: load the rows the batch can touch (locked with
    /// <c>FOR UPDATE</c> on PostgreSQL; SQLite transactions are serialised), then one set-based merge and one set-based
    /// insert. A concurrent insert of the same deduplication key is skipped (<c>ON CONFLICT DO NOTHING</c>).
    /// </remarks>
    public async Task<int> EnqueueNotificationsAsync(IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        OutboxStaging.Validate(notifications);
        if (notifications.Count == 0)
        {
            return 0;
        }

        await using var session = await OpenAsync(cancellationToken);
        await using var transaction = await session.Context.Database.BeginTransactionAsync(cancellationToken);
        var count = await EnqueueAsync(session, notifications, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return count;
    }

    /// <summary>Enqueues <paramref name="notifications"/> (when there are any) in the session's open transaction, then commits it.</summary>
    private async Task EnqueueAndCommitAsync(
        Session session, IDbContextTransaction transaction, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        if (notifications.Count > 0)
        {
            await EnqueueAsync(session, notifications, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Enqueues <paramref name="notifications"/> in the session's open transaction; returns how many were inserted or merged.</summary>
    private async Task<int> EnqueueAsync(Session session, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        var staging = await StageAsync(session, notifications, cancellationToken);
        var (mergeSql, mergeArgument) = MergeStatement(session, staging, "{0}");
        var (insertSql, insertArgument) = InsertStatement(session, staging, "{0}");

        // Staging counts every notification it inserted or merged (several may fold into one row); rows that a
        // concurrent writer took first (a deduplication key inserted meanwhile) are subtracted.
        var count = staging.Count;
        try
        {
            if (mergeSql.Length > 0)
            {
                count -= staging.Merges.Count() - await session.ExecuteAsync(mergeSql, [mergeArgument], cancellationToken);
            }

            if (insertSql.Length > 0)
            {
                count -= staging.Inserts.Count() - await session.ExecuteAsync(insertSql, [insertArgument], cancellationToken);
            }
        }
        catch (Exception exception) when (DbErrors.FindUniqueViolation(exception) is { } unique)
        {
            throw ConflictFrom(session.Schema, unique, "notification");
        }

        return count;
    }

    public async Task<int> RescheduleHeldNotificationsAsync(
        IReadOnlyCollection<string> coalesceKeys,
        DateTimeOffset heldUntil,
        DateTimeOffset dueAt,
        TimeSpan debounce,
        TimeSpan maxDelay,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(coalesceKeys);
        if (coalesceKeys.Count == 0)
        {
            return 0;
        }

        var keys = coalesceKeys.Distinct(StringComparer.Ordinal).ToArray();
        var held = Instants.ToStore(heldUntil);
        var due = Instants.ToStore(dueAt);
        // The rules of HeldNoticeTiming, per row in SQL. A row's latest change is its occurred_at (its content's, which a
        // merge moves on), or its creation when that is later or the column is null (rows written before it existed).
        // A row whose latest change is after changedAfter is younger than the debounce at the new due time: it is due at
        // that change plus the debounce. Its deadline (NotAfter; null stays null) is the later of its creation plus the
        // maximum delay and its new due time: the creation's when the row was created after createdAfter and is not due
        // later. Comparing with parameters keeps the sums out of the conditions where it can; the sums are computed in
        // SQL, an interval on PostgreSQL and strftime on SQLite (which has no translation of DateTime + TimeSpan; to the
        // millisecond).
        var changedAfter = Instants.ToStore(dueAt - debounce);
        var createdAfter = Instants.ToStore(dueAt - maxDelay);
        var debounceMilliseconds = debounce.TotalMilliseconds;
        var maxDelayMilliseconds = maxDelay.TotalMilliseconds;
        var longer = maxDelay > debounce ? maxDelay : debounce;
        await using var session = await OpenAsync(cancellationToken);
        Expression<Func<NotificationEntity, DateTime>> newDue = session.Dialect.IsPostgreSql
            ? n => n.OccurredAt != null && n.OccurredAt > n.CreatedAt && n.OccurredAt > changedAfter
                ? n.OccurredAt.Value + debounce
                : n.CreatedAt > changedAfter ? n.CreatedAt + debounce : due
            : n => n.OccurredAt != null && n.OccurredAt > n.CreatedAt && n.OccurredAt > changedAfter
                ? n.OccurredAt.Value.AddMilliseconds(debounceMilliseconds)
                : n.CreatedAt > changedAfter ? n.CreatedAt.AddMilliseconds(debounceMilliseconds) : due;
        Expression<Func<NotificationEntity, DateTime?>> newNotAfter = session.Dialect.IsPostgreSql
            ? n => n.NotAfter == null
                ? null
                : n.OccurredAt != null && n.OccurredAt > n.CreatedAt && n.OccurredAt > changedAfter
                    ? n.CreatedAt + maxDelay > n.OccurredAt.Value + debounce ? n.CreatedAt + maxDelay : n.OccurredAt.Value + debounce
                    : n.CreatedAt > changedAfter
                        ? n.CreatedAt + longer
                        : n.CreatedAt > createdAfter ? n.CreatedAt + maxDelay : due
            : n => n.NotAfter == null
                ? null
                : n.OccurredAt != null && n.OccurredAt > n.CreatedAt && n.OccurredAt > changedAfter
                    ? n.CreatedAt.AddMilliseconds(maxDelayMilliseconds) > n.OccurredAt.Value.AddMilliseconds(debounceMilliseconds)
                        ? n.CreatedAt.AddMilliseconds(maxDelayMilliseconds)
                        : n.OccurredAt.Value.AddMilliseconds(debounceMilliseconds)
                    : n.CreatedAt > changedAfter
                        ? n.CreatedAt.AddMilliseconds(longer.TotalMilliseconds)
                        : n.CreatedAt > createdAfter ? n.CreatedAt.AddMilliseconds(maxDelayMilliseconds) : due;

        // One list parameter (a JSON array on SQLite, an array on PostgreSQL), not EF's default of one parameter per key:
        // a window over a few components of a page with 10,000 subscribers names tens of thousands of keys, past
        // SQLite's limit of 32,766 parameters and PostgreSQL's of 65,535.
        return await session.Set<NotificationEntity>()
            .Where(n => n.State == NotificationState.Pending
                        && n.LeaseOwner == null
                        && n.DueAt == held
                        && n.CoalesceKey != null
                        && EF.Parameter(keys).Contains(n.CoalesceKey))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.DueAt, newDue).SetProperty(n => n.NotAfter, newNotAfter), cancellationToken);
    }

    public async Task<IReadOnlyList<Notification>> ClaimNotificationsAsync(
        string leaseOwner,
        DateTimeOffset now,
        DateTimeOffset leaseExpiresAt,
        int maxCount,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(leaseOwner);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseExpiresAt, now);
        await using var session = await OpenAsync(cancellationToken);
        var s = session.Schema;
        var table = s.Table<NotificationEntity>();
        string C(string property) => s.Column<NotificationEntity>(property);

        // Claims of one store take turns (SQLite: the statement's write lock; PostgreSQL: an advisory lock first, so
        // the statement's snapshot holds every lease committed before it), or two claimers could both see a
        // subscriber without a live lease and take two of its rows.
        var turn = session.Dialect.SerializingLock(table);
        await using var transaction = turn is null ? null : await session.Context.Database.BeginTransactionAsync(cancellationToken);
        if (turn is not null)
        {
            await session.ExecuteAsync(turn, [], cancellationToken);
        }

        // One statement: pick the oldest due unleased rows of subscribers none of whose rows is under another owner's
        // live lease (skipping rows locked by other writers on PostgreSQL) and lease them.
        var sql =
            $"WITH picked AS (SELECT n.{C(nameof(NotificationEntity.Id))} AS id FROM {table} AS n " +
            $"WHERE n.{C(nameof(NotificationEntity.State))} = {(int)NotificationState.Pending} " +
            $"AND n.{C(nameof(NotificationEntity.DueAt))} <= {{2}} " +
            $"AND (n.{C(nameof(NotificationEntity.LeaseOwner))} IS NULL OR n.{C(nameof(NotificationEntity.LeaseExpiresAt))} IS NULL " +
            $"OR n.{C(nameof(NotificationEntity.LeaseExpiresAt))} <= {{2}}) " +
            $"AND NOT EXISTS (SELECT 1 FROM {table} AS o WHERE o.{C(nameof(NotificationEntity.SubscriberId))} = n.{C(nameof(NotificationEntity.SubscriberId))} " +
            $"AND o.{C(nameof(NotificationEntity.State))} = {(int)NotificationState.Pending} AND o.{C(nameof(NotificationEntity.LeaseExpiresAt))} > {{2}} " +
            $"AND o.{C(nameof(NotificationEntity.LeaseOwner))} <> {{0}}) " +
            $"ORDER BY n.{C(nameof(NotificationEntity.DueAt))}, n.{C(nameof(NotificationEntity.Id))} LIMIT {{3}}{session.Dialect.SkipLockedSuffix}) " +
            $"UPDATE {table} SET {C(nameof(NotificationEntity.LeaseOwner))} = {{0}}, {C(nameof(NotificationEntity.LeaseExpiresAt))} = {{1}} " +
            $"WHERE {C(nameof(NotificationEntity.Id))} IN (SELECT id FROM picked) RETURNING *";
        var rows = await session.Set<NotificationEntity>()
            .FromSqlRaw(sql, leaseOwner, Instants.ToStore(leaseExpiresAt), Instants.ToStore(now), maxCount)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return rows.OrderBy(r => r.DueAt).ThenBy(r => r.Id).Select(r => r.ToModel()).ToArray();
    }

    public async Task<bool> CompleteNotificationAsync(NotificationOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentException.ThrowIfNullOrEmpty(outcome.LeaseOwner, "outcome.LeaseOwner");
        var pending = outcome.State == NotificationState.Pending;
        var at = Instants.ToStore(outcome.At);
        var nextAttempt = Instants.ToStore(outcome.NextAttemptAt ?? outcome.At);
        DateTime? completedAt = pending ? null : at;
        await using var session = await OpenAsync(cancellationToken);
        var rows = session.Set<NotificationEntity>()
            .Where(n => n.Id == outcome.NotificationId && n.State == NotificationState.Pending && n.LeaseOwner == outcome.LeaseOwner);
        var updated = pending
            ? await rows.ExecuteUpdateAsync(
                s => s
                    .SetProperty(n => n.State, outcome.State)
                    .SetProperty(n => n.Attempts, outcome.Attempts)
                    .SetProperty(n => n.LastError, outcome.Error)
                    .SetProperty(n => n.DueAt, nextAttempt)
                    .SetProperty(n => n.CompletedAt, completedAt)
                    .SetProperty(n => n.LeaseOwner, (string?)null)
                    .SetProperty(n => n.LeaseExpiresAt, (DateTime?)null),
                cancellationToken)
            : await rows.ExecuteUpdateAsync(
                s => s
                    .SetProperty(n => n.State, outcome.State)
                    .SetProperty(n => n.Attempts, outcome.Attempts)
                    .SetProperty(n => n.LastError, outcome.Error)
                    .SetProperty(n => n.CompletedAt, completedAt)
                    .SetProperty(n => n.LeaseOwner, (string?)null)
                    .SetProperty(n => n.LeaseExpiresAt, (DateTime?)null),
                cancellationToken);
        return updated == 1;
    }

    public async Task<bool> ReleaseNotificationAsync(Guid notificationId, string leaseOwner, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(leaseOwner);
        await using var session = await OpenAsync(cancellationToken);
        var updated = await session.Set<NotificationEntity>()
            .Where(n => n.Id == notificationId && n.State == NotificationState.Pending && n.LeaseOwner == leaseOwner)
            .ExecuteUpdateAsync(
                s => s.SetProperty(n => n.LeaseOwner, (string?)null).SetProperty(n => n.LeaseExpiresAt, (DateTime?)null),
                cancellationToken);
        return updated == 1;
    }

    public async Task<Notification?> GetNotificationAsync(Guid notificationId, CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        var row = await session.Set<NotificationEntity>().AsNoTracking().FirstOrDefaultAsync(n => n.Id == notificationId, cancellationToken);
        return row?.ToModel();
    }

    public async Task<IReadOnlyList<Notification>> ListNotificationsAsync(NotificationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Take, 1, "query.Take");
        await using var session = await OpenAsync(cancellationToken);
        var rows = await session.Set<NotificationEntity>().AsNoTracking()
            .Where(n => (query.PageId == null || n.PageId == query.PageId)
                        && (query.SubscriberId == null || n.SubscriberId == query.SubscriberId)
                        && (query.State == null || n.State == query.State))
            .OrderByDescending(n => n.CreatedAt)
            .ThenByDescending(n => n.Id)
            .Take(query.Take)
            .ToListAsync(cancellationToken);
        return rows.Select(r => r.ToModel()).ToArray();
    }

    public async Task<Notification?> GetLastDeliveredNotificationAsync(string coalesceKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(coalesceKey);
        await using var session = await OpenAsync(cancellationToken);
        var row = await session.Set<NotificationEntity>().AsNoTracking()
            .Where(n => n.State == NotificationState.Delivered && n.CoalesceKey == coalesceKey)
            .OrderByDescending(n => n.CompletedAt)
            .ThenByDescending(n => n.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return row?.ToModel();
    }

    public async Task<int> CountDeliveredNotificationsAsync(Guid subscriberId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var from = Instants.ToStore(since);
        await using var session = await OpenAsync(cancellationToken);
        return await session.Set<NotificationEntity>()
            .CountAsync(n => n.SubscriberId == subscriberId && n.State == NotificationState.Delivered && n.CompletedAt >= from, cancellationToken);
    }

    public async Task<int> CountPendingNotificationsAsync(CancellationToken cancellationToken)
    {
        await using var session = await OpenAsync(cancellationToken);
        return await session.Set<NotificationEntity>().CountAsync(n => n.State == NotificationState.Pending, cancellationToken);
    }

    /// <summary>Loads (and on PostgreSQL locks) the rows a batch can touch, in one command, and stages the batch over them.</summary>
    private static async Task<OutboxStaging> StageAsync(Session session, IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        var (deduplicationKeys, coalesceKeys) = OutboxStaging.KeysOf(notifications);
        var s = session.Schema;
        var d = session.Dialect;
        string C(string property) => "n." + s.Column<NotificationEntity>(property);
        var sql =
            $"SELECT n.* FROM {s.Table<NotificationEntity>()} AS n " +
            $"WHERE {d.InList(C(nameof(NotificationEntity.DeduplicationKey)), "{0}")} " +
            $"OR ({d.InList(C(nameof(NotificationEntity.CoalesceKey)), "{1}")} " +
            $"AND {C(nameof(NotificationEntity.State))} = {(int)NotificationState.Pending} AND {C(nameof(NotificationEntity.LeaseOwner))} IS NULL)" +
            d.ForUpdateSuffix;
        var stored = await session.Set<NotificationEntity>()
            .FromSqlRaw(sql, d.ListArgument(deduplicationKeys), d.ListArgument(coalesceKeys))
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var staging = new OutboxStaging(stored.Select(r => r.ToModel()));
        foreach (var notification in notifications)
        {
            staging.Add(notification);
        }

        return staging;
    }

    /// <summary>The set-based merge of staged rows into stored Pending, unleased rows (empty SQL when there is none).</summary>
    private static (string Sql, string Argument) MergeStatement(Session session, OutboxStaging staging, string parameter)
    {
        var merges = staging.Merges.ToArray();
        if (merges.Length == 0)
        {
            return ("", "");
        }

        var s = session.Schema;
        string C(string property) => s.Column<NotificationEntity>(property);
        using var rows = new JsonRowsBuilder(session.Dialect);
        foreach (var merge in merges)
        {
            rows.StartRow()
                .Add("i", merge.Id)
                .Add("c", JsonColumns.FromContent(merge.Content))
                .Add("k", merge.DeduplicationKey)
                .Add("d", Instants.ToStore(merge.DueAt))
                .Add("o", Instants.ToStore(merge.Content.OccurredAt))
                .EndRow();
        }

        var sql =
            $"UPDATE {s.Table<NotificationEntity>()} AS n SET {C(nameof(NotificationEntity.Content))} = j.c, " +
            $"{C(nameof(NotificationEntity.DeduplicationKey))} = j.k, {C(nameof(NotificationEntity.DueAt))} = j.d, {C(nameof(NotificationEntity.OccurredAt))} = j.o " +
            $"FROM {session.Dialect.JsonRows(parameter, "j", [new("i", JsonColumnKind.Uuid), new("c", JsonColumnKind.Text), new("k", JsonColumnKind.Text), new("d", JsonColumnKind.Instant), new("o", JsonColumnKind.Instant)])} " +
            $"WHERE n.{C(nameof(NotificationEntity.Id))} = j.i AND n.{C(nameof(NotificationEntity.State))} = {(int)NotificationState.Pending} " +
            $"AND n.{C(nameof(NotificationEntity.LeaseOwner))} IS NULL";
        return (sql, rows.Build());
    }

    /// <summary>The set-based insert of new staged rows (empty SQL when there is none).</summary>
    private static (string Sql, string Argument) InsertStatement(Session session, OutboxStaging staging, string parameter)
    {
        var inserts = staging.Inserts.Select(NotificationEntity.From).ToArray();
        if (inserts.Length == 0)
        {
            return ("", "");
        }

        var entityType = session.Schema.EntityType<NotificationEntity>();
        var conflict = $" ON CONFLICT ({session.Schema.Column<NotificationEntity>(nameof(NotificationEntity.DeduplicationKey))}) DO NOTHING";
        var sql = EntityRows.InsertSql(session.Dialect, entityType, session.Schema.Table<NotificationEntity>(), parameter, conflict);
        return (sql, EntityRows.ToJson(session.Dialect, entityType, inserts));
    }
}
