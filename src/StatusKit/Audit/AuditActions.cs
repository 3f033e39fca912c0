namespace StatusKit.Audit;

/// <summary>
/// The actions the audit log records (<see cref="Model.AuditEntry.Action"/>): <c>{target}.{verb}</c>, stable names a
/// client may filter by prefix (<c>component.</c>, <c>maintenance.</c>). Only changes are recorded, never reads, and a
/// request that changes nothing (an empty PATCH, the same values again) records nothing.
/// </summary>
public static class AuditActions
{
    /// <summary>A page was created.</summary>
    public const string PageCreated = "page.created";

    /// <summary>A page's name, description, slug, team, time zone, branding or custom domain changed.</summary>
    public const string PageUpdated = "page.updated";

    /// <summary>A page was made public or private, or its access token was replaced (fields <c>isPublic</c>, <c>accessToken</c>).</summary>
    public const string PageAccessChanged = "page.access-changed";

    /// <summary>A page was deleted with everything on it (its audit log is kept).</summary>
    public const string PageDeleted = "page.deleted";

    /// <summary>A component was created.</summary>
    public const string ComponentCreated = "component.created";

    /// <summary>
    /// A component's fields changed, its operator's (manual) status among them; also a manual status ending by itself at
    /// its expiry (actor <c>system</c>, fields <c>manualStatus</c> and <c>manualStatusExpiresAt</c>).
    /// </summary>
    public const string ComponentUpdated = "component.updated";

    /// <summary>A component was deleted.</summary>
    public const string ComponentDeleted = "component.deleted";

    /// <summary>A page's components were put in a new order (target: the page).</summary>
    public const string ComponentsReordered = "components.reordered";

    /// <summary>Components were imported from Statuspage (target: the page).</summary>
    public const string ComponentsImported = "components.imported";

    /// <summary>A public status incident was created.</summary>
    public const string IncidentCreated = "incident.created";

    /// <summary>A public status incident's own fields changed (title, severity, components, platform link).</summary>
    public const string IncidentUpdated = "incident.updated";

    /// <summary>An update was posted to a public status incident's timeline (a resolution too).</summary>
    public const string IncidentUpdateAdded = "incident.update-added";

    /// <summary>A public status incident was deleted.</summary>
    public const string IncidentDeleted = "incident.deleted";

    /// <summary>Incidents were imported from Statuspage (target: the page).</summary>
    public const string IncidentsImported = "incidents.imported";

    /// <summary>A postmortem was published on an incident, or its text changed.</summary>
    public const string PostmortemPublished = "postmortem.published";

    /// <summary>An incident's postmortem was taken down.</summary>
    public const string PostmortemRemoved = "postmortem.removed";

    /// <summary>A maintenance window was scheduled.</summary>
    public const string MaintenanceCreated = "maintenance.created";

    /// <summary>A maintenance window's fields changed.</summary>
    public const string MaintenanceUpdated = "maintenance.updated";

    /// <summary>A maintenance window (an occurrence of a recurring one) started: by an operator ahead of its start, or by the scheduler at its start (actor <c>system</c>).</summary>
    public const string MaintenanceStarted = "maintenance.started";

    /// <summary>
    /// A maintenance window (an occurrence of a recurring one, which then goes on to its next) ended: by an operator
    /// ahead of its end, or by the scheduler at its end (actor <c>system</c>).
    /// </summary>
    public const string MaintenanceCompleted = "maintenance.completed";

    /// <summary>
    /// The scheduler found an occurrence of a window that had ended without starting (the host was down throughout) and
    /// moved the window to its next occurrence, or completed it after its last (actor <c>system</c>).
    /// </summary>
    public const string MaintenanceMissed = "maintenance.missed";

    /// <summary>A maintenance window was cancelled.</summary>
    public const string MaintenanceCancelled = "maintenance.cancelled";

    /// <summary>A maintenance window was deleted.</summary>
    public const string MaintenanceDeleted = "maintenance.deleted";

    /// <summary>Scheduled maintenances were imported from Statuspage (target: the page).</summary>
    public const string MaintenanceImported = "maintenance.imported";

    /// <summary>A subscriber was added: by an operator, or by someone on the public subscribe form (actor <c>anonymous</c> there).</summary>
    public const string SubscriberCreated = "subscriber.created";

    /// <summary>
    /// A subscriber's components, events or channel settings changed, or its signing secret was rotated: by an operator,
    /// or by the subscriber on its manage page (actor <c>subscriber</c>).
    /// </summary>
    public const string SubscriberUpdated = "subscriber.updated";

    /// <summary>
    /// A subscriber was deactivated: by an operator, or by the dispatcher (actor <c>system</c>) because its destination
    /// is gone (410) or kept failing (dead letters).
    /// </summary>
    public const string SubscriberDeactivated = "subscriber.deactivated";

    /// <summary>A subscriber confirmed its subscription with its verification link (actor <c>subscriber</c>, field <c>isVerified</c>).</summary>
    public const string SubscriberVerified = "subscriber.verified";

    /// <summary>A subscriber unsubscribed itself with its unsubscribe link (actor <c>subscriber</c>, fields <c>isActive</c> and/or <c>deactivationReason</c>).</summary>
    public const string SubscriberUnsubscribed = "subscriber.unsubscribed";

    /// <summary>A deactivated subscriber was turned back on.</summary>
    public const string SubscriberReactivated = "subscriber.reactivated";

    /// <summary>A subscriber was deleted.</summary>
    public const string SubscriberDeleted = "subscriber.deleted";

    /// <summary>Subscribers were imported (target: the page).</summary>
    public const string SubscribersImported = "subscribers.imported";

    /// <summary>An incident template was created.</summary>
    public const string TemplateCreated = "template.created";

    /// <summary>An incident template's fields changed.</summary>
    public const string TemplateUpdated = "template.updated";

    /// <summary>An incident template was deleted.</summary>
    public const string TemplateDeleted = "template.deleted";

    /// <summary>A page metric (a system metric shown on the page) was created.</summary>
    public const string MetricCreated = "metric.created";

    /// <summary>A page metric's settings changed (its data points are not recorded).</summary>
    public const string MetricUpdated = "metric.updated";

    /// <summary>A page metric was deleted with its data points.</summary>
    public const string MetricDeleted = "metric.deleted";
}
