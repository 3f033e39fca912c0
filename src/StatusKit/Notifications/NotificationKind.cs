namespace StatusKit.Notifications;

/// <summary>What a notification is about.</summary>
public enum NotificationKind
{
    /// <summary>A component's status changed (degraded, outage, maintenance or resolved).</summary>
    ComponentStatusChanged = 0,

    /// <summary>A public status incident was created.</summary>
    StatusIncidentCreated = 1,

    /// <summary>A public status incident got an update.</summary>
    StatusIncidentUpdated = 2,

    /// <summary>A public status incident was resolved.</summary>
    StatusIncidentResolved = 3,

    /// <summary>A maintenance occurrence starts soon.</summary>
    MaintenanceReminder = 4,

    /// <summary>A maintenance occurrence started.</summary>
    MaintenanceStarted = 5,

    /// <summary>A maintenance occurrence ended.</summary>
    MaintenanceCompleted = 6,

    /// <summary>The message that asks a new subscriber to confirm (double opt-in).</summary>
    SubscriptionVerification = 7,

    /// <summary>Several changes folded into one message because the subscriber hit the hourly cap.</summary>
    Digest = 8,

    /// <summary>
    /// A Scheduled maintenance window was cancelled or deleted after its subscribers were reminded of its next occurrence,
    /// which will not take place.
    /// </summary>
    MaintenanceCancelled = 9,

    /// <summary>
    /// A Scheduled maintenance window's next occurrence was moved (new start or end, time zone or recurrence) after its
    /// subscribers were told of it; the notice gives the old and the new times.
    /// </summary>
    MaintenanceRescheduled = 10,

    /// <summary>
    /// A maintenance window was scheduled (created); the notice gives its first occurrence still to come. Sent with
    /// <see cref="Maintenance.MaintenanceOptions.NotifyWhenScheduled"/> on (the default).
    /// </summary>
    MaintenanceScheduled = 11,

    /// <summary>
    /// A resolved public status incident's postmortem was published (or replaced by a new text), and the publisher chose to
    /// notify subscribers; the notice carries the postmortem's beginning (<see cref="PostmortemNotice"/>) and links to
    /// the incident's page.
    /// </summary>
    StatusIncidentPostmortem = 12,

    /// <summary>
    /// A test notice an operator sent to one subscriber (<see cref="Services.SubscriberService.SendTestNotificationAsync"/>)
    /// to check that its destination gets StatusKit's notices: it says it is a test and what the subscriber follows, and
    /// is about no component, incident or window. Sent at once through the outbox like any notice (retried, logged, in the
    /// delivery log), but never debounced, held back by or folded into the hourly cap's digest, nor superseded by another
    /// notice or superseding one; its webhook <c>type</c> is <c>subscription.test</c>.
    /// </summary>
    Test = 13,
}
