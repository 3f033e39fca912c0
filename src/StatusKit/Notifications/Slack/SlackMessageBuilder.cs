namespace StatusKit.Notifications.Slack;

/// <summary>Renders a notification as a Block Kit message, escaping every user-provided string for Slack.</summary>
internal static class SlackMessageBuilder
{
    private const int MaxHeaderChars = 150;
    private const int MaxSectionChars = 3000;
    private const int MaxFallbackChars = 4000;

    private const string UnsubscribeText = "Unsubscribe";
    private const string ManageText = "Manage subscription";
    private const string ConfirmText = "Confirm your subscription";

    public static SlackPayload Build(NotificationContent content, string linkText, Uri? unsubscribeUrl = null, Uri? manageUrl = null)
    {
        var blocks = new List<SlackBlock>
        {
            new("header", new SlackText("plain_text", Truncate(content.Subject, MaxHeaderChars), Emoji: true)),
        };

        var confirmation = ConfirmationLink(content);
        var section = confirmation is not null
            ? $"To confirm your subscription to {Escape(content.PageName)}, open this link: {SlackLink(confirmation, ConfirmText)}"
            // The body states the change (a component's old and new status), so the statuses are not repeated here.
            : Escape(content.Body);
        blocks.Add(new SlackBlock("section", new SlackText("mrkdwn", Truncate(section, MaxSectionChars))));

        var context = Escape(content.PageName);
        if (confirmation is null && IsWebLink(content.Link))
        {
            context += $" \u00b7 {SlackLink(content.Link!, linkText)}";
        }

        // Where the subscriber changes its choice instead of leaving; not on a confirmation request (nothing to manage yet).
        if (confirmation is null && content.Kind != NotificationKind.SubscriptionVerification && IsWebLink(manageUrl?.AbsoluteUri))
        {
            context += $" \u00b7 {SlackLink(manageUrl!.AbsoluteUri, ManageText)}";
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

    /// <summary>
    /// The link of a confirmation request, when it has one: its body (written for every channel) names the link too, and
    /// the context's link is labelled for the page, so the message says the request in its own words with the link once,
    /// labelled as the confirmation it is. Without a link (no public address: the body gives the code) the body is shown.
    /// </summary>
    private static string? ConfirmationLink(NotificationContent content) =>
        content.Kind == NotificationKind.SubscriptionVerification && IsWebLink(content.Link) ? content.Link : null;

    private static string SlackLink(string url, string text) =>
        $"<{Escape(url).Replace("|", "%7C", StringComparison.Ordinal)}|{Escape(text)}>";

    private static bool IsWebLink(string? link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static string Truncate(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "\u2026");
}
