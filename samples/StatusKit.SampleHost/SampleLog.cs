namespace StatusKit.SampleHost;

/// <summary>The sample's log events.</summary>
internal static partial class SampleLog
{
    [LoggerMessage(1, LogLevel.Information, "Status page: {Url}/status/demo  ·  simulator: {Url}/sample/simulate  ·  OpenAPI: {Url}/openapi/v1.json")]
    public static partial void Started(ILogger logger, string url);

    [LoggerMessage(2, LogLevel.Warning, "Generated admin API key (send it as X-Api-Key; kept in {Directory}): {Key}")]
    public static partial void GeneratedApiKey(ILogger logger, string directory, string key);

    [LoggerMessage(3, LogLevel.Warning, "Private page: {Url}/status/internal?access_token={Token} (shown once)")]
    public static partial void PrivatePage(ILogger logger, string url, string token);

    [LoggerMessage(4, LogLevel.Information, "Webhook received ({WebhookId}): {Body}")]
    public static partial void WebhookReceived(ILogger logger, string webhookId, string body);
}
