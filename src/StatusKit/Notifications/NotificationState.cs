namespace StatusKit.Notifications;

/// <summary>The state of an outbox row.</summary>
public enum NotificationState
{
    /// <summary>Waiting to be sent at or after its due time.</summary>
    Pending = 0,

    /// <summary>Sent successfully.</summary>
    Delivered = 1,

    /// <summary>Every attempt failed; kept for inspection and never deleted.</summary>
    DeadLettered = 2,

    /// <summary>Not sent because a later notification replaced it or it would repeat what was last sent.</summary>
    Superseded = 3,
}
