namespace StatusKit.Model;

/// <summary>Someone who wants to hear about a page: an email address, a Slack webhook, a webhook endpoint, a Microsoft Teams workflow, a Discord webhook or a mobile phone number (SMS).</summary>
public sealed record Subscriber
{
    /// <summary>The subscriber id (a version 7 <see cref="Guid"/>).</summary>
    public required Guid Id { get; init; }

    /// <summary>The page subscribed to.</summary>
    public required Guid PageId { get; init; }

    /// <summary>The channel.</summary>
    public required SubscriberChannel Channel { get; init; }

    /// <summary>
    /// The email address or URL; unique per (page, channel) among the subscribers that follow the page, and per
    /// (status incident, channel) among those that follow one incident (<see cref="StatusIncidentId"/>), so a destination
    /// may follow the page and an incident of it separately.
    /// </summary>
    public required string Destination { get; init; }

    /// <summary>
    /// The one public status incident this subscriber follows, or null for one that follows the page. A subscriber with
    /// one hears only that incident's notices (its updates, its resolution, its postmortem), whatever its
    /// <see cref="ComponentIds"/> and <see cref="NotifyOn"/>, and nothing else of the page: no component change, no
    /// maintenance, no other incident. Deleting the incident deactivates it
    /// (<see cref="SubscriberDeactivationReason.IncidentDeleted"/>). A stored subscriber keeps the incident it follows.
    /// A destination that also follows the page hears each of the incident's notices once: through its page
    /// subscription when that one's events and components take the notice, else through this one.
    /// </summary>
    public Guid? StatusIncidentId { get; init; }

    /// <summary>
    /// The components followed; empty means all of the page's components. Deleting the last component in the list
    /// deactivates the subscriber instead of leaving it empty (see <see cref="Abstractions.IStatusStore.DeleteComponentAsync"/>).
    /// Empty, and meaningless, for a follower of one incident (<see cref="StatusIncidentId"/>), which chooses none.
    /// </summary>
    public IReadOnlyList<Guid> ComponentIds { get; init; } = [];

    /// <summary>
    /// The events that are sent: component changes by their event, and a maintenance window's notices (reminder,
    /// started, completed, cancelled) only with <see cref="NotificationEvents.Maintenance"/>. Default
    /// <see cref="NotificationEvents.All"/>, and left so, meaning nothing, for a follower of one incident
    /// (<see cref="StatusIncidentId"/>), which chooses none.
    /// </summary>
    public NotificationEvents NotifyOn { get; init; } = NotificationEvents.All;

    /// <summary>Whether the destination confirmed the subscription (double opt-in).</summary>
    public bool IsVerified { get; init; }

    /// <summary>SHA-256 hash (hex) of the verification token while unverified.</summary>
    public string? VerifyTokenHash { get; init; }

    /// <summary>
    /// When the current verification token was issued (the subscription, or the latest request that started it over);
    /// null once verified. The token expires <see cref="Configuration.StatusPagesOptions.VerificationTokenLifetime"/>
    /// after it. A token without an issue time (a subscriber stored before the field existed) counts from
    /// <see cref="CreatedAt"/>.
    /// </summary>
    public DateTimeOffset? VerifyTokenIssuedAt { get; init; }

    /// <summary>SHA-256 hash (hex) of the unsubscribe token.</summary>
    public required string UnsubscribeTokenHash { get; init; }

    /// <summary>The webhook signing secret (base64, 24-64 bytes) for webhook subscribers; null otherwise.</summary>
    public string? SigningSecret { get; init; }

    /// <summary>
    /// The signing secret a rotation replaced (<see cref="Services.SubscriberService.RotateSigningSecretAsync"/>), with
    /// which deliveries are still signed too, alongside <see cref="SigningSecret"/>, until
    /// <see cref="PreviousSigningSecretExpiresAt"/>, so a receiver can switch to the new secret without refusing a
    /// delivery; null otherwise.
    /// </summary>
    public string? PreviousSigningSecret { get; init; }

    /// <summary>When deliveries stop being signed with <see cref="PreviousSigningSecret"/>; null when there is none.</summary>
    public DateTimeOffset? PreviousSigningSecretExpiresAt { get; init; }

    /// <summary>Whether notifications are sent; false after unsubscribing or when the endpoint is gone.</summary>
    public bool IsActive { get; init; } = true;

    /// <summary>
    /// Why an inactive subscriber was deactivated; null while it is active. An inactive subscriber without one (stored
    /// before the reason was recorded) reads as <see cref="SubscriberDeactivationReason.Unknown"/>.
    /// </summary>
    public SubscriberDeactivationReason? DeactivationReason { get; init; }

    /// <summary>
    /// When the subscriber last started getting notices: it subscribed, started over, or was reactivated
    /// (<see cref="Services.SubscriberService.ReactivateAsync"/>). Only notices written since count towards
    /// <see cref="Notifications.NotificationOptions.DeactivateAfterDeadLetters"/>, so a reactivated subscriber starts
    /// afresh. Null for one stored before it was recorded (its notices count from the start).
    /// </summary>
    public DateTimeOffset? ActivatedAt { get; init; }

    /// <summary>When the subscription was made.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// The optimistic-concurrency version of the subscriber: every stored change of its fields (verification, unsubscribing, a deleted component leaving its list). A store adds the record at version 1 and accepts an update only
    /// when it carries the stored version, which it then increments (see <see cref="MaintenanceWindow.Version"/>).
    /// </summary>
    public long Version { get; init; }

    /// <summary>Whether the subscriber receives anything at all.</summary>
    public bool IsDeliverable => IsActive && IsVerified;
}
