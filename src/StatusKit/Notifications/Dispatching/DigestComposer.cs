using System.Globalization;
using System.Text;
using StatusKit.Model;
using StatusKit.Status;

namespace StatusKit.Notifications.Dispatching;

/// <summary>
/// Folds the deferred rows of one subscriber into one <see cref="NotificationKind.Digest"/> message, each change on a line
/// with its time on the page's clock (<see cref="PageClock"/>, as maintenance notices write theirs). Only rows the cap
/// can hold back are folded (<see cref="HourlyCap.Applies"/>): never a verification message, a digest or an operator's
/// <see cref="NotificationKind.Test"/> notice, which are sent on their own.
/// </summary>
internal static class DigestComposer
{
    /// <summary>The digest of <paramref name="rows"/>, with times in <paramref name="timeZoneId"/> (the page's; UTC when null).</summary>
    public static NotificationContent Compose(IReadOnlyList<Notification> rows, string? timeZoneId)
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
            body.Append('\n').Append("- ").Append(PageClock.Instant(content.OccurredAt, timeZoneId)).Append(' ');
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
