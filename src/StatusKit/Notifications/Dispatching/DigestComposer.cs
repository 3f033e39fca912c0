using System.Text;
using StatusKit.Model;
using StatusKit.Notifications.Texts;

namespace StatusKit.Notifications.Dispatching;

/// <summary>
/// Folds the deferred rows of one subscriber into one <see cref="NotificationKind.Digest"/> message, each change on a line
/// (line breaks in a subject made spaces), in the order the changes happened, with its time on the page's clock (<see cref="PageClock"/>, as maintenance notices write theirs). Only rows the cap
/// can hold back are folded (<see cref="HourlyCap.Applies"/>): never a verification message, a digest or an operator's
/// <see cref="NotificationKind.Test"/> notice, which are sent on their own. A digest names the page as the
/// newest row it folds does (the last of <c>rows</c>), and is written in that row's language (the dispatcher orders them by due time, the hour the cap held them to,
/// then by their time-ordered ids), dates included
/// (<see cref="NotificationContent.Language"/>; a subscriber's rows share their channel, and so their language unless
/// the page's changed in between, when the subscriber's latest notices already speak the new one; a renamed page is
/// named by its new name).
/// </summary>
internal static class DigestComposer
{
    /// <summary>The digest of <paramref name="rows"/>, with times in <paramref name="timeZoneId"/> (the page's; UTC when null).</summary>
    public static NotificationContent Compose(IReadOnlyList<Notification> rows, string? timeZoneId)
    {
        // The newest row names the page as it is now (its language, name and link), should it have changed in between.
        var newest = rows[^1].Content;
        var texts = NoticeTexts.For(newest.Language);
        var events = NotificationEvents.None;
        var occurredAt = rows[0].Content.OccurredAt;
        var body = new StringBuilder();
        body.Append(texts.Format(texts.DigestIntro, rows.Count, newest.PageName));
        // In the order the changes happened (the rows come by due time, which a debounce or a maintenance moves).
        foreach (var row in rows.OrderBy(r => r.Content.OccurredAt).ThenBy(r => r.Id))
        {
            var content = row.Content;
            events |= content.Event;
            occurredAt = content.OccurredAt > occurredAt ? content.OccurredAt : occurredAt;
            body.Append('\n').Append("- ").Append(PageClock.Instant(content.OccurredAt, timeZoneId, texts)).Append(' ');
            if (content.ComponentName is { } component && content.NewStatus is { } status)
            {
                body.Append(component).Append(": ");
                if (content.OldStatus is { } old)
                {
                    body.Append(texts.Status(old)).Append(" -> ");
                }

                body.Append(texts.Status(status));
            }
            else
            {
                AppendOneLine(body, content.Subject);
            }
        }

        return new NotificationContent
        {
            Kind = NotificationKind.Digest,
            Event = events,
            Subject = $"[{newest.PageName}] {texts.Format(texts.DigestSubject, rows.Count)}",
            Body = body.ToString(),
            PageName = newest.PageName,
            PageSlug = newest.PageSlug,
            Language = texts.ContentLanguage,
            Link = newest.Link,
            OccurredAt = occurredAt,
        };
    }

    // A line of the list: a subject holding a line break (an incident title typed so) would break the list apart.
    private static void AppendOneLine(StringBuilder body, string text)
    {
        foreach (var c in text)
        {
            body.Append(char.IsControl(c) ? ' ' : c);
        }
    }
}
