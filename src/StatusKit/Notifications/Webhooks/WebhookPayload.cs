namespace StatusKit.Notifications.Webhooks;

/// <summary>The JSON body of a webhook delivery (snake_case; schema in docs/notifications.md).</summary>
internal sealed record WebhookPayload(
    Guid Id,
    string Type,
    string? Event,
    DateTimeOffset OccurredAt,
    WebhookPagePayload Page,
    WebhookComponentPayload? Component,
    IReadOnlyList<WebhookAffectedComponentPayload> Components,
    Guid? StatusIncidentId,
    Guid? MaintenanceWindowId,
    WebhookMaintenancePayload? Maintenance,
    string Subject,
    string Body,
    string? Link,
    WebhookMetaPayload Meta);

/// <summary>
/// About the delivery rather than the event, where Atlassian Statuspage's webhooks put it (<c>meta.unsubscribe</c>):
/// the subscriber's one-click unsubscribe link and, beside it, the link where it changes its events and components
/// (<c>meta.manage</c>, the same token); both null when the host cannot build links.
/// </summary>
internal sealed record WebhookMetaPayload(string? Unsubscribe, string? Manage);

/// <summary>The page a webhook delivery is about.</summary>
internal sealed record WebhookPagePayload(Guid Id, string Name, string Slug);

/// <summary>The component of a component status change.</summary>
internal sealed record WebhookComponentPayload(Guid? Id, string? Name, string? OldStatus, string? NewStatus);

/// <summary>
/// One of the components a status incident or maintenance notice concerns (<c>components</c>, in the page's display
/// order); a component change names its one component in <see cref="WebhookPayload.Component"/> and leaves
/// <c>components</c> empty.
/// </summary>
internal sealed record WebhookAffectedComponentPayload(Guid Id, string Name);

/// <summary>
/// The occurrence a maintenance notice is about (UTC instants); the previous times are those of a rescheduled
/// occurrence before it moved, null otherwise; the next times those of the window's next occurrence that a completed
/// notice reminds of (a window recurring more often than the reminder lead time), null otherwise.
/// </summary>
internal sealed record WebhookMaintenancePayload(
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    DateTimeOffset? PreviousStartsAt,
    DateTimeOffset? PreviousEndsAt,
    DateTimeOffset? NextStartsAt,
    DateTimeOffset? NextEndsAt);
