using StatusKit.Model;
using StatusKit.Status;

namespace StatusKit.Notifications.Dispatching;

/// <summary>Why a claimed row is not worth sending any more (it becomes Superseded), or null when it is.</summary>
internal static class SupersedeRules
{
    /// <summary>
    /// A deleted or inactive subscriber gets nothing; an unverified one only its verification message, and only the one
    /// carrying its current token (subscribing again replaces the token; verifying uses it up).
    /// </summary>
    public static string? ForSubscriber(Notification row, Subscriber? subscriber) => subscriber switch
    {
        null => "the subscriber was deleted",
        { IsActive: false } => "the subscriber is inactive",
        _ when row.Content.Kind == NotificationKind.SubscriptionVerification =>
            VerificationKey.IsCurrent(row, subscriber) ? null : "its verification token was replaced or already used",
        { IsVerified: false } => "the subscriber is not verified",
        _ => null,
    };

    /// <summary>Whether the row has to be checked against the last delivered one of its coalesce key.</summary>
    public static bool NeedsFlapCheck(Notification row) => row.CoalesceKey is not null && row.Content.NewStatus is not null;

    /// <summary>
    /// A flap that returns to the last notified state sends nothing; a subscriber who never heard of a problem needs
    /// no "resolved".
    /// </summary>
    public static string? ForFlap(Notification row, Notification? lastDelivered)
    {
        if (row.Content.NewStatus is not { } status)
        {
            return null;
        }

        if (lastDelivered is null)
        {
            return status == ComponentStatus.Operational ? "the subscriber was never told of a problem to resolve" : null;
        }

        return lastDelivered.Content.NewStatus == status ? "the status is the one last notified (a flap)" : null;
    }
}
