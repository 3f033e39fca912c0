using StatusKit.Notifications;

namespace StatusKit.InMemory;

public sealed partial class InMemoryStatusStore
{
    /// <inheritdoc />
    /// <remarks>
    /// The notifications are applied in list order, so a later one sees the earlier ones (a repeated deduplication
    /// key is skipped, a repeated coalesce key merges). A new row whose id is already stored throws
    /// <see cref="StatusKitConflictException"/> naming <c>id</c>, and nothing of the batch is written.
    /// </remarks>
    public Task<int> EnqueueNotificationsAsync(IReadOnlyList<Notification> notifications, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                ArgumentNullException.ThrowIfNull(notifications);
                return Enqueue(notifications);
            },
            cancellationToken);

    /// <summary>
    /// Applies the outbox rules to <paramref name="notifications"/> under the store's lock; returns how many were
    /// inserted or merged. Throws before writing anything when the batch is refused, so a caller that enqueues before
    /// its own write keeps both or neither.
    /// </summary>
    private int Enqueue(IReadOnlyList<Notification> notifications)
    {
        var batch = OutboxBatch.Stage(_notifications, _notificationIdsByDeduplicationKey, notifications);
        OutboxBatch.Apply(batch, _notifications, _notificationIdsByDeduplicationKey);
        return batch.Count;
    }

    /// <inheritdoc />
    /// <remarks>Coalesce keys are compared ordinally.</remarks>
    public Task<int> RescheduleHeldNotificationsAsync(
        IReadOnlyCollection<string> coalesceKeys,
        DateTimeOffset heldUntil,
        DateTimeOffset dueAt,
        TimeSpan debounce,
        TimeSpan maxDelay,
        CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                ArgumentNullException.ThrowIfNull(coalesceKeys);
                var keys = coalesceKeys.ToHashSet(StringComparer.Ordinal);
                var held = _notifications.Values
                    .Where(n => n.State == NotificationState.Pending
                                && n.LeaseOwner is null
                                && n.DueAt == heldUntil
                                && n.CoalesceKey is { } key
                                && keys.Contains(key))
                    .ToArray();
                foreach (var row in held)
                {
                    _notifications[row.Id] = HeldNoticeTiming.Moved(row, dueAt, debounce, maxDelay);
                }

                return held.Length;
            },
            cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// A lease has expired when its expiry is at or before <paramref name="now"/>. Rows due at the same time are
    /// claimed in id order. <paramref name="maxCount"/> below 1, or a lease that does not end after
    /// <paramref name="now"/>, throws <see cref="ArgumentOutOfRangeException"/>.
    /// </remarks>
    public Task<IReadOnlyList<Notification>> ClaimNotificationsAsync(
        string leaseOwner,
        DateTimeOffset now,
        DateTimeOffset leaseExpiresAt,
        int maxCount,
        CancellationToken cancellationToken) =>
        Run<IReadOnlyList<Notification>>(
            () =>
            {
                ArgumentException.ThrowIfNullOrEmpty(leaseOwner);
                ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
                ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseExpiresAt, now);
                var heldByOthers = _notifications.Values
                    .Where(n => n.State == NotificationState.Pending && n.LeaseOwner is not null && n.LeaseOwner != leaseOwner && n.LeaseExpiresAt > now)
                    .Select(n => n.SubscriberId)
                    .ToHashSet();
                var claimed = _notifications.Values
                    .Where(n => n.State == NotificationState.Pending
                                && n.DueAt <= now
                                && (n.LeaseOwner is null || n.LeaseExpiresAt is null || n.LeaseExpiresAt <= now)
                                && !heldByOthers.Contains(n.SubscriberId))
                    .OrderBy(n => n.DueAt)
                    .ThenBy(n => n.Id)
                    .Take(maxCount)
                    .Select(n => n with { LeaseOwner = leaseOwner, LeaseExpiresAt = leaseExpiresAt })
                    .ToArray();
                foreach (var row in claimed)
                {
                    _notifications[row.Id] = row;
                }

                return claimed;
            },
            cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// The owner is compared ordinally; a lease that ran out but was not claimed by anyone else still belongs to its
    /// owner. A Pending outcome without <see cref="NotificationOutcome.NextAttemptAt"/> is due again at
    /// <see cref="NotificationOutcome.At"/>. <see cref="Notification.LastError"/> becomes the outcome's error (null on
    /// success), and <see cref="Notification.CompletedAt"/> the outcome's time when the state is final.
    /// </remarks>
    public Task<bool> CompleteNotificationAsync(NotificationOutcome outcome, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                ArgumentNullException.ThrowIfNull(outcome);
                ArgumentException.ThrowIfNullOrEmpty(outcome.LeaseOwner, "outcome.LeaseOwner");
                if (!TryGetLeasedBy(outcome.NotificationId, outcome.LeaseOwner, out var row))
                {
                    return false;
                }

                var pending = outcome.State == NotificationState.Pending;
                _notifications[row.Id] = row with
                {
                    State = outcome.State,
                    Attempts = outcome.Attempts,
                    LastError = outcome.Error,
                    DueAt = pending ? outcome.NextAttemptAt ?? outcome.At : row.DueAt,
                    CompletedAt = pending ? null : outcome.At,
                    LeaseOwner = null,
                    LeaseExpiresAt = null,
                };
                return true;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> ReleaseNotificationAsync(Guid notificationId, string leaseOwner, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                ArgumentException.ThrowIfNullOrEmpty(leaseOwner);
                if (!TryGetLeasedBy(notificationId, leaseOwner, out var row))
                {
                    return false;
                }

                _notifications[row.Id] = row with { LeaseOwner = null, LeaseExpiresAt = null };
                return true;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<Notification?> GetNotificationAsync(Guid notificationId, CancellationToken cancellationToken) =>
        Run(() => _notifications.GetValueOrDefault(notificationId), cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// Newest first by creation time, then by id descending. A <see cref="NotificationQuery.Take"/> below 1 throws
    /// <see cref="ArgumentOutOfRangeException"/>.
    /// </remarks>
    public Task<IReadOnlyList<Notification>> ListNotificationsAsync(NotificationQuery query, CancellationToken cancellationToken) =>
        Run<IReadOnlyList<Notification>>(
            () =>
            {
                ArgumentNullException.ThrowIfNull(query);
                ArgumentOutOfRangeException.ThrowIfLessThan(query.Take, 1, "query.Take");
                return _notifications.Values
                    .Where(n => (query.PageId is null || n.PageId == query.PageId)
                                && (query.SubscriberId is null || n.SubscriberId == query.SubscriberId)
                                && (query.State is null || n.State == query.State))
                    .OrderByDescending(n => n.CreatedAt)
                    .ThenByDescending(n => n.Id)
                    .Take(query.Take)
                    .ToArray();
            },
            cancellationToken);

    /// <inheritdoc />
    /// <remarks>The coalesce key is compared ordinally; ties on completion time go to the greater id.</remarks>
    public Task<Notification?> GetLastDeliveredNotificationAsync(string coalesceKey, CancellationToken cancellationToken) =>
        Run(
            () =>
            {
                ArgumentNullException.ThrowIfNull(coalesceKey);
                return _notifications.Values
                    .Where(n => n.State == NotificationState.Delivered
                                && string.Equals(n.CoalesceKey, coalesceKey, StringComparison.Ordinal))
                    .OrderByDescending(n => n.CompletedAt)
                    .ThenByDescending(n => n.Id)
                    .FirstOrDefault();
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<int> CountDeliveredNotificationsAsync(Guid subscriberId, DateTimeOffset since, CancellationToken cancellationToken) =>
        Run(
            () => _notifications.Values.Count(n => n.SubscriberId == subscriberId
                                                   && n.State == NotificationState.Delivered
                                                   && n.CompletedAt >= since),
            cancellationToken);

    /// <inheritdoc />
    public Task<int> CountPendingNotificationsAsync(CancellationToken cancellationToken) =>
        Run(() => _notifications.Values.Count(n => n.State == NotificationState.Pending), cancellationToken);

    private bool TryGetLeasedBy(Guid notificationId, string leaseOwner, out Notification row) =>
        _notifications.TryGetValue(notificationId, out row!)
        && row.State == NotificationState.Pending
        && string.Equals(row.LeaseOwner, leaseOwner, StringComparison.Ordinal);
}
