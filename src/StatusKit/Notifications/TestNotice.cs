using System.Globalization;
using System.Text;
using StatusKit.Model;
using StatusKit.Notifications.Texts;

namespace StatusKit.Notifications;

/// <summary>
/// The outbox row of a <see cref="NotificationKind.Test"/> notice (pure): for one subscriber, due at once, with no
/// coalesce key (nothing merges into it and it merges into nothing) and a deduplication key of its own id (two tests
/// are two notices). Its content is about no component, incident or window and no event, so neither the debounce, the
/// flap check, the subject check nor the hourly cap's digest has anything to say about it; the link to the page is set
/// by the dispatcher as for every notice.
/// </summary>
internal static class TestNotice
{
    /// <summary>
    /// The notice for <paramref name="subscriber"/> of <paramref name="page"/>, whose components (display order) are
    /// <paramref name="components"/>; for a follower of one incident, <paramref name="incidentTitle"/> is that incident's
    /// title (null when it is gone).
    /// </summary>
    public static Notification For(StatusPage page, IReadOnlyList<Component> components, Subscriber subscriber, DateTimeOffset now, string? incidentTitle = null)
    {
        var id = Guid.CreateVersion7(now);
        // In the page's language, but for a webhook, which machines read: its words stay English.
        var texts = subscriber.Channel == SubscriberChannel.Webhook ? NoticeTexts.English : NoticeTexts.For(page.Language);
        return new Notification
        {
            Id = id,
            PageId = page.Id,
            SubscriberId = subscriber.Id,
            Channel = subscriber.Channel,
            DeduplicationKey = string.Create(CultureInfo.InvariantCulture, $"test|{subscriber.Id:N}|{id:N}"),
            Content = new NotificationContent
            {
                Kind = NotificationKind.Test,
                Subject = texts.Format(texts.TestSubject, page.Name),
                Body = Body(page.Name, components, subscriber, incidentTitle, texts),
                PageName = page.Name,
                PageSlug = page.Slug,
                Language = texts.ContentLanguage,
                OccurredAt = now,
            },
            CreatedAt = now,
            DueAt = now,
        };
    }

    // What it is, then what the subscriber follows: every component or the named ones (the page's order), and its events.
    // A follower of one incident follows its updates, whatever its stored components and events.
    private static string Body(string pageName, IReadOnlyList<Component> components, Subscriber subscriber, string? incidentTitle, NoticeTexts texts)
    {
        var body = new StringBuilder();
        body.Append(texts.Format(texts.TestIntro, pageName)).Append("\n\n");
        if (subscriber.StatusIncidentId is not null)
        {
            return body.Append(incidentTitle is null ? texts.TestFollowsAnIncident : texts.Format(texts.TestFollowsIncident, incidentTitle)).ToString();
        }

        var followed = components.Where(c => subscriber.ComponentIds.Contains(c.Id)).Select(c => c.Name).ToList();
        var what = subscriber.ComponentIds.Count == 0 ? texts.TestAllComponents
            : followed.Count == 0 ? texts.TestChosenComponents
            : string.Join(", ", followed);
        var events = new[] { NotificationEvents.Degraded, NotificationEvents.Outage, NotificationEvents.Maintenance, NotificationEvents.Resolved }
            .Where(e => (subscriber.NotifyOn & e) != 0)
            .Select(texts.Event);
        return body.Append(texts.Format(texts.TestFollows, what, string.Join(", ", events))).ToString();
    }
}
