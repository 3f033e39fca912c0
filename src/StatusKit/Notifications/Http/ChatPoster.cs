using System.Collections.Frozen;
using System.Net;
using Microsoft.Extensions.Logging;

namespace StatusKit.Notifications.Http;

/// <summary>
/// One attempt at posting a chat message (Slack's Block Kit, a Teams card, a Discord embed) as JSON to the subscriber's incoming-webhook
/// URL: the URL's shape checked by the <see cref="WebhookAddressGuard"/>, the post made through the notifier's named
/// client with the shared result mapping (<see cref="HttpDelivery"/>), and the outcome logged with the notifier's own
/// events (<see cref="ChatPostLog"/>). The chat notifiers differ only in the message they render, and in the statuses
/// that mean their destination is gone for good (<paramref name="goneStatuses"/>, default
/// <see cref="HttpDelivery.GoneStatuses"/>: Discord adds its answers for a deleted webhook and a revoked token).
/// </summary>
internal sealed class ChatPoster(
    IHttpClientFactory httpClientFactory,
    string httpClientName,
    WebhookAddressGuard guard,
    TimeProvider timeProvider,
    ILogger logger,
    ChatPostLog log,
    FrozenSet<HttpStatusCode>? goneStatuses = null)
{
    /// <summary>Posts the bytes <paramref name="render"/> makes of <paramref name="message"/>.</summary>
    public async Task<NotificationResult> SendAsync(
        NotificationMessage message, Func<NotificationMessage, byte[]> render, string userAgent, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        var subscriber = message.Subscriber;

        Uri.TryCreate(subscriber.Destination, UriKind.Absolute, out var destination);
        if (guard.CheckUri(destination) is { } uriError)
        {
            log.Unusable(logger, message.NotificationId, subscriber.Id, uriError);
            return NotificationResult.Permanent(uriError).AtDestination();
        }

        var request = HttpDelivery.JsonPost(destination!, render(message), userAgent);
        var client = httpClientFactory.CreateClient(httpClientName);
        var outcome = await HttpDelivery.SendAsync(client, request, timeout, timeProvider, cancellationToken, goneStatuses);
        if (outcome.Result.Kind == NotificationResultKind.Delivered)
        {
            log.Delivered(logger, message.NotificationId, subscriber.Id, outcome.StatusCode, (long)outcome.Elapsed.TotalMilliseconds);
        }
        else
        {
            log.Failed(logger, message.NotificationId, subscriber.Id, outcome.Result.Kind, message.Attempt, outcome.Result.Error);
        }

        return outcome.Result;
    }
}
