namespace StatusKit.Notifications;

/// <summary>
/// The body of a <see cref="NotificationKind.StatusIncidentPostmortem"/> notice (pure): the postmortem's text, cut after
/// <see cref="MaxExcerptLength"/> characters at a word boundary with an ellipsis and a line that says where the rest is,
/// then the incident's affected components (<see cref="AffectedComponents.Paragraph"/>). A postmortem may run to 20,000
/// characters; a notice is read in an inbox or a Slack channel (whose sections hold 3,000), and the whole text is one
/// click away on the incident's page, which the notice links to.
/// </summary>
internal static class PostmortemNotice
{
    /// <summary>How much of the postmortem a notice carries: 2,000 characters.</summary>
    public const int MaxExcerptLength = 2000;

    /// <summary>The line that follows a cut postmortem.</summary>
    public const string ContinuedLine = "The full postmortem is on the incident's page.";

    /// <summary>The notice's body for <paramref name="postmortem"/> and the components the incident affects.</summary>
    public static string Body(string postmortem, IReadOnlyList<NotificationComponent> affected)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        var body = Excerpt(postmortem);
        return AffectedComponents.Paragraph(affected) is { } paragraph ? $"{body}\n\n{paragraph}" : body;
    }

    /// <summary>
    /// <paramref name="postmortem"/> when it is at most <see cref="MaxExcerptLength"/> characters; else its beginning up
    /// to the last white space within that length (or exactly that length when a word runs over more than half of it),
    /// then "…" and <see cref="ContinuedLine"/> in a paragraph of its own.
    /// </summary>
    public static string Excerpt(string postmortem)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        if (postmortem.Length <= MaxExcerptLength)
        {
            return postmortem;
        }

        var cut = MaxExcerptLength;
        for (var i = MaxExcerptLength; i > MaxExcerptLength / 2; i--)
        {
            if (char.IsWhiteSpace(postmortem[i]))
            {
                cut = i;
                break;
            }
        }

        // Never split a surrogate pair: the cut lands before a high surrogate's low one.
        if (char.IsLowSurrogate(postmortem[cut]) && cut > 0)
        {
            cut--;
        }

        return $"{postmortem.AsSpan(0, cut).TrimEnd()}\u2026\n\n{ContinuedLine}";
    }
}
