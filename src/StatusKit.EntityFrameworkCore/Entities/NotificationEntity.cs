using StatusKit.Model;
using StatusKit.Notifications;

namespace StatusKit.EntityFrameworkCore.Entities;

/// <summary>The row of an outbox <see cref="Notification"/>; the content is a JSON document.</summary>
internal sealed class NotificationEntity
{
    public Guid Id { get; set; }

    public Guid PageId { get; set; }

    public Guid SubscriberId { get; set; }

    public SubscriberChannel Channel { get; set; }

    public string DeduplicationKey { get; set; } = "";

    public string? CoalesceKey { get; set; }

    public string Content { get; set; } = "{}";

    public NotificationState State { get; set; }

    public int Attempts { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime DueAt { get; set; }

    public DateTime? NotAfter { get; set; }

    /// <summary>
    /// The content's <see cref="NotificationContent.OccurredAt"/> (the latest change the row tells, which a merge moves
    /// on), as a column for the set-based move of held notices; null on rows written before it existed, read as
    /// <see cref="CreatedAt"/>. The model reads the content's own.
    /// </summary>
    public DateTime? OccurredAt { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTime? LeaseExpiresAt { get; set; }

    public string? LastError { get; set; }

    public DateTime? CompletedAt { get; set; }

    public static NotificationEntity From(Notification notification) => new()
    {
        Id = notification.Id,
        PageId = notification.PageId,
        SubscriberId = notification.SubscriberId,
        Channel = notification.Channel,
        DeduplicationKey = notification.DeduplicationKey,
        CoalesceKey = notification.CoalesceKey,
        Content = JsonColumns.FromContent(notification.Content),
        State = notification.State,
        Attempts = notification.Attempts,
        CreatedAt = Instants.ToStore(notification.CreatedAt),
        DueAt = Instants.ToStore(notification.DueAt),
        NotAfter = Instants.ToStore(notification.NotAfter),
        OccurredAt = Instants.ToStore(notification.Content.OccurredAt),
        LeaseOwner = notification.LeaseOwner,
        LeaseExpiresAt = Instants.ToStore(notification.LeaseExpiresAt),
        LastError = notification.LastError,
        CompletedAt = Instants.ToStore(notification.CompletedAt),
    };

    public Notification ToModel() => new()
    {
        Id = Id,
        PageId = PageId,
        SubscriberId = SubscriberId,
        Channel = Channel,
        DeduplicationKey = DeduplicationKey,
        CoalesceKey = CoalesceKey,
        Content = JsonColumns.ToContent(Content),
        State = State,
        Attempts = Attempts,
        CreatedAt = Instants.FromStore(CreatedAt),
        DueAt = Instants.FromStore(DueAt),
        NotAfter = Instants.FromStore(NotAfter),
        LeaseOwner = LeaseOwner,
        LeaseExpiresAt = Instants.FromStore(LeaseExpiresAt),
        LastError = LastError,
        CompletedAt = Instants.FromStore(CompletedAt),
    };
}
