namespace StatusKit.Notifications.Http;

/// <summary>
/// What the chat messages (Slack, Teams, Discord) share: which links they show (web links only; a confirmation
/// request's own link), and cutting a text to a length with an ellipsis. The labels of their links are in the notice's
/// language (<see cref="Texts.NoticeTexts"/>).
/// </summary>
internal static class ChatMessageParts
{
    /// <summary>
    /// The link of a confirmation request, when it has one: its body (written for every channel) names the link too, so
    /// a chat message says the request in its own words and gives the link once, labelled as the confirmation it is.
    /// Without a link (no public address: the body gives the code) the body is shown.
    /// </summary>
    public static string? ConfirmationLink(NotificationContent content) =>
        content.Kind == NotificationKind.SubscriptionVerification && IsWebLink(content.Link) ? content.Link : null;

    /// <summary>Whether <paramref name="link"/> is an absolute http(s) address (the only links a message shows).</summary>
    public static bool IsWebLink(string? link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>
    /// <paramref name="text"/> when it has at most <paramref name="max"/> characters, else its beginning and an ellipsis
    /// in <paramref name="max"/> characters, never splitting a surrogate pair.
    /// </summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var length = max - 1;
        if (length > 0 && char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        return string.Concat(text.AsSpan(0, length), "\u2026");
    }
}
