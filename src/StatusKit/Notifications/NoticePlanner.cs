using StatusKit.Model;

namespace StatusKit.Notifications;

/// <summary>
/// Turns a public status incident's timeline entries and maintenance events into outbox rows (pure): one per
/// deliverable subscriber whose <see cref="Subscriber.NotifyOn"/> has the notice's event and whose component list meets
/// the affected components, or who follows every component. Deduplication keys make a retried notice a no-op.
/// </summary>
internal static class NoticePlanner
{
    // coalesceStem, when set, makes each row's CoalesceKey the stem and the subscriber: a later notice of the same stem
    // merges into the subscriber's row still queued (taking its content), and one queued for a retry after a later one
    // went out is superseded, so a subscriber gets only the newest of them.
    public static List<Notification> Plan(
        IReadOnlyList<Subscriber> subscribers,
        NotificationEvents notificationEvent,
        IReadOnlyList<Guid> affectedComponentIds,
        string deduplicationStem,
        NotificationContent content,
        DateTimeOffset now,
        string? coalesceStem = null)
    {
        var notifications = new List<Notification>();
        foreach (var subscriber in subscribers)
        {
            if (!subscriber.IsDeliverable || (subscriber.NotifyOn & notificationEvent) == 0 || !Meets(subscriber, affectedComponentIds))
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
                Content = content,
                CreatedAt = now,
                DueAt = now,
            });
        }

        return notifications;
    }

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
