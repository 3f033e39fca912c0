using StatusKit.Model;
using StatusKit.Services;

namespace StatusKit.Notifications;

/// <summary>
/// Turns a public status incident's timeline entries and maintenance events into outbox rows (pure): one per
/// deliverable subscriber of the page whose <see cref="Subscriber.NotifyOn"/> has the notice's event and whose component
/// list meets the affected components, or who follows every component; and one per deliverable follower of the notice's
/// own incident (<see cref="Subscriber.StatusIncidentId"/>), whatever its events and components. A follower of an
/// incident gets nothing else. A destination that follows the page and the incident gets each notice once: the page
/// subscription's row when that subscription wants the notice, else the follower's. Deduplication keys make a retried
/// notice a no-op. A webhook subscriber gets the notice's English content when the caller gives one (machines read
/// webhooks, so their subject and body stay English whatever the page's language); every other subscriber the content
/// in the page's language.
/// </summary>
internal static class NoticePlanner
{
    // coalesceStem, when set, makes each row's CoalesceKey the stem and the subscriber: a later notice of the same stem
    // merges into the subscriber's row still queued (taking its content), and one queued for a retry after a later one
    // went out is superseded, so a subscriber gets only the newest of them. statusIncidentId, for an incident's notice,
    // names the incident whose followers get it. webhookContent, when set, is what webhook subscribers get instead of
    // content: the same notice in English, for a page in another language.
    public static List<Notification> Plan(
        IReadOnlyList<Subscriber> subscribers,
        NotificationEvents notificationEvent,
        IReadOnlyList<Guid> affectedComponentIds,
        string deduplicationStem,
        NotificationContent content,
        DateTimeOffset now,
        string? coalesceStem = null,
        Guid? statusIncidentId = null,
        NotificationContent? webhookContent = null)
    {
        var notifications = new List<Notification>();
        var toldAsPage = statusIncidentId is null ? null : DestinationsThePageTells(subscribers, notificationEvent, affectedComponentIds);
        foreach (var subscriber in subscribers)
        {
            if (!Wants(subscriber, notificationEvent, affectedComponentIds, statusIncidentId)
                || (toldAsPage is not null && subscriber.StatusIncidentId is not null && toldAsPage.Contains(Destination(subscriber))))
            {
                continue;
            }

            notifications.Add(new Notification
            {
                Id = Guid.CreateVersion7(now),
                PageId = subscriber.PageId,
                SubscriberId = subscriber.Id,
                Channel = subscriber.Channel,
                DeduplicationKey = $"{deduplicationStem}|{subscriber.Id:N}",
                CoalesceKey = coalesceStem is null ? null : $"{coalesceStem}|{subscriber.Id:N}",
                Content = subscriber.Channel == SubscriberChannel.Webhook && webhookContent is not null ? webhookContent : content,
                CreatedAt = now,
                DueAt = now,
            });
        }

        return notifications;
    }

    // The destinations a subscription to the page tells of the notice, so that the same destination following the
    // incident too is not told twice: its follower gets the notice only when its page subscription would not (one that
    // leaves out the event or the components, or is not deliverable). Destinations are compared as the uniqueness of
    // subscribers compares them (an email address in any case), per page and channel.
    private static HashSet<(Guid PageId, SubscriberChannel Channel, string Key)> DestinationsThePageTells(
        IReadOnlyList<Subscriber> subscribers, NotificationEvents notificationEvent, IReadOnlyList<Guid> affected)
    {
        var told = new HashSet<(Guid, SubscriberChannel, string)>();
        foreach (var subscriber in subscribers)
        {
            if (subscriber.StatusIncidentId is null && Wants(subscriber, notificationEvent, affected, statusIncidentId: null))
            {
                told.Add(Destination(subscriber));
            }
        }

        return told;
    }

    private static (Guid PageId, SubscriberChannel Channel, string Key) Destination(Subscriber subscriber) =>
        (subscriber.PageId, subscriber.Channel, SubscriberDestinations.Key(subscriber.Channel, subscriber.Destination));

    // A follower of one incident hears all of that incident's notices and nothing else; any other subscriber chooses by
    // event and component.
    private static bool Wants(Subscriber subscriber, NotificationEvents notificationEvent, IReadOnlyList<Guid> affected, Guid? statusIncidentId) =>
        subscriber.IsDeliverable
        && (subscriber.StatusIncidentId is { } followed
            ? followed == statusIncidentId
            : (subscriber.NotifyOn & notificationEvent) != 0 && Meets(subscriber, affected));

    private static bool Meets(Subscriber subscriber, IReadOnlyList<Guid> affected)
    {
        if (subscriber.ComponentIds.Count == 0 || affected.Count == 0)
        {
            return true;
        }

        foreach (var id in affected)
        {
            if (NotificationEventClassifier.Follows(subscriber, id))
            {
                return true;
            }
        }

        return false;
    }
}
