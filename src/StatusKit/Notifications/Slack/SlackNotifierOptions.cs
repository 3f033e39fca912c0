namespace StatusKit.Notifications.Slack;

/// <summary>Options of the <see cref="SlackNotifier"/>.</summary>
public sealed class SlackNotifierOptions
{
    /// <summary>How long one delivery attempt may take, from sending the request to reading the response headers. Default: 15 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The User-Agent header sent with every delivery. Default: <c>StatusKit-Slack/1.0</c>.</summary>
    public string UserAgent { get; set; } = "StatusKit-Slack/1.0";

    /// <summary>
    /// The label of the link to the page under each message (a confirmation request's link is labelled
    /// <c>Confirm your subscription</c> instead). Default: <c>View status page</c>.
    /// Left at the default, the label is in the notice's language (<c>Statusseite öffnen</c> on a German page); a text
    /// of the host's own is shown as written on every page.
    /// </summary>
    public string LinkText { get; set; } = "View status page";
}
