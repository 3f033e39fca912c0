using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Notifications.Http;
using StatusKit.Status;

namespace StatusKit.Notifications.Webhooks;

/// <summary>
/// Delivers notifications as signed JSON POSTs (Standard Webhooks: <c>webhook-id</c>, <c>webhook-timestamp</c>,
/// <c>webhook-signature</c>) to the subscriber's URL. One attempt per call; the dispatcher retries.
/// </summary>
public sealed class WebhookNotifier : INotifier
{
    /// <summary>The name of the <see cref="HttpClient"/> this notifier asks <see cref="IHttpClientFactory"/> for.</summary>
    public const string HttpClientName = "StatusKit.Webhooks";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly WebhookAddressGuard _guard;
    private readonly WebhookNotifierOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<WebhookNotifier> _logger;

    /// <summary>Creates the notifier.</summary>
    /// <param name="httpClientFactory">
    /// Supplies the client named <see cref="HttpClientName"/>, whose primary handler must be
    /// <see cref="WebhookAddressGuard.CreateHandler"/>.
    /// </param>
    /// <param name="guard">Checks the destination's shape before sending.</param>
    /// <param name="options">The options.</param>
    /// <param name="timeProvider">The clock of the <c>webhook-timestamp</c> header and the timeout.</param>
    /// <param name="logger">The logger.</param>
    public WebhookNotifier(
        IHttpClientFactory httpClientFactory,
        WebhookAddressGuard guard,
        IOptions<WebhookNotifierOptions> options,
        TimeProvider timeProvider,
        ILogger<WebhookNotifier> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(guard);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _httpClientFactory = httpClientFactory;
        _guard = guard;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <inheritdoc />
    public SubscriberChannel Channel => SubscriberChannel.Webhook;

    /// <inheritdoc />
    public async Task<NotificationResult> SendAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        var subscriber = message.Subscriber;

        Uri.TryCreate(subscriber.Destination, UriKind.Absolute, out var destination);
        if (_guard.CheckUri(destination) is { } uriError)
        {
            // The subscriber's URL: its side.
            return Unusable(message, NotificationResult.Permanent(uriError).AtDestination());
        }

        if (!WebhookSignature.IsValidSecret(subscriber.SigningSecret))
        {
            // StatusKit generates every secret, so a stored one that does not decode is the host's data to repair.
            return Unusable(message, NotificationResult.Permanent(
                $"The subscriber has no valid signing secret (base64 of {WebhookSignature.MinSecretBytes}-{WebhookSignature.MaxSecretBytes} bytes)."));
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(CreatePayload(message), WebhookJsonContext.Default.WebhookPayload);
        var id = message.NotificationId.ToString();
        var now = _timeProvider.GetUtcNow();
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = WebhookSignature.Compute(subscriber.SigningSecret!, id, timestamp, body);
        if (now < subscriber.PreviousSigningSecretExpiresAt && WebhookSignature.IsValidSecret(subscriber.PreviousSigningSecret))
        {
            // A rotation's overlap: Standard Webhooks' space-separated signatures, so a receiver that has not switched
            // to the new secret yet still verifies the delivery with the old one.
            signature += " " + WebhookSignature.Compute(subscriber.PreviousSigningSecret!, id, timestamp, body);
        }

        var request = HttpDelivery.JsonPost(destination!, body, _options.UserAgent);
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp);
        request.Headers.Add("webhook-signature", signature);

        var client = _httpClientFactory.CreateClient(HttpClientName);
        var outcome = await HttpDelivery.SendAsync(client, request, _options.Timeout, _timeProvider, cancellationToken);
        var host = destination!.Host;
        if (outcome.Result.Kind == NotificationResultKind.Delivered)
        {
            Log.Delivered(_logger, message.NotificationId, subscriber.Id, host, outcome.StatusCode, (long)outcome.Elapsed.TotalMilliseconds);
        }
        else
        {
            Log.Failed(_logger, message.NotificationId, subscriber.Id, host, outcome.Result.Kind, message.Attempt, outcome.Result.Error);
        }

        return outcome.Result;
    }

    private NotificationResult Unusable(NotificationMessage message, NotificationResult result)
    {
        Log.Unusable(_logger, message.NotificationId, message.Subscriber.Id, result.Error!);
        return result;
    }

    private static WebhookMaintenancePayload? MaintenanceOf(NotificationContent content) =>
        content.OccurrenceStartsAt is null && content.OccurrenceEndsAt is null
            ? null
            : new WebhookMaintenancePayload(
                content.OccurrenceStartsAt?.ToUniversalTime(),
                content.OccurrenceEndsAt?.ToUniversalTime(),
                content.PreviousOccurrenceStartsAt?.ToUniversalTime(),
                content.PreviousOccurrenceEndsAt?.ToUniversalTime(),
                content.NextOccurrenceStartsAt?.ToUniversalTime(),
                content.NextOccurrenceEndsAt?.ToUniversalTime());

    private static WebhookPayload CreatePayload(NotificationMessage message)
    {
        var content = message.Content;
        var component = content.ComponentId is null && content.ComponentName is null && content.NewStatus is null
            ? null
            : new WebhookComponentPayload(
                content.ComponentId,
                content.ComponentName,
                content.OldStatus?.ToApiName(),
                content.NewStatus?.ToApiName());
        return new WebhookPayload(
            message.NotificationId,
            WebhookEventNames.TypeOf(content.Kind),
            WebhookEventNames.EventOf(content.Event),
            content.OccurredAt.ToUniversalTime(),
            new WebhookPagePayload(message.Subscriber.PageId, content.PageName, content.PageSlug),
            component,
            [.. content.AffectedComponents.Select(static c => new WebhookAffectedComponentPayload(c.Id, c.Name))],
            content.StatusIncidentId,
            content.MaintenanceWindowId,
            MaintenanceOf(content),
            content.Subject,
            content.Body,
            content.Link,
            new WebhookMetaPayload(message.UnsubscribeUrl?.AbsoluteUri, message.ManageUrl?.AbsoluteUri));
    }
}
