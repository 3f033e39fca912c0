using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Notifications.Http;

namespace StatusKit.Notifications.Teams;

/// <summary>
/// Posts notifications as Adaptive Cards to the subscriber's Microsoft Teams workflow URL (the "When a Teams webhook
/// request is received" trigger, which posts the card to a channel or chat). One attempt per call; the dispatcher
/// retries. The same result mapping and address guard as the <see cref="Slack.SlackNotifier"/> and
/// <see cref="Webhooks.WebhookNotifier"/> apply: any 2xx (a workflow answers 202 Accepted) is delivered.
/// </summary>
public sealed class TeamsNotifier : INotifier
{
    /// <summary>The name of the <see cref="HttpClient"/> this notifier asks <see cref="IHttpClientFactory"/> for.</summary>
    public const string HttpClientName = "StatusKit.Teams";

    private readonly TeamsNotifierOptions _options;
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
    public TeamsNotifier(
        IHttpClientFactory httpClientFactory,
        WebhookAddressGuard guard,
        IOptions<TeamsNotifierOptions> options,
        TimeProvider timeProvider,
        ILogger<TeamsNotifier> logger)
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
    public SubscriberChannel Channel => SubscriberChannel.Teams;

    /// <inheritdoc />
    public Task<NotificationResult> SendAsync(NotificationMessage message, CancellationToken cancellationToken) =>
        _poster.SendAsync(message, Render, _options.UserAgent, _options.Timeout, cancellationToken);

    private byte[] Render(NotificationMessage message) =>
        JsonSerializer.SerializeToUtf8Bytes(
            TeamsCardBuilder.Build(message.Content, _options.LinkText, message.UnsubscribeUrl, message.ManageUrl), TeamsJsonContext.Default.TeamsPayload);
}
