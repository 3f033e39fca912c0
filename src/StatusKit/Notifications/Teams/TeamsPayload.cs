using System.Text.Json.Serialization;

namespace StatusKit.Notifications.Teams;

/// <summary>
/// What a Teams workflow's "When a Teams webhook request is received" trigger takes: a <c>message</c> whose one
/// attachment is an Adaptive Card.
/// </summary>
internal sealed record TeamsPayload(IReadOnlyList<TeamsAttachment> Attachments)
{
    [JsonPropertyOrder(-1)]
    public string Type => "message";
}

/// <summary>An Adaptive Card attachment; <c>contentUrl</c> is written as null, as the workflow's sample payload has it.</summary>
internal sealed record TeamsAttachment(AdaptiveCard Content)
{
    public string ContentType => "application/vnd.microsoft.card.adaptive";

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? ContentUrl => null;
}

/// <summary>An Adaptive Card (schema 1.4): text blocks, then the links as <c>Action.OpenUrl</c> buttons.</summary>
internal sealed record AdaptiveCard(IReadOnlyList<AdaptiveRichTextBlock> Body, IReadOnlyList<AdaptiveOpenUrlAction> Actions)
{
    [JsonPropertyName("$schema")]
    [JsonPropertyOrder(-2)]
    public string Schema => "http://adaptivecards.io/schemas/adaptive-card.json";

    [JsonPropertyOrder(-1)]
    public string Type => "AdaptiveCard";

    public string Version => "1.4";
}

/// <summary>
/// A <c>RichTextBlock</c>: unlike a <c>TextBlock</c>, its text runs read no Markdown, so text is shown as written.
/// <paramref name="Spacing"/> <c>None</c> sets a line of the same paragraph right under the previous one.
/// </summary>
internal sealed record AdaptiveRichTextBlock(IReadOnlyList<AdaptiveTextRun> Inlines, string? Spacing = null)
{
    [JsonPropertyOrder(-1)]
    public string Type => "RichTextBlock";
}

/// <summary>A <c>TextRun</c>: plain text (no Markdown) with an optional weight, size and subtle colour.</summary>
internal sealed record AdaptiveTextRun(string Text, string? Weight = null, string? Size = null, bool? IsSubtle = null)
{
    [JsonPropertyOrder(-1)]
    public string Type => "TextRun";
}

/// <summary>An <c>Action.OpenUrl</c> button.</summary>
internal sealed record AdaptiveOpenUrlAction(string Title, string Url)
{
    [JsonPropertyOrder(-1)]
    public string Type => "Action.OpenUrl";
}
