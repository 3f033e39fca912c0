using System.Collections.Frozen;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Notifications.Http;

namespace StatusKit.Notifications.Sms;

/// <summary>
/// Sends notifications as one short text message (<see cref="SmsTextBuilder"/>) through Twilio's Messages API: a form
/// POST of <c>To</c>, <c>From</c> (or <c>MessagingServiceSid</c>) and <c>Body</c> to
/// <c>{BaseAddress}/2010-04-01/Accounts/{AccountSid}/Messages.json</c> with Basic authentication. One attempt per call;
/// the dispatcher retries. A 2xx is delivered (accepted by Twilio); a 429 or 5xx is retried after Twilio's
/// Retry-After; a 400 whose error <c>code</c> says the number is gone is <see cref="NotificationResultKind.Gone"/> and
/// deactivates the subscriber: 21610 (the recipient replied STOP), 21211 (no valid phone number) and 21614 (no mobile
/// number). Every other failure is the sending side's (Twilio, the account, its configuration), never counted against
/// the subscriber. Errors and logs show a number only by its last digits, and never the auth token.
/// </summary>
public sealed class SmsNotifier : INotifier
{
    /// <summary>The name of the <see cref="HttpClient"/> this notifier asks <see cref="IHttpClientFactory"/> for.</summary>
    public const string HttpClientName = "StatusKit.Sms";

    /// <summary>Twilio's error codes that mean the number will never take a message from this sender: 21610, 21211, 21614.</summary>
    private static readonly FrozenSet<int> GoneCodes = [21610, 21211, 21614];

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly SmsNotifierOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SmsNotifier> _logger;
    private readonly Uri _messages;
    private readonly AuthenticationHeaderValue _authorization;

    /// <summary>Creates the notifier.</summary>
    /// <param name="httpClientFactory">Supplies the client named <see cref="HttpClientName"/>.</param>
    /// <param name="options">The Twilio account and sender.</param>
    /// <param name="timeProvider">The clock of the timeout and of Retry-After dates.</param>
    /// <param name="logger">The logger.</param>
    public SmsNotifier(IHttpClientFactory httpClientFactory, IOptions<SmsNotifierOptions> options, TimeProvider timeProvider, ILogger<SmsNotifier> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _httpClientFactory = httpClientFactory;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        var baseAddress = _options.BaseAddress.AbsoluteUri.EndsWith('/') ? _options.BaseAddress : new Uri(_options.BaseAddress.AbsoluteUri + "/");
        _messages = new Uri(baseAddress, $"2010-04-01/Accounts/{Uri.EscapeDataString(_options.AccountSid)}/Messages.json");
        _authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_options.AccountSid}:{_options.AuthToken}")));
    }

    /// <inheritdoc />
    public SubscriberChannel Channel => SubscriberChannel.Sms;

    /// <inheritdoc />
    public async Task<NotificationResult> SendAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        var subscriber = message.Subscriber;
        // Held to the stored form only: a number taken before numbers were checked per country is still sent to.
        if (!PhoneNumber.IsStoredForm(subscriber.Destination))
        {
            const string Reason = "The subscriber's destination is not a phone number in E.164 form.";
            Log.Unusable(_logger, message.NotificationId, subscriber.Id, Reason);
            return NotificationResult.Permanent(Reason).AtDestination();
        }

        var to = subscriber.Destination;

        var text = SmsTextBuilder.Build(message.Content, _options.OptOutText);
        var fields = new List<KeyValuePair<string, string>>(3)
        {
            new("To", to),
            string.IsNullOrWhiteSpace(_options.MessagingServiceSid) ? new("From", _options.From!) : new("MessagingServiceSid", _options.MessagingServiceSid),
            new("Body", text),
        };
        var request = new HttpRequestMessage(HttpMethod.Post, _messages) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Authorization = _authorization;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);

        var client = _httpClientFactory.CreateClient(HttpClientName);
        var outcome = await HttpDelivery.SendAsync(client, request, _options.Timeout, _timeProvider, cancellationToken, goneBody: IsGone);
        var masked = PhoneNumber.Mask(to);
        if (outcome.Result.Kind == NotificationResultKind.Delivered)
        {
            var segments = SmsSegments.Count(text);
            Log.Delivered(_logger, message.NotificationId, subscriber.Id, masked, segments, outcome.StatusCode, (long)outcome.Elapsed.TotalMilliseconds);
            return outcome.Result;
        }

        var result = Redacted(outcome.Result, to, masked);
        Log.Failed(_logger, message.NotificationId, subscriber.Id, masked, result.Kind, message.Attempt, result.Error);
        return result;
    }

    /// <summary>Whether Twilio's error body (<c>{"code": 21610, "message": …}</c>) names a code of <see cref="GoneCodes"/>.</summary>
    internal static bool IsGone(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("code", out var code)
                && code.ValueKind == JsonValueKind.Number
                && code.TryGetInt32(out var value)
                && GoneCodes.Contains(value);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// The failure with the number (Twilio's messages quote it) shown by its last digits only, and counted against the
    /// subscriber only when the number is gone: a Twilio outage, a rate limit or a wrong credential is the host's.
    /// </summary>
    private static NotificationResult Redacted(NotificationResult result, string number, string masked)
    {
        var error = (result.Error ?? string.Empty)
            .Replace(number, masked, StringComparison.Ordinal)
            .Replace(number[1..], masked, StringComparison.Ordinal);
        return result.Kind switch
        {
            NotificationResultKind.Gone => NotificationResult.Gone(error),
            NotificationResultKind.Retry => NotificationResult.Retry(error, result.RetryAfter),
            _ => NotificationResult.Permanent(error),
        };
    }
}
