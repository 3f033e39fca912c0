using StatusKit.Model;
using StatusKit.Notifications.Webhooks;

namespace StatusKit.Notifications;

/// <summary>
/// One notice of the delivery log (<see cref="Services.NotificationLog"/>): what was sent to which subscriber, when, and
/// how its delivery went. It leaves out the destination (the subscriber has it), the body (long, and rendered anew by
/// each attempt) and the outbox's bookkeeping (deduplication and coalesce keys, leases).
/// </summary>
public sealed record NotificationLogEntry
{
    /// <summary>The notice's id; also the receiver's idempotency key (a webhook delivery's <c>webhook-id</c> header).</summary>
    public required Guid Id { get; init; }

    /// <summary>The page.</summary>
    public required Guid PageId { get; init; }

    /// <summary>The recipient.</summary>
    public required Guid SubscriberId { get; init; }

    /// <summary>The channel it goes through.</summary>
    public required SubscriberChannel Channel { get; init; }

    /// <summary>
    /// What it is about, named as a webhook delivery's <c>type</c> names it (<c>component.status_changed</c>,
    /// <c>incident.created</c>, <c>maintenance.reminder</c>, <c>subscription.verification</c>, ...), whatever its channel.
    /// </summary>
    public required string Type { get; init; }

    /// <summary>Its one-line subject.</summary>
    public required string Subject { get; init; }

    /// <summary>Its delivery state.</summary>
    public required NotificationState State { get; init; }

    /// <summary>How many delivery attempts were made.</summary>
    public required int Attempts { get; init; }

    /// <summary>When it was written to the outbox.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The earliest time of its next attempt (while <see cref="NotificationState.Pending"/>).</summary>
    public required DateTimeOffset DueAt { get; init; }

    /// <summary>When it was delivered, dead-lettered or superseded; null while pending.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>The error of its last failed attempt, if any.</summary>
    public string? LastError { get; init; }

    /// <summary>The public status incident it is about, if any.</summary>
    public Guid? IncidentId { get; init; }

    /// <summary>The maintenance window it is about, if any.</summary>
    public Guid? MaintenanceWindowId { get; init; }

    /// <summary>The component whose change it reports, if any.</summary>
    public Guid? ComponentId { get; init; }

    /// <summary>The log's view of an outbox row.</summary>
    internal static NotificationLogEntry From(Notification notification) => new()
    {
        Id = notification.Id,
        PageId = notification.PageId,
        SubscriberId = notification.SubscriberId,
        Channel = notification.Channel,
        Type = WebhookEventNames.TypeOf(notification.Content.Kind),
        Subject = notification.Content.Subject,
        State = notification.State,
        Attempts = notification.Attempts,
        CreatedAt = notification.CreatedAt,
        DueAt = notification.DueAt,
        CompletedAt = notification.CompletedAt,
        LastError = notification.LastError,
        IncidentId = notification.Content.StatusIncidentId,
        MaintenanceWindowId = notification.Content.MaintenanceWindowId,
        ComponentId = notification.Content.ComponentId,
    };
}
