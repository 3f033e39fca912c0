namespace StatusKit.Model;

/// <summary>
/// Why a subscriber stopped getting notices (<see cref="Subscriber.DeactivationReason"/>), which decides whether an
/// operator may turn it back on (<see cref="Services.SubscriberService.ReactivateAsync"/>): only one StatusKit or an
/// operator stopped, never one that unsubscribed itself.
/// </summary>
public enum SubscriberDeactivationReason
{
    /// <summary>
    /// Not recorded: the subscriber was deactivated before StatusKit stored why (or by code that did not say). It may
    /// have unsubscribed, so it is treated as if it had.
    /// </summary>
    Unknown = 0,

    /// <summary>The subscriber unsubscribed itself, through its unsubscribe link or token.</summary>
    Unsubscribed = 1,

    /// <summary>An operator deactivated it (<see cref="Services.SubscriberService.DeactivateAsync(System.Guid, System.Threading.CancellationToken)"/>).</summary>
    Operator = 2,

    /// <summary>Its destination answered that it is gone for good (HTTP 410 Gone).</summary>
    DestinationGone = 3,

    /// <summary>
    /// Its last notices were all dead-lettered, with no delivery in between
    /// (<see cref="Notifications.NotificationOptions.DeactivateAfterDeadLetters"/>).
    /// </summary>
    DeadLetters = 4,

    /// <summary>
    /// Every component it followed was deleted; turned back on, its empty list would follow every component, so it is
    /// not reactivated (it can subscribe again).
    /// </summary>
    ComponentsDeleted = 5,

    /// <summary>
    /// The status incident it followed (<see cref="Subscriber.StatusIncidentId"/>) was deleted: there is nothing left for
    /// it to hear, so it is not reactivated (it can subscribe again).
    /// </summary>
    IncidentDeleted = 6,
}
