namespace StatusKit.Notifications.Discord;

/// <summary>
/// The body of Discord's Execute Webhook: one embed, no <c>content</c>, and <c>allowed_mentions</c> with nothing to
/// parse, so no text in the message (an operator's <c>@everyone</c>, a <c>&lt;@id&gt;</c>) ever pings anyone; the host's
/// <c>username</c> and <c>avatar_url</c> when it set them (left out, null, the webhook's own).
/// </summary>
internal sealed record DiscordPayload(IReadOnlyList<DiscordEmbed> Embeds, string? Username = null, string? AvatarUrl = null)
{
    public DiscordAllowedMentions AllowedMentions { get; } = new([]);
}

/// <summary>A rich embed: the notice's subject linked to its page, its text, its colour, when it happened and the page's name.</summary>
internal sealed record DiscordEmbed(string Title, string? Url, string Description, int Color, DateTimeOffset Timestamp, DiscordEmbedFooter Footer);

/// <summary>An embed's footer: plain text (Discord reads no Markdown there).</summary>
internal sealed record DiscordEmbedFooter(string Text);

/// <summary>Which mentions Discord may turn into pings: none (an empty <c>parse</c>).</summary>
internal sealed record DiscordAllowedMentions(IReadOnlyList<string> Parse);
