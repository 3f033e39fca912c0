using StatusKit.Model;

namespace StatusKit.Notifications.Webhooks;

/// <summary>The wire names of notification kinds and subscriber events, shared by the JSON payloads.</summary>
internal static class WebhookEventNames
{
    /// <summary>The <c>type</c> of a delivery (<c>component.status_changed</c>, <c>incident.created</c>, ...).</summary>
    public static string TypeOf(NotificationKind kind) => kind switch
    {
        NotificationKind.ComponentStatusChanged => "component.status_changed",
        NotificationKind.StatusIncidentCreated => "incident.created",
        NotificationKind.StatusIncidentUpdated => "incident.updated",
        NotificationKind.StatusIncidentResolved => "incident.resolved",
        NotificationKind.MaintenanceReminder => "maintenance.reminder",
        NotificationKind.MaintenanceStarted => "maintenance.started",
        NotificationKind.MaintenanceCompleted => "maintenance.completed",
        NotificationKind.SubscriptionVerification => "subscription.verification",
        NotificationKind.Digest => "digest",
        NotificationKind.MaintenanceCancelled => "maintenance.cancelled",
        NotificationKind.MaintenanceRescheduled => "maintenance.rescheduled",
        NotificationKind.MaintenanceScheduled => "maintenance.scheduled",
        NotificationKind.StatusIncidentPostmortem => "incident.postmortem",
        NotificationKind.Test => "subscription.test",
        _ => "unknown",
    };

    /// <summary>The subscriber event (<c>degraded</c>, <c>outage</c>, <c>maintenance</c>, <c>resolved</c>), or null.</summary>
    public static string? EventOf(NotificationEvents value) => value switch
    {
        NotificationEvents.Degraded => "degraded",
        NotificationEvents.Outage => "outage",
        NotificationEvents.Maintenance => "maintenance",
        NotificationEvents.Resolved => "resolved",
        _ => null,
    };
}
