using System.Collections.Frozen;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Notifications.Http;

namespace StatusKit.Notifications.Discord;

/// <summary>
/// Posts notifications as one embed to the subscriber's Discord webhook URL (Execute Webhook), never letting the message
/// mention anyone. One attempt per call; the dispatcher retries. The result mapping and address guard of the
/// <see cref="Slack.SlackNotifier"/> and <see cref="Teams.TeamsNotifier"/> apply (204, or any 2xx, delivered; 429 and 5xx
/// retried after the receiver's Retry-After or its body's <c>retry_after</c>; other 4xx permanent), and besides 410 a 404
/// and a 401 are <see cref="NotificationResultKind.Gone"/>: Discord's answers for a deleted
/// webhook and for a webhook whose token was regenerated or is wrong, a URL that will never work again either.
/// </summary>
public sealed class DiscordNotifier : INotifier
{
    /// <summary>The name of the <see cref="HttpClient"/> this notifier asks <see cref="IHttpClientFactory"/> for.</summary>
    public const string HttpClientName = "StatusKit.Discord";

    /// <summary>
    /// The statuses by which Discord says the webhook URL is gone for good: 410, 404 ("Unknown Webhook", JSON error code
    /// 10015: the webhook was deleted) and 401 ("Invalid Webhook Token", code 50027: its token was regenerated, or the URL
    /// was never right). The subscriber is deactivated as its destination gone instead of failing every notice.
    /// </summary>
    private static readonly FrozenSet<HttpStatusCode> GoneStatuses = [HttpStatusCode.Gone, HttpStatusCode.NotFound, HttpStatusCode.Unauthorized];

    private readonly DiscordNotifierOptions _options;
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
    public DiscordNotifier(
        IHttpClientFactory httpClientFactory,
        WebhookAddressGuard guard,
        IOptions<DiscordNotifierOptions> options,
        TimeProvider timeProvider,
        ILogger<DiscordNotifier> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(guard);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        _poster = new ChatPoster(httpClientFactory, HttpClientName, guard, timeProvider, logger, Log.Events, GoneStatuses);
    }

    /// <inheritdoc />
    public SubscriberChannel Channel => SubscriberChannel.Discord;

    /// <inheritdoc />
    public Task<NotificationResult> SendAsync(NotificationMessage message, CancellationToken cancellationToken) =>
        _poster.SendAsync(message, Render, _options.UserAgent, _options.Timeout, cancellationToken);

    private byte[] Render(NotificationMessage message) =>
        JsonSerializer.SerializeToUtf8Bytes(
            DiscordEmbedBuilder.Build(message.Content, _options.LinkText, message.UnsubscribeUrl, message.ManageUrl) with
            {
                Username = _options.Username,
                AvatarUrl = _options.AvatarUrl?.AbsoluteUri,
            },
            DiscordJsonContext.Default.DiscordPayload);
}
