using StatusKit.Notifications.Texts;

namespace StatusKit.Notifications;

/// <summary>
/// The body of a <see cref="NotificationKind.StatusIncidentPostmortem"/> notice (pure): the postmortem's text, cut after
/// <see cref="MaxExcerptLength"/> characters at a word boundary with an ellipsis and a line that says where the rest is,
/// then the incident's affected components (<see cref="AffectedComponents.Paragraph"/>). A postmortem may run to 20,000
/// characters; a notice is read in an inbox or a Slack channel (whose sections hold 3,000), and the whole text is one
/// click away on the incident's page, which the notice links to. Its subject (<see cref="Subject"/>) says whether it is
/// the postmortem's first publication or a correction of it (<see cref="NotificationContent.PostmortemUpdated"/>): a
/// correction whose changes lie beyond the excerpt has the first notice's body.
/// </summary>
internal static class PostmortemNotice
{
    /// <summary>How much of the postmortem a notice carries: 2,000 characters.</summary>
    public const int MaxExcerptLength = 2000;

    /// <summary>
    /// The notice's subject: <c>[{page}] Postmortem: {title}</c> for the first publication,
    /// <c>[{page}] Postmortem updated: {title}</c> for a correction (<paramref name="updated"/>); the headline in
    /// <paramref name="texts"/> (English by default).
    /// </summary>
    public static string Subject(string pageName, string incidentTitle, bool updated, NoticeTexts? texts = null) =>
        $"[{pageName}] {Headline(updated, texts ?? NoticeTexts.English)}: {incidentTitle}";

    private static string Headline(bool updated, NoticeTexts texts) => updated ? texts.PostmortemUpdated : texts.Postmortem;

    /// <summary>
    /// <paramref name="correction"/> worded as a first publication (its text, components and time kept): what a
    /// correction becomes when it merges into a subscriber's notice of the first publication still queued, since that
    /// subscriber never read the text it corrects. Content that is not a correction is returned as it is.
    /// </summary>
    public static NotificationContent AsFirstPublication(NotificationContent correction)
    {
        ArgumentNullException.ThrowIfNull(correction);
        if (correction is not { Kind: NotificationKind.StatusIncidentPostmortem, PostmortemUpdated: true })
        {
            return correction;
        }

        var texts = NoticeTexts.For(correction.Language);
        var prefix = $"[{correction.PageName}] {Headline(updated: true, texts)}: ";
        return correction with
        {
            PostmortemUpdated = false,
            Subject = correction.Subject.StartsWith(prefix, StringComparison.Ordinal)
                ? Subject(correction.PageName, correction.Subject[prefix.Length..], updated: false, texts)
                : correction.Subject,
        };
    }

    /// <summary>The line that follows a cut postmortem in English (<see cref="NoticeTexts.PostmortemContinued"/>).</summary>
    public const string ContinuedLine = "The full postmortem is on the incident's page.";

    /// <summary>The notice's body for <paramref name="postmortem"/> and the components the incident affects, in <paramref name="texts"/> (English by default).</summary>
    public static string Body(string postmortem, IReadOnlyList<NotificationComponent> affected, NoticeTexts? texts = null)
    {
        ArgumentNullException.ThrowIfNull(postmortem);
        var body = Excerpt(postmortem, texts);
        return AffectedComponents.Paragraph(affected, texts) is { } paragraph ? $"{body}\n\n{paragraph}" : body;
    }

    /// <summary>
    /// <paramref name="postmortem"/> when it is at most <see cref="MaxExcerptLength"/> characters; else its beginning up
    /// to the last white space within that length (or exactly that length when a word runs over more than half of it),
    /// then "…" and <see cref="ContinuedLine"/> (in <paramref name="texts"/>, English by default) in a paragraph of its own.
    /// </summary>
    public static string Excerpt(string postmortem, NoticeTexts? texts = null)
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

        return $"{postmortem.AsSpan(0, cut).TrimEnd()}\u2026\n\n{(texts ?? NoticeTexts.English).PostmortemContinued}";
    }
}
