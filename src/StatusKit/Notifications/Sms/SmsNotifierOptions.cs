namespace StatusKit.Notifications.Sms;

/// <summary>Options of the <see cref="SmsNotifier"/>: the Twilio account it sends from. Validated at start-up.</summary>
public sealed class SmsNotifierOptions
{
    /// <summary>The default <see cref="BaseAddress"/>: Twilio's REST API.</summary>
    public static readonly Uri TwilioApiBaseAddress = new("https://api.twilio.com/");

    /// <summary>
    /// The Twilio account's SID (<c>AC</c> and 32 hexadecimal digits), named in the Messages URL and the user name of
    /// the Basic authentication. Default: none, must be set.
    /// </summary>
    public string AccountSid { get; set; } = string.Empty;

    /// <summary>
    /// The account's auth token, the password of the Basic authentication. A secret: keep it out of source control (user
    /// secrets, environment variables, a vault); StatusKit never logs it or shows it in a validation message. Default:
    /// none, must be set.
    /// </summary>
    public string AuthToken { get; set; } = string.Empty;

    /// <summary>
    /// The Twilio phone number messages are sent from, in E.164 form (<c>+14155550123</c>; the form only is checked, not
    /// the number's country, as a new subscriber's is: Twilio knows its own numbers). Set this or
    /// <see cref="MessagingServiceSid"/>, not both. Default: none.
    /// </summary>
    public string? From { get; set; }

    /// <summary>
    /// The SID of a Twilio Messaging Service (<c>MG</c> and 32 hexadecimal digits) that picks the sender (its number
    /// pool, short code or alphanumeric sender ID) and handles opt-outs. Set this or <see cref="From"/>, not both.
    /// Default: none.
    /// </summary>
    public string? MessagingServiceSid { get; set; }

    /// <summary>
    /// The base address of the API, to which <c>2010-04-01/Accounts/{AccountSid}/Messages.json</c> is appended: an
    /// absolute https URL (http only for a loopback test double). Default: <c>https://api.twilio.com/</c>.
    /// </summary>
    public Uri BaseAddress { get; set; } = TwilioApiBaseAddress;

    /// <summary>How long one attempt may take, from sending the request to reading the response headers. Default: 15 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The User-Agent header sent with every request. Default: <c>StatusKit-Sms/1.0</c>.</summary>
    public string UserAgent { get; set; } = "StatusKit-Sms/1.0";

    /// <summary>
    /// The line that ends a confirmation request, the first message a number gets, telling how to stop the messages.
    /// Twilio stops sending to a number that replies STOP (on long codes, toll-free numbers and Messaging Services with
    /// opt-out handling), and StatusKit then deactivates that subscriber at its next notice (Twilio's error 21610). Empty
    /// leaves it out, for a sender that takes no replies (an alphanumeric sender ID). Default: <c>Reply STOP to unsubscribe.</c>,
    /// which is written in the notice's language (<c>Antworten Sie STOP, um abzubestellen.</c> on a German page, the
    /// keyword STOP kept); a text of the host's own is sent as written on every page.
    /// </summary>
    public string OptOutText { get; set; } = "Reply STOP to unsubscribe.";
}
