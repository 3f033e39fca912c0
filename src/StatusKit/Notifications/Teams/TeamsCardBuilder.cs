using System.Text.Json;
using StatusKit.Notifications.Texts;
using static StatusKit.Notifications.Http.ChatMessageParts;

namespace StatusKit.Notifications.Teams;

/// <summary>
/// Renders a notification as an Adaptive Card with what a Slack message carries: the subject as its title, the body
/// line by line keeping its paragraphs, the page's name, and the links as buttons (the page, managing the subscription,
/// unsubscribing). Every text goes into <c>RichTextBlock</c> text runs, which read no Markdown, so an operator's
/// <c>*</c>, <c>_</c> or <c>[text](url)</c> is shown as written and cannot make a link; the only links are the buttons,
/// and only to http(s) addresses. The body states the change (a component's old and new status, the affected
/// components), so no fact set repeats it.
/// </summary>
internal static class TeamsCardBuilder
{
    // A Teams message holds about 28 KB. The body's text is cut at 8,000 characters, and its blocks (a line each) at
    // 20,000 bytes of JSON: a body of many short lines (every affected region on a line of its own) would otherwise pass
    // the limit in the ~90 bytes each block adds around its line, and the message would be refused.
    private const int MaxTitleChars = 500;
    private const int MaxBodyChars = 8_000;
    private const int MaxBodyBlockBytes = 20_000;
    private const int BlockOverheadBytes = 100;

    public static TeamsPayload Build(NotificationContent content, string linkText, Uri? unsubscribeUrl = null, Uri? manageUrl = null)
    {
        var texts = NoticeTexts.For(content.Language);
        linkText = texts.PageLinkLabel(linkText);
        var body = new List<AdaptiveRichTextBlock>
        {
            new([new AdaptiveTextRun(Truncate(content.Subject, MaxTitleChars), Weight: "Bolder", Size: "Medium")]),
        };

        var confirmation = ConfirmationLink(content);
        var text = confirmation is not null
            ? texts.Format(texts.ToConfirmSelect, content.PageName, texts.ConfirmSubscription)
            : Truncate(content.Body, MaxBodyChars);
        AddParagraphs(body, text);
        body.Add(new AdaptiveRichTextBlock([new AdaptiveTextRun(content.PageName, Size: "Small", IsSubtle: true)]));

        var actions = new List<AdaptiveOpenUrlAction>();
        if (confirmation is not null)
        {
            actions.Add(new AdaptiveOpenUrlAction(texts.ConfirmSubscription, confirmation));
        }
        else if (IsWebLink(content.Link))
        {
            actions.Add(new AdaptiveOpenUrlAction(linkText, content.Link!));
        }

        // Where the subscriber changes its choice instead of leaving; not on a confirmation request (nothing to manage yet).
        if (content.Kind != NotificationKind.SubscriptionVerification && IsWebLink(manageUrl?.AbsoluteUri))
        {
            actions.Add(new AdaptiveOpenUrlAction(texts.ManageSubscription, manageUrl!.AbsoluteUri));
        }

        // As in Slack and email: the link asks before it unsubscribes (a POST does it), so a link preview changes nothing.
        if (IsWebLink(unsubscribeUrl?.AbsoluteUri))
        {
            actions.Add(new AdaptiveOpenUrlAction(texts.Unsubscribe, unsubscribeUrl!.AbsoluteUri));
        }

        return new TeamsPayload([new TeamsAttachment(new AdaptiveCard(body, actions))]);
    }

    /// <summary>
    /// One block per line: the first line of a paragraph with the card's usual gap above it, the others right under it
    /// (a text run's line breaks are not shown the same way by every Teams client). Blank lines only separate paragraphs.
    /// Lines stop, with an ellipsis, before their blocks pass <see cref="MaxBodyBlockBytes"/> (each line as JSON encodes
    /// it, plus its block); the card's link leads to the rest.
    /// </summary>
    private static void AddParagraphs(List<AdaptiveRichTextBlock> body, string text)
    {
        var paragraphStart = true;
        var bytes = 0;
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.Length == 0)
            {
                paragraphStart = true;
                continue;
            }

            var room = MaxBodyBlockBytes - bytes - BlockOverheadBytes;
            var encoded = JsonEncodedText.Encode(line).EncodedUtf8Bytes.Length;
            if (encoded > room)
            {
                body.Add(new AdaptiveRichTextBlock([new AdaptiveTextRun(Fit(line, encoded, room) + "\u2026")], paragraphStart ? null : "None"));
                return;
            }

            bytes += encoded + BlockOverheadBytes;
            body.Add(new AdaptiveRichTextBlock([new AdaptiveTextRun(line)], paragraphStart ? null : "None"));
            paragraphStart = false;
        }
    }

    /// <summary>
    /// The longest beginning of <paramref name="line"/> (<paramref name="encoded"/> bytes as JSON) that takes at most
    /// <paramref name="room"/> bytes as JSON with the ellipsis after it, not splitting a surrogate pair. JSON escapes
    /// every character outside ASCII, so a line in another script takes up to six bytes a character.
    /// </summary>
    private static string Fit(string line, int encoded, int room)
    {
        const int EllipsisBytes = 6;
        var length = (int)Math.Min(line.Length, (long)line.Length * Math.Max(room - EllipsisBytes, 0) / encoded);
        while (length > 0
               && (char.IsHighSurrogate(line[length - 1]) || JsonEncodedText.Encode(line.AsSpan(0, length)).EncodedUtf8Bytes.Length + EllipsisBytes > room))
        {
            length--;
        }

        return line[..length].TrimEnd();
    }
}
