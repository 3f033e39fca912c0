namespace StatusKit.Notifications.Slack;

/// <summary>Renders a notification as a Block Kit message, escaping every user-provided string for Slack.</summary>
internal static class SlackMessageBuilder
{
    private const int MaxHeaderChars = 150;
    private const int MaxSectionChars = 3000;
    private const int MaxFallbackChars = 4000;

    private const string UnsubscribeText = "Unsubscribe";

    public static SlackPayload Build(NotificationContent content, string linkText, Uri? unsubscribeUrl = null)
    {
        var blocks = new List<SlackBlock>
        {
            new("header", new SlackText("plain_text", Truncate(content.Subject, MaxHeaderChars), Emoji: true)),
        };

        // The body states the change (a component's old and new status), so the statuses are not repeated here.
        blocks.Add(new SlackBlock("section", new SlackText("mrkdwn", Truncate(Escape(content.Body), MaxSectionChars))));

        var context = Escape(content.PageName);
        if (IsWebLink(content.Link))
        {
            context += $" \u00b7 {SlackLink(content.Link!, linkText)}";
        }

        // Like an email's footer: the link asks before it unsubscribes (a POST does it), so an unfurl changes nothing.
        if (IsWebLink(unsubscribeUrl?.AbsoluteUri))
        {
            context += $" \u00b7 {SlackLink(unsubscribeUrl!.AbsoluteUri, UnsubscribeText)}";
        }

        blocks.Add(new SlackBlock("context", Elements: [new SlackText("mrkdwn", Truncate(context, MaxSectionChars))]));

        // Every subject names the page already ("[Acme Status] API: Major Outage", "Confirm your subscription to …").
        var fallback = Truncate(content.Subject, MaxFallbackChars);
        return new SlackPayload(Escape(fallback), blocks);
    }

    /// <summary>Escapes the three characters Slack gives meaning to in text (&amp;, &lt;, &gt;).</summary>
    internal static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal);

    private static string SlackLink(string url, string text) =>
        $"<{Escape(url).Replace("|", "%7C", StringComparison.Ordinal)}|{Escape(text)}>";

    private static bool IsWebLink(string? link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static string Truncate(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "\u2026");
}
