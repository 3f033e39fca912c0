namespace StatusKit.Notifications;

/// <summary>The kinds of <see cref="NotificationResult"/>.</summary>
public enum NotificationResultKind
{
    /// <summary>Accepted by the receiver.</summary>
    Delivered = 0,

    /// <summary>Failed; try again later.</summary>
    Retry = 1,

    /// <summary>Failed for good.</summary>
    Permanent = 2,

    /// <summary>The destination is gone; deactivate the subscriber.</summary>
    Gone = 3,
}
