using System.Text;
using StatusKit.Notifications.Texts;
using static StatusKit.Notifications.Http.ChatMessageParts;

namespace StatusKit.Notifications.Sms;

/// <summary>
/// Renders a notification as the text of one SMS that fits in two segments (<see cref="SmsSegments"/>): the subject,
/// which names the page and what happened (<c>[Acme] API: Major outage</c>, <c>[Acme] Identified: Database errors</c>,
/// <c>[Acme] Maintenance started: Upgrade</c>); a line of detail when there is room (an incident's update, a
/// maintenance's times, a digest's or a test's first paragraph; none for a component, whose subject says its status);
/// and the link to the page. The link is never cut; the subject and the detail are, with an ellipsis, never inside a
/// surrogate pair, and with <c>...</c> when the rest is GSM-7 so the cut does not make the message UCS-2 (half the
/// room). A confirmation request says what it confirms, gives its link (or, without a public address, its code) and
/// ends with the opt-out text, as the first message to a number should: the host's, or when it kept the default
/// (<c>Reply STOP to unsubscribe.</c>) the notice's language's (<see cref="NoticeTexts.ReplyStop"/>). A text in a
/// language whose letters GSM-7 lacks (the Spanish á, the French ê) is counted in UCS-2, as any other.
/// </summary>
internal static class SmsTextBuilder
{
    // Below this, a detail line is dropped rather than cut to a stub.
    private const int MinDetailChars = 24;

    // Below this, the head is dropped rather than cut to a stub that would not say what the message is.
    private const int MinHeadChars = 16;

    /// <summary>The text of <paramref name="content"/>; <paramref name="optOutText"/> (empty for none) ends a confirmation request.</summary>
    public static string Build(NotificationContent content, string optOutText)
    {
        string head;
        string? detail = null;
        var fixedPart = new StringBuilder();
        if (content.Kind == NotificationKind.SubscriptionVerification)
        {
            if (ConfirmationLink(content) is { } confirm)
            {
                var texts = NoticeTexts.For(content.Language);
                head = texts.Format(texts.Introduces, Clean(content.Subject));
                fixedPart.Append(' ').Append(confirm);
            }
            else
            {
                // No public address: the body carries the code, which must arrive whole.
                head = string.Empty;
                fixedPart.Append(Clean(content.Body.ReplaceLineEndings(" ")));
            }

            if (!string.IsNullOrWhiteSpace(optOutText))
            {
                fixedPart.Append('\n').Append(Clean(NoticeTexts.For(content.Language).OptOut(optOutText)));
            }
        }
        else
        {
            head = Clean(content.Subject);
            detail = Detail(content);
            if (IsWebLink(content.Link))
            {
                fixedPart.Append('\n').Append(content.Link);
            }
        }

        var tail = fixedPart.ToString();
        var gsm7 = SmsSegments.IsGsm7(head + detail + tail);
        var room = SmsSegments.TwoSegments(gsm7) - SmsSegments.Length(tail);
        if (!gsm7 && room < MinHeadChars && SmsSegments.IsGsm7(tail) && SmsSegments.IsGsm7(WithoutMarks(head + detail)))
        {
            // A confirmation's link and opt-out line leave a UCS-2 text no room for its words (a Spanish "suscripción"
            // halves the room): their letters without accents keep the text GSM-7, with room for all of it.
            (head, detail, gsm7) = (WithoutMarks(head), detail is null ? null : WithoutMarks(detail), true);
            room = SmsSegments.TwoSegments(gsm7) - SmsSegments.Length(tail);
        }

        head = room < MinHeadChars ? string.Empty : Fit(head, room, gsm7);
        room -= SmsSegments.Length(head);
        var text = new StringBuilder(head);
        if (detail is { Length: > 0 } && room - 1 >= MinDetailChars)
        {
            text.Append('\n').Append(Fit(detail, room - 1, gsm7));
        }

        return text.Append(tail).ToString().TrimStart();
    }

    /// <summary><paramref name="text"/> with its letters' accents and other combining marks left out (á → a, ç → c).</summary>
    private static string WithoutMarks(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    // The line under the subject: when a maintenance is (its body's last paragraph); the first paragraph of any other
    // body but a component's, whose subject already gives its new status.
    private static string? Detail(NotificationContent content)
    {
        if (content.Kind == NotificationKind.ComponentStatusChanged)
        {
            return null;
        }

        var paragraphs = content.Body.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (paragraphs.Length == 0)
        {
            return null;
        }

        var maintenance = content.Kind is NotificationKind.MaintenanceScheduled or NotificationKind.MaintenanceReminder or NotificationKind.MaintenanceStarted
            or NotificationKind.MaintenanceCompleted or NotificationKind.MaintenanceCancelled or NotificationKind.MaintenanceRescheduled;
        return Clean((maintenance ? paragraphs[^1] : paragraphs[0]).Replace('\n', ' '));
    }

    /// <summary>The text on one line: control characters become spaces, runs of white space one.</summary>
    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var d = char.IsControl(c) || char.IsWhiteSpace(c) ? ' ' : c;
            if (d != ' ' || (builder.Length > 0 && builder[^1] != ' '))
            {
                builder.Append(d);
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>
    /// <paramref name="text"/> in at most <paramref name="max"/> places of its encoding: cut with <c>...</c> in GSM-7
    /// (whose extension characters take two places), else with the chat messages' cut (an ellipsis, never inside a
    /// surrogate pair).
    /// </summary>
    internal static string Fit(string text, int max, bool gsm7)
    {
        if (!gsm7)
        {
            return Truncate(text, max);
        }

        if (SmsSegments.Length(text) <= max)
        {
            return text;
        }

        const string Dots = "...";
        var used = 0;
        var length = 0;
        while (length < text.Length)
        {
            var width = SmsSegments.Length(text[length].ToString());
            if (used + width > max - Dots.Length)
            {
                break;
            }

            used += width;
            length++;
        }

        return string.Concat(text.AsSpan(0, length).TrimEnd(), Dots);
    }
}
