using StatusKit.Model;

namespace StatusKit.Notifications;

/// <summary>
/// A row of the transactional notification outbox: written with the change that caused it, delivered by the
/// dispatcher, never deleted.
/// </summary>
public sealed record Notification
{
    /// <summary>The notification id; also the receiver's idempotency key (the webhook-id header).</summary>
    public required Guid Id { get; init; }

    /// <summary>The page.</summary>
    public required Guid PageId { get; init; }

    /// <summary>The recipient.</summary>
    public required Guid SubscriberId { get; init; }

    /// <summary>The recipient's channel.</summary>
    public required SubscriberChannel Channel { get; init; }

    /// <summary>
    /// Identifies the notification as (subscriber, cause, state): a store never queues two notifications with one key.
    /// </summary>
    public required string DeduplicationKey { get; init; }

    /// <summary>
    /// When set, a new pending notification with the same key replaces the content of a pending one instead of being
    /// queued beside it (debounce per subscriber and component).
    /// </summary>
    public string? CoalesceKey { get; init; }

    /// <summary>What to say.</summary>
    public required NotificationContent Content { get; init; }

    /// <summary>The delivery state.</summary>
    public NotificationState State { get; init; } = NotificationState.Pending;

    /// <summary>How many delivery attempts were made.</summary>
    public int Attempts { get; init; }

    /// <summary>When the row was written.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The earliest time of the next attempt.</summary>
    public required DateTimeOffset DueAt { get; init; }

    /// <summary>The latest a coalesced notification may be pushed back to (the debounce's maximum delay).</summary>
    public DateTimeOffset? NotAfter { get; init; }

    /// <summary>The dispatcher instance that currently holds the row, if any.</summary>
    public string? LeaseOwner { get; init; }

    /// <summary>When the current lease runs out and another dispatcher may claim the row.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; init; }

    /// <summary>The error of the last failed attempt.</summary>
    public string? LastError { get; init; }

    /// <summary>When the row reached Delivered, DeadLettered or Superseded.</summary>
    public DateTimeOffset? CompletedAt { get; init; }
}
