namespace StatusKit.Notifications.Webhooks;

/// <summary>Options of the <see cref="WebhookNotifier"/>.</summary>
public sealed class WebhookNotifierOptions
{
    /// <summary>How long one delivery attempt may take, from sending the request to reading the response headers. Default: 15 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The User-Agent header sent with every delivery. Default: <c>StatusKit-Webhooks/1.0</c>.</summary>
    public string UserAgent { get; set; } = "StatusKit-Webhooks/1.0";
}
