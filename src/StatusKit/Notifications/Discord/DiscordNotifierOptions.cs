namespace StatusKit.Notifications.Discord;

/// <summary>Options of the <see cref="DiscordNotifier"/>.</summary>
public sealed class DiscordNotifierOptions
{
    /// <summary>How long one delivery attempt may take, from sending the request to reading the response headers. Default: 15 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The User-Agent header sent with every delivery. Default: <c>StatusKit-Discord/1.0</c>.</summary>
    public string UserAgent { get; set; } = "StatusKit-Discord/1.0";

    /// <summary>
    /// The label of the message's link to the page (a confirmation request's link is labelled
    /// <c>Confirm your subscription</c> instead). Default: <c>View status page</c>.
    /// Left at the default, the label is in the notice's language (<c>Statusseite öffnen</c> on a German page); a text
    /// of the host's own is shown as written on every page.
    /// </summary>
    public string LinkText { get; set; } = "View status page";

    /// <summary>
    /// The name the messages are posted under, in place of the webhook's own: at most 80 characters, and (as Discord
    /// refuses them) without "discord" or "clyde" in it. Default: null, the name the channel's admin gave the webhook.
    /// </summary>
    public string? Username { get; set; }

    /// <summary>
    /// The picture the messages are posted with, in place of the webhook's own: an absolute <c>https</c> URL of an image
    /// Discord fetches itself. Default: null, the webhook's own picture.
    /// </summary>
    public Uri? AvatarUrl { get; set; }
}
