namespace StatusKit.Notifications;

/// <summary>A filter for listing outbox rows, newest first.</summary>
public sealed record NotificationQuery
{
    /// <summary>Only rows of this page.</summary>
    public Guid? PageId { get; init; }

    /// <summary>Only rows for this subscriber.</summary>
    public Guid? SubscriberId { get; init; }

    /// <summary>Only rows in this state.</summary>
    public NotificationState? State { get; init; }

    /// <summary>At most this many rows. Default 100.</summary>
    public int Take { get; init; } = 100;
}
