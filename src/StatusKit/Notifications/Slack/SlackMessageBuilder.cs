using StatusKit.Notifications.Texts;
using static StatusKit.Notifications.Http.ChatMessageParts;

namespace StatusKit.Notifications.Slack;

/// <summary>
/// Renders a notification as a Block Kit message, escaping every user-provided string for Slack; its own words (the
/// confirmation request, the links' labels) in the notice's language (<see cref="NotificationContent.Language"/>).
/// </summary>
internal static class SlackMessageBuilder
{
    private const int MaxHeaderChars = 150;
    private const int MaxSectionChars = 3000;
    private const int MaxFallbackChars = 4000;

    public static SlackPayload Build(NotificationContent content, string linkText, Uri? unsubscribeUrl = null, Uri? manageUrl = null)
    {
        var texts = NoticeTexts.For(content.Language);
        linkText = texts.PageLinkLabel(linkText);
        var blocks = new List<SlackBlock>
        {
            new("header", new SlackText("plain_text", Truncate(content.Subject, MaxHeaderChars), Emoji: true)),
        };

        var confirmation = ConfirmationLink(content);
        var section = confirmation is not null
            ? texts.Format(texts.ToConfirmOpenThisLink, Escape(content.PageName), SlackLink(confirmation, texts.ConfirmSubscription))
            // The body states the change (a component's old and new status), so the statuses are not repeated here.
            : Escape(content.Body);
        blocks.Add(new SlackBlock("section", new SlackText("mrkdwn", TruncateMarkup(section, MaxSectionChars))));

        var context = Escape(content.PageName);
        if (confirmation is null && IsWebLink(content.Link))
        {
            context += $" \u00b7 {SlackLink(content.Link!, linkText)}";
        }

        // Where the subscriber changes its choice instead of leaving; not on a confirmation request (nothing to manage yet).
        if (confirmation is null && content.Kind != NotificationKind.SubscriptionVerification && IsWebLink(manageUrl?.AbsoluteUri))
        {
            context += $" \u00b7 {SlackLink(manageUrl!.AbsoluteUri, texts.ManageSubscription)}";
        }

        // Like an email's footer: the link asks before it unsubscribes (a POST does it), so an unfurl changes nothing.
        if (IsWebLink(unsubscribeUrl?.AbsoluteUri))
        {
            context += $" \u00b7 {SlackLink(unsubscribeUrl!.AbsoluteUri, texts.Unsubscribe)}";
        }

        blocks.Add(new SlackBlock("context", Elements: [new SlackText("mrkdwn", TruncateMarkup(context, MaxSectionChars))]));

        // Every subject names the page already ("[Acme Status] API: Major Outage", "Confirm your subscription to …").
        var fallback = Truncate(content.Subject, MaxFallbackChars);
        return new SlackPayload(Escape(fallback), blocks);
    }

    /// <summary>
    /// <paramref name="markup"/> (escaped text and links) cut like <see cref="Truncate"/>, but never inside an entity
    /// (<c>&amp;amp;</c>) or a link (<c>&lt;url|text&gt;</c>), which Slack would show as written: the cut moves back to
    /// before it.
    /// </summary>
    internal static string TruncateMarkup(string markup, int max)
    {
        var cut = Truncate(markup, max);
        if (cut.Length == markup.Length)
        {
            return markup;
        }

        var kept = cut.AsSpan(0, cut.Length - 1);
        var entity = kept.LastIndexOf('&');
        if (entity >= 0 && !kept[entity..].Contains(';'))
        {
            kept = kept[..entity];
        }

        var link = kept.LastIndexOf('<');
        if (link >= 0 && !kept[link..].Contains('>'))
        {
            kept = kept[..link];
        }

        return string.Concat(kept, "\u2026");
    }

    /// <summary>Escapes the three characters Slack gives meaning to in text (&amp;, &lt;, &gt;).</summary>
    internal static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal);

    private static string SlackLink(string url, string text) =>
        $"<{Escape(url).Replace("|", "%7C", StringComparison.Ordinal)}|{Escape(text)}>";
}
