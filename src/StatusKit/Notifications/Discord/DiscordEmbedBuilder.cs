using System.Globalization;
using System.Text;
using StatusKit.Model;
using StatusKit.Notifications.Texts;
using StatusKit.Shared;
using static StatusKit.Notifications.Http.ChatMessageParts;

namespace StatusKit.Notifications.Discord;

/// <summary>
/// Renders a notification as one Discord embed with what a Slack message carries: the subject as its title, linked to
/// the page (or the incident's or window's own page); the body as its description, its Markdown characters escaped so
/// an operator's <c>*</c>, <c>[text](url)</c> or <c>@everyone</c> is shown as written and makes no link or mention;
/// under it the links (the page, managing the subscription, unsubscribing) as the only masked links; a colour by the
/// news it brings (the status colours of the page); when it happened; and the page's name in the footer.
/// </summary>
internal static class DiscordEmbedBuilder
{
    // Discord's limits: title 256, description 4,096, footer 2,048 characters, 6,000 in all of a message's embeds. The
    // footer is cut at 256, so one embed stays at most 4,608 characters.
    private const int MaxTitleChars = 256;
    private const int MaxDescriptionChars = 4_096;
    private const int MaxFooterChars = 256;
    private const string Separator = " \u00b7 ";

    public static DiscordPayload Build(NotificationContent content, string linkText, Uri? unsubscribeUrl = null, Uri? manageUrl = null)
    {
        var texts = NoticeTexts.For(content.Language);
        linkText = texts.PageLinkLabel(linkText);
        var confirmation = ConfirmationLink(content);
        var links = new List<string>();
        if (confirmation is null && IsWebLink(content.Link))
        {
            links.Add(MaskedLink(content.Link!, linkText));
        }

        // Where the subscriber changes its choice instead of leaving; not on a confirmation request (nothing to manage yet).
        if (content.Kind != NotificationKind.SubscriptionVerification && IsWebLink(manageUrl?.AbsoluteUri))
        {
            links.Add(MaskedLink(manageUrl!.AbsoluteUri, texts.ManageSubscription));
        }

        // As in Slack and email: the link asks before it unsubscribes (a POST does it), so a preview changes nothing.
        if (IsWebLink(unsubscribeUrl?.AbsoluteUri))
        {
            links.Add(MaskedLink(unsubscribeUrl!.AbsoluteUri, texts.Unsubscribe));
        }

        var footer = links.Count == 0 ? string.Empty : "\n\n" + string.Join(Separator, links);
        var text = confirmation is not null
            ? texts.Format(texts.ToConfirmOpenThisLink, Escape(content.PageName), MaskedLink(confirmation, texts.ConfirmSubscription))
            // The body states the change (a component's old and new status), so no field repeats it.
            : Escape(content.Body.ReplaceLineEndings("\n"));
        var description = FitEscaped(text, MaxDescriptionChars - footer.Length) + footer;

        var embed = new DiscordEmbed(
            Truncate(content.Subject, MaxTitleChars),
            confirmation ?? (IsWebLink(content.Link) ? content.Link : null),
            description,
            Colour(content),
            content.OccurredAt,
            new DiscordEmbedFooter(Truncate(content.PageName, MaxFooterChars)));
        return new DiscordPayload([embed]);
    }

    /// <summary>
    /// <paramref name="text"/> with a backslash before every character Discord's Markdown gives meaning to (emphasis,
    /// code, spoilers, quotes, headings, masked links, mentions, and the backslash itself): Discord drops the backslash
    /// and shows the character as written. A word that is a web address (<c>http://</c> or <c>https://</c> after a
    /// space or at the start) is left as written, as Discord links it whole and a backslash would become part of it.
    /// </summary>
    internal static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            if ((i == 0 || char.IsWhiteSpace(text[i - 1])) && StartsWithWebAddress(text.AsSpan(i)))
            {
                var end = i;
                while (end < text.Length && !char.IsWhiteSpace(text[end]))
                {
                    end++;
                }

                builder.Append(text, i, end - i);
                i = end - 1;
                continue;
            }

            var c = text[i];
            if (c is '\\' or '*' or '_' or '~' or '`' or '|' or '>' or '<' or '#' or '[' or ']' or '@')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static bool StartsWithWebAddress(ReadOnlySpan<char> text) =>
        text.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("http://", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The colour of the news: a component's new status; an open incident orange; the end of an incident or a
    /// maintenance (resolved, postmortem, completed) green; other maintenance notices blue; a digest by the worst event
    /// it folds; a test or a confirmation request grey. As Discord takes it: <c>0xRRGGBB</c> as an integer.
    /// </summary>
    internal static int Colour(NotificationContent content)
    {
        var hex = content.Kind switch
        {
            NotificationKind.ComponentStatusChanged when content.NewStatus is { } status => StatusColors.Of(status),
            NotificationKind.StatusIncidentCreated or NotificationKind.StatusIncidentUpdated => EventColour(content.Event) ?? StatusColors.PartialOutage,
            NotificationKind.StatusIncidentResolved or NotificationKind.StatusIncidentPostmortem or NotificationKind.MaintenanceCompleted => StatusColors.Operational,
            NotificationKind.MaintenanceScheduled or NotificationKind.MaintenanceReminder or NotificationKind.MaintenanceStarted
                or NotificationKind.MaintenanceRescheduled or NotificationKind.MaintenanceCancelled => StatusColors.UnderMaintenance,
            NotificationKind.Digest => EventColour(content.Event) ?? StatusColors.Neutral,
            _ => StatusColors.Neutral,
        };
        return int.Parse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }

    private static string? EventColour(NotificationEvents events) =>
        (events & NotificationEvents.Outage) != 0 ? StatusColors.PartialOutage
        : (events & NotificationEvents.Degraded) != 0 ? StatusColors.DegradedPerformance
        : (events & NotificationEvents.Maintenance) != 0 ? StatusColors.UnderMaintenance
        : (events & NotificationEvents.Resolved) != 0 ? StatusColors.Operational
        : null;

    /// <summary>
    /// An escaped text cut to <paramref name="max"/> characters with an ellipsis: not after a backslash that escapes the
    /// next character (which would then escape the ellipsis) and not inside a surrogate pair.
    /// </summary>
    private static string FitEscaped(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var length = Math.Max(max - 1, 0);
        if (length > 0 && char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        var backslashes = 0;
        while (backslashes < length && text[length - 1 - backslashes] == '\\')
        {
            backslashes++;
        }

        if (backslashes % 2 == 1)
        {
            length--;
        }

        return string.Concat(text.AsSpan(0, length).TrimEnd(), "\u2026");
    }

    /// <summary>A Markdown masked link; the URL's parentheses are percent-encoded so they cannot end it early.</summary>
    private static string MaskedLink(string url, string text) =>
        $"[{Escape(text)}]({url.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal)})";
}
