using System.Globalization;
using System.Text;
using StatusKit.Model;
using StatusKit.Status;

namespace StatusKit.Notifications.Dispatching;

/// <summary>Folds the deferred rows of one subscriber into one <see cref="NotificationKind.Digest"/> message.</summary>
internal static class DigestComposer
{
    public static NotificationContent Compose(IReadOnlyList<Notification> rows)
    {
        var first = rows[0].Content;
        var events = NotificationEvents.None;
        var occurredAt = first.OccurredAt;
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"{rows.Count} changes on {first.PageName} were held back because of the hourly notification limit:");
        foreach (var row in rows)
        {
            var content = row.Content;
            events |= content.Event;
            occurredAt = content.OccurredAt > occurredAt ? content.OccurredAt : occurredAt;
            body.Append('\n').Append("- ").Append(content.OccurredAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)).Append(' ');
            if (content.ComponentName is { } component && content.NewStatus is { } status)
            {
                body.Append(component).Append(": ");
                if (content.OldStatus is { } old)
                {
                    body.Append(old.ToDisplayName()).Append(" -> ");
                }

                body.Append(status.ToDisplayName());
            }
            else
            {
                body.Append(content.Subject);
            }
        }

        return new NotificationContent
        {
            Kind = NotificationKind.Digest,
            Event = events,
            Subject = string.Create(CultureInfo.InvariantCulture, $"[{first.PageName}] {rows.Count} status changes"),
            Body = body.ToString(),
            PageName = first.PageName,
            PageSlug = first.PageSlug,
            Link = first.Link,
            OccurredAt = occurredAt,
        };
    }
}
