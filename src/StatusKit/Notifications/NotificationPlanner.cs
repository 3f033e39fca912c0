using System.Globalization;
using StatusKit.Abstractions;
using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Notifications.Texts;
using StatusKit.Shared;
using StatusKit.Status;

namespace StatusKit.Notifications;

/// <summary>
/// Turns status changes into outbox rows (pure): one per matching subscriber and component, debounced through the
/// coalesce key (subscriber, component) with due = at + debounce and not-after = at + max delay.
/// </summary>
internal static class NotificationPlanner
{
    /// <summary>The rows of <paramref name="changes"/>.</summary>
    /// <param name="changes">The committed changes, one per component.</param>
    /// <param name="inputs">The inputs they were computed from (pages, component names, subscribers).</param>
    /// <param name="options">Debounce and maintenance options.</param>
    /// <param name="causedByIncidents">Whether incidents asked for the recompute.</param>
    /// <param name="maintenanceEnds">
    /// The components an in-progress window covers, with the end of the latest such window. With
    /// <see cref="NotificationOptions.SuppressIncidentNotificationsDuringMaintenance"/>, a change incidents cause on one of
    /// them (other than into Under Maintenance) is held back until that end: due then, not after the debounce, so an
    /// outage that outlasts the maintenance is told when it ends, and one that is over by then coalesces back into
    /// nothing (a flap).
    /// </param>
    /// <param name="windowTold">
    /// The components whose maintenance window started or ended in this recompute's cause: the window's own notice
    /// (started, completed) tells its subscribers, so their change from Operational to Under Maintenance or back gets no
    /// row. The same goes for the change that a window's start or end in <paramref name="inputs"/> explains, whichever
    /// recompute commits it (<see cref="StatusSwitches.Explains"/>). Any other change of them (to or from an outage) is
    /// told as usual; so is the same change of other components (an operator's Under Maintenance status).
    /// </param>
    public static List<Notification> PlanComponentChanges(
        IReadOnlyList<ComponentStatusChange> changes,
        StatusInputs inputs,
        NotificationOptions options,
        bool causedByIncidents,
        IReadOnlyDictionary<Guid, DateTimeOffset>? maintenanceEnds,
        IReadOnlySet<Guid>? windowTold = null)
    {
        var notifications = new List<Notification>();
        if (changes.Count == 0 || inputs.Subscribers.Count == 0)
        {
            return notifications;
        }

        var pages = inputs.Pages.ToDictionary(p => p.Id);
        var names = inputs.Components.ToDictionary(c => c.Id, c => c.Name);
        var ids = new Version7Ids(changes.Count * inputs.Subscribers.Count);
        Dictionary<Guid, Component>? components = null;
        foreach (var change in changes)
        {
            var due = change.At + options.DebounceWindow;
            var notAfter = change.At + options.MaxDebounceDelay;
            if (causedByIncidents
                && options.SuppressIncidentNotificationsDuringMaintenance
                && maintenanceEnds is not null
                && maintenanceEnds.TryGetValue(change.ComponentId, out var maintenanceEnd)
                && change.NewStatus != ComponentStatus.UnderMaintenance)
            {
                due = Later(due, maintenanceEnd);
                notAfter = Later(notAfter, maintenanceEnd);
            }

            if (IsMaintenanceBoundary(change)
                && ((windowTold is not null && windowTold.Contains(change.ComponentId))
                    || StatusSwitches.Explains(change, (components ??= inputs.Components.ToDictionary(c => c.Id))[change.ComponentId], inputs)))
            {
                continue;
            }

            var notificationEvent = NotificationEventClassifier.Classify(change.NewStatus);
            var page = pages[change.PageId];
            var componentName = names[change.ComponentId];
            var pageTexts = NoticeTexts.For(page.Language);
            foreach (var subscriber in inputs.Subscribers)
            {
                // A follower of one incident hears no component change (a store's inputs hold none; this keeps it so).
                if (subscriber.PageId != change.PageId
                    || subscriber.StatusIncidentId is not null
                    || !NotificationEventClassifier.Wants(subscriber, notificationEvent, change.ComponentId))
                {
                    continue;
                }

                // Webhooks, which machines read, stay English; every other channel is written in the page's language.
                var texts = subscriber.Channel == SubscriberChannel.Webhook ? NoticeTexts.English : pageTexts;
                notifications.Add(new Notification
                {
                    Id = ids.Next(change.At),
                    PageId = change.PageId,
                    SubscriberId = subscriber.Id,
                    Channel = subscriber.Channel,
                    DeduplicationKey = string.Create(
                        CultureInfo.InvariantCulture,
                        $"component|{subscriber.Id:N}|{change.ComponentId:N}|{change.NewStatus}|{change.At.UtcTicks}"),
                    CoalesceKey = CoalesceKey(subscriber.Id, change.ComponentId),
                    Content = new NotificationContent
                    {
                        Kind = NotificationKind.ComponentStatusChanged,
                        Event = notificationEvent,
                        Subject = $"[{page.Name}] {componentName}: {texts.Status(change.NewStatus)}",
                        Body = ComponentChangeBody(componentName, change.OldStatus, change.NewStatus, texts),
                        PageName = page.Name,
                        PageSlug = page.Slug,
                        Language = texts.ContentLanguage,
                        ComponentId = change.ComponentId,
                        ComponentName = componentName,
                        OldStatus = change.OldStatus,
                        NewStatus = change.NewStatus,
                        OccurredAt = change.At,
                    },
                    CreatedAt = change.At,
                    DueAt = due,
                    NotAfter = notAfter,
                });
            }
        }

        return notifications;
    }

    /// <summary>
    /// The content of a queued notice once a later one of its key has merged into it: the later one's, except that a
    /// component change still starts from the status of the queued notice (the one the subscriber last heard of, since
    /// the changes in between were never sent), so "Major Outage, then Partial Outage" within the debounce reads
    /// "from Operational to Partial Outage". Likewise a postmortem's correction merged into the notice of its first
    /// publication is worded as that publication (<see cref="PostmortemNotice.AsFirstPublication"/>): the subscriber
    /// never read the text it corrects.
    /// </summary>
    internal static NotificationContent Merged(NotificationContent queued, NotificationContent later) =>
        queued is { Kind: NotificationKind.ComponentStatusChanged, OldStatus: { } old }
        && later is { Kind: NotificationKind.ComponentStatusChanged, NewStatus: { } now, ComponentName: { } name }
            ? later with { OldStatus = old, Body = ComponentChangeBody(name, old, now, NoticeTexts.For(later.Language)) }
            : queued is { Kind: NotificationKind.StatusIncidentPostmortem, PostmortemUpdated: false }
                ? PostmortemNotice.AsFirstPublication(later)
                : later;

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>A change into maintenance from Operational, or out of it back to Operational: what a window's start or end does.</summary>
    internal static bool IsMaintenanceBoundary(ComponentStatusChange change) =>
        (change.OldStatus, change.NewStatus) is (ComponentStatus.Operational, ComponentStatus.UnderMaintenance)
            or (ComponentStatus.UnderMaintenance, ComponentStatus.Operational);

    private static string ComponentChangeBody(string componentName, ComponentStatus oldStatus, ComponentStatus newStatus, NoticeTexts texts) =>
        texts.Format(texts.ComponentChanged, componentName, texts.Status(oldStatus), texts.Status(newStatus));

    /// <summary>The coalesce key of component notifications: one pending row per (subscriber, component).</summary>
    public static string CoalesceKey(Guid subscriberId, Guid componentId) =>
        string.Create(CultureInfo.InvariantCulture, $"component|{subscriberId:N}|{componentId:N}");
}
