using StatusKit.Model;
using StatusKit.Status;

namespace StatusKit.Notifications;

/// <summary>The subscriber event a component status change is (DESIGN.md, "Subscriber events").</summary>
public static class NotificationEventClassifier
{
    /// <summary>
    /// Degraded Performance → <see cref="NotificationEvents.Degraded"/>; Partial or Major Outage →
    /// <see cref="NotificationEvents.Outage"/>; Under Maintenance → <see cref="NotificationEvents.Maintenance"/>;
    /// Operational → <see cref="NotificationEvents.Resolved"/>.
    /// </summary>
    public static NotificationEvents Classify(ComponentStatus newStatus) => newStatus switch
    {
        ComponentStatus.Operational => NotificationEvents.Resolved,
        ComponentStatus.UnderMaintenance => NotificationEvents.Maintenance,
        ComponentStatus.DegradedPerformance => NotificationEvents.Degraded,
        ComponentStatus.PartialOutage or ComponentStatus.MajorOutage => NotificationEvents.Outage,
        _ => throw new ArgumentOutOfRangeException(nameof(newStatus), newStatus, "Unknown component status."),
    };

    /// <summary>
    /// The subscriber event of a public status incident's notice, as the component change the incident implies would be:
    /// an update that resolves it (<paramref name="state"/> Resolved) is <see cref="NotificationEvents.Resolved"/>; any
    /// other (the incident's creation, Investigating, Identified, Monitoring) is the event of the status its
    /// <paramref name="severity"/> implies for its components: Minor (Degraded Performance) →
    /// <see cref="NotificationEvents.Degraded"/>, Major (Partial Outage) and Critical (Major Outage) →
    /// <see cref="NotificationEvents.Outage"/>. No status incident is <see cref="NotificationEvents.Maintenance"/>: planned
    /// work is a maintenance window.
    /// </summary>
    public static NotificationEvents Classify(StatusIncidentSeverity severity, StatusIncidentState state) =>
        state == StatusIncidentState.Resolved ? NotificationEvents.Resolved : Classify(severity.ToComponentStatus());

    /// <summary>Whether <paramref name="subscriber"/> wants <paramref name="notificationEvent"/> about <paramref name="componentId"/>.</summary>
    public static bool Wants(Subscriber subscriber, NotificationEvents notificationEvent, Guid componentId)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return subscriber.IsDeliverable
            && (subscriber.NotifyOn & notificationEvent) != 0
            && Follows(subscriber, componentId);
    }

    /// <summary>Whether <paramref name="subscriber"/> follows <paramref name="componentId"/> (an empty list follows all).</summary>
    public static bool Follows(Subscriber subscriber, Guid componentId)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        if (subscriber.ComponentIds.Count == 0)
        {
            return true;
        }

        foreach (var id in subscriber.ComponentIds)
        {
            if (id == componentId)
            {
                return true;
            }
        }

        return false;
    }
}
