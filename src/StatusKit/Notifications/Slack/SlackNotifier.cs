using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Notifications.Http;

namespace StatusKit.Notifications.Slack;

/// <summary>
/// Posts notifications as Block Kit messages to the subscriber's Slack incoming-webhook URL. One attempt per call; the
/// dispatcher retries. The same result mapping and address guard as the <see cref="Webhooks.WebhookNotifier"/> apply.
/// </summary>
public sealed class SlackNotifier : INotifier
{
    /// <summary>The name of the <see cref="HttpClient"/> this notifier asks <see cref="IHttpClientFactory"/> for.</summary>
    public const string HttpClientName = "StatusKit.Slack";

    private readonly SlackNotifierOptions _options;
    private readonly ChatPoster _poster;

    /// <summary>Creates the notifier.</summary>
    /// <param name="httpClientFactory">
    /// Supplies the client named <see cref="HttpClientName"/>, whose primary handler must be
    /// <see cref="WebhookAddressGuard.CreateHandler"/>.
    /// </param>
    /// <param name="guard">Checks the destination's shape before sending.</param>
    /// <param name="options">The options.</param>
    /// <param name="timeProvider">The clock of the timeout and of Retry-After dates.</param>
    /// <param name="logger">The logger.</param>
    public SlackNotifier(
        IHttpClientFactory httpClientFactory,
        WebhookAddressGuard guard,
        IOptions<SlackNotifierOptions> options,
        TimeProvider timeProvider,
        ILogger<SlackNotifier> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(guard);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        _poster = new ChatPoster(httpClientFactory, HttpClientName, guard, timeProvider, logger, Log.Events);
    }

    /// <inheritdoc />
    public SubscriberChannel Channel => SubscriberChannel.Slack;

    /// <inheritdoc />
    public Task<NotificationResult> SendAsync(NotificationMessage message, CancellationToken cancellationToken) =>
        _poster.SendAsync(message, Render, _options.UserAgent, _options.Timeout, cancellationToken);

    private byte[] Render(NotificationMessage message) =>
        JsonSerializer.SerializeToUtf8Bytes(
            SlackMessageBuilder.Build(message.Content, _options.LinkText, message.UnsubscribeUrl, message.ManageUrl), SlackJsonContext.Default.SlackPayload);
}
