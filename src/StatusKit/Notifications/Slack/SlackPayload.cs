namespace StatusKit.Notifications.Slack;

/// <summary>A Slack incoming-webhook message: fallback <c>text</c> for notifications plus Block Kit blocks.</summary>
internal sealed record SlackPayload(string Text, IReadOnlyList<SlackBlock> Blocks);

/// <summary>A Block Kit block (<c>header</c>, <c>section</c> or <c>context</c>).</summary>
internal sealed record SlackBlock(string Type, SlackText? Text = null, IReadOnlyList<SlackText>? Elements = null);

/// <summary>A Block Kit text object (<c>plain_text</c> or <c>mrkdwn</c>).</summary>
internal sealed record SlackText(string Type, string Text, bool? Emoji = null);
