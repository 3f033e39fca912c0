using System.Collections.Frozen;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace StatusKit.Notifications.Http;

/// <summary>
/// One HTTP delivery attempt with a timeout, and the mapping of its outcome to a <see cref="NotificationResult"/> shared
/// by the webhook, Slack, Teams and Discord notifiers: 2xx delivered; 410 gone (and 404 for a receiver that answers it
/// for a destination deleted, as Discord does for a deleted webhook; and a 4xx whose error body says so, as Twilio's
/// error codes do for the SMS notifier); 408, 429, 5xx, network errors and timeouts retry
/// (with the receiver's Retry-After header, or else the <c>retry_after</c> seconds of its JSON body); 3xx permanent
/// (redirects are not followed); other 4xx permanent; a connection the <see cref="WebhookAddressGuard"/> refused
/// permanent. Every failure is the destination's
/// (<see cref="NotificationResult.IsDestinationFailure"/>): the subscriber's endpoint answered it, or could not be reached.
/// The SMS notifier sends through it too, to the host's provider (Twilio) rather than the subscriber's endpoint, so it
/// marks every failure but a gone number as the sending side's (<see cref="Sms.SmsNotifier"/>).
/// </summary>
internal static class HttpDelivery
{
    private const int MaxErrorBodyBytes = 512;
    private const int MaxErrorBodyChars = 200;

    /// <summary>A POST of UTF-8 JSON <paramref name="body"/> to <paramref name="destination"/> with <paramref name="userAgent"/>.</summary>
    public static HttpRequestMessage JsonPost(Uri destination, byte[] body, string userAgent)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, destination) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        return request;
    }

    /// <summary>
    /// The statuses that mean a destination is gone for good (<see cref="NotificationResultKind.Gone"/>) when the
    /// receiver says nothing more precise: only 410 Gone. A channel whose service says it with other statuses passes its
    /// own set (Discord's: <see cref="Discord.DiscordNotifier"/>).
    /// </summary>
    public static readonly FrozenSet<HttpStatusCode> GoneStatuses = [HttpStatusCode.Gone];

    /// <summary>
    /// Sends <paramref name="request"/> (and disposes it) and maps the outcome; a status in <paramref name="goneStatuses"/>
    /// (default <see cref="GoneStatuses"/>) is <see cref="NotificationResultKind.Gone"/>, and so is a 4xx that would be
    /// permanent whose error body <paramref name="goneBody"/> says is gone (Twilio says it by an error code in a 400).
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<HttpDeliveryOutcome> SendAsync(
        HttpClient client,
        HttpRequestMessage request,
        TimeSpan timeout,
        TimeProvider timeProvider,
        CancellationToken cancellationToken,
        FrozenSet<HttpStatusCode>? goneStatuses = null,
        Func<string, bool>? goneBody = null)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        var started = timeProvider.GetTimestamp();
        try
        {
            using (request)
            using (var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token))
            {
                var result = await MapAsync(response, timeProvider, linked.Token, goneStatuses, goneBody);
                return new HttpDeliveryOutcome(result, (int)response.StatusCode, timeProvider.GetElapsedTime(started));
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && timeoutSource.IsCancellationRequested)
        {
            return new HttpDeliveryOutcome(
                NotificationResult.Retry($"The receiver did not answer within {timeout.TotalSeconds:0.###} s.").AtDestination(),
                null,
                timeProvider.GetElapsedTime(started));
        }
        catch (HttpRequestException ex) when (FindRefusal(ex) is { } refusal)
        {
            return new HttpDeliveryOutcome(NotificationResult.Permanent(refusal.Message).AtDestination(), null, timeProvider.GetElapsedTime(started));
        }
        catch (HttpRequestException ex)
        {
            var reason = ex.HttpRequestError == HttpRequestError.Unknown ? ex.Message : $"{ex.HttpRequestError}: {ex.Message}";
            return new HttpDeliveryOutcome(
                NotificationResult.Retry($"The request failed ({reason}).").AtDestination(),
                null,
                timeProvider.GetElapsedTime(started));
        }
    }

    /// <summary>
    /// Maps a response to a result: 2xx delivered, a status in <paramref name="goneStatuses"/> (default
    /// <see cref="GoneStatuses"/>) gone, 408, 429 and 5xx retried, a 4xx whose error body <paramref name="goneBody"/>
    /// says is gone gone, any other permanent.
    /// </summary>
    internal static async Task<NotificationResult> MapAsync(
        HttpResponseMessage response,
        TimeProvider timeProvider,
        CancellationToken cancellationToken,
        FrozenSet<HttpStatusCode>? goneStatuses = null,
        Func<string, bool>? goneBody = null)
    {
        var code = (int)response.StatusCode;
        if (code is >= 200 and <= 299)
        {
            return NotificationResult.Delivered;
        }

        var status = $"HTTP {code} {response.ReasonPhrase}".TrimEnd();
        if (code is >= 300 and <= 399)
        {
            var location = response.Headers.Location is { } l ? $" to {l}" : string.Empty;
            return NotificationResult.Permanent($"The receiver answered {status}{location}; redirects are not followed.").AtDestination();
        }

        var body = await ReadErrorBodyAsync(response, cancellationToken);
        var detail = Sanitize(body);
        var message = detail.Length == 0 ? $"The receiver answered {status}." : $"The receiver answered {status}: {detail}.";
        return code switch
        {
            _ when (goneStatuses ?? GoneStatuses).Contains(response.StatusCode) => NotificationResult.Gone(message),
            (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests or >= 500 =>
                NotificationResult.Retry(message, RetryAfter(response, timeProvider) ?? RetryAfterInBody(body)).AtDestination(),
            >= 400 and <= 499 when goneBody is not null && goneBody(body) => NotificationResult.Gone(message),
            _ => NotificationResult.Permanent(message).AtDestination(),
        };
    }

    /// <summary>The receiver's Retry-After (seconds or HTTP date), never negative; null when absent.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider timeProvider)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>
    /// The <c>retry_after</c> seconds (fractions allowed) of a JSON error body, as Discord and other APIs send it beside
    /// or instead of the Retry-After header; null when the body has none (or is no JSON object).
    /// </summary>
    internal static TimeSpan? RetryAfterInBody(string body)
    {
        if (!body.Contains("retry_after", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("retry_after", out var value)
                && value.ValueKind == JsonValueKind.Number
                && value.TryGetDouble(out var seconds)
                && double.IsFinite(seconds)
                && seconds < TimeSpan.MaxValue.TotalSeconds
                ? TimeSpan.FromSeconds(Math.Max(0, seconds))
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static StatusKitValidationException? FindRefusal(Exception exception)
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            if (e is StatusKitValidationException refusal)
            {
                return refusal;
            }
        }

        return null;
    }

    /// <summary>The beginning (at most <see cref="MaxErrorBodyBytes"/>) of the response's body, as text; empty when unreadable.</summary>
    private static async Task<string> ReadErrorBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[MaxErrorBodyBytes];
            var read = 0;
            int n;
            while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
            {
                read += n;
            }

            return Encoding.UTF8.GetString(buffer, 0, read);
        }
        catch (HttpRequestException)
        {
            return string.Empty;
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    private static string Sanitize(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxErrorBodyChars));
        foreach (var c in text)
        {
            if (builder.Length == MaxErrorBodyChars)
            {
                break;
            }

            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString().Trim();
    }
}
