using System.Text;
using StatusKit.Status;

namespace StatusKit.Notifications.Slack;

/// <summary>Renders a notification as a Block Kit message, escaping every user-provided string for Slack.</summary>
internal static class SlackMessageBuilder
{
    private const int MaxHeaderChars = 150;
    private const int MaxSectionChars = 3000;
    private const int MaxFallbackChars = 4000;

    public static SlackPayload Build(NotificationContent content, string linkText)
    {
        var blocks = new List<SlackBlock>
        {
            new("header", new SlackText("plain_text", Truncate(content.Subject, MaxHeaderChars), Emoji: true)),
        };

        var section = new StringBuilder();
        if (content.NewStatus is { } newStatus)
        {
            section.Append('*').Append(Escape(content.ComponentName ?? "Component")).Append("*: ");
            if (content.OldStatus is { } oldStatus)
            {
                section.Append(oldStatus.ToDisplayName()).Append(" \u2192 ");
            }

            section.Append('*').Append(newStatus.ToDisplayName()).Append("*\n");
        }

        section.Append(Escape(content.Body));
        blocks.Add(new SlackBlock("section", new SlackText("mrkdwn", Truncate(section.ToString(), MaxSectionChars))));

        var context = Escape(content.PageName);
        if (IsWebLink(content.Link))
        {
            context += $" \u00b7 <{Escape(content.Link!).Replace("|", "%7C", StringComparison.Ordinal)}|{Escape(linkText)}>";
        }

        blocks.Add(new SlackBlock("context", Elements: [new SlackText("mrkdwn", Truncate(context, MaxSectionChars))]));

        var fallback = Truncate($"[{content.PageName}] {content.Subject}", MaxFallbackChars);
        return new SlackPayload(Escape(fallback), blocks);
    }

    /// <summary>Escapes the three characters Slack gives meaning to in text (&amp;, &lt;, &gt;).</summary>
    internal static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal);

    private static bool IsWebLink(string? link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static string Truncate(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "\u2026");
}
