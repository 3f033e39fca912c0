using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace StatusKit.Notifications.Sms;

/// <summary>Validates <see cref="SmsNotifierOptions"/>, reporting every failure at once (never showing the auth token).</summary>
internal sealed partial class SmsNotifierOptionsValidator : IValidateOptions<SmsNotifierOptions>
{
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, SmsNotifierOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!Sid("AC").IsMatch(options.AccountSid ?? string.Empty))
        {
            failures.Add($"AccountSid must be a Twilio account SID (AC and 32 hexadecimal digits); it is '{options.AccountSid}'.");
        }

        if (string.IsNullOrWhiteSpace(options.AuthToken))
        {
            failures.Add("AuthToken must be set to the Twilio account's auth token (the value is not shown).");
        }

        var hasFrom = !string.IsNullOrWhiteSpace(options.From);
        var hasService = !string.IsNullOrWhiteSpace(options.MessagingServiceSid);
        if (hasFrom == hasService)
        {
            failures.Add(hasFrom
                ? "From and MessagingServiceSid are both set; set one: the sender's number, or the Messaging Service that picks it."
                : "From or MessagingServiceSid must be set: the Twilio number to send from (+14155550123), or a Messaging Service SID (MG...).");
        }

        // The form only (as a stored subscriber's number): Twilio knows its own numbers, and a sender a host started with
        // must not stop it starting when libphonenumber's metadata lags a newly given out range.
        if (hasFrom && !PhoneNumber.IsStoredForm(options.From))
        {
            failures.Add($"From must be a phone number in E.164 form such as '+14155550123'; it is '{options.From}'.");
        }

        if (hasService && !Sid("MG").IsMatch(options.MessagingServiceSid!))
        {
            failures.Add($"MessagingServiceSid must be a Twilio Messaging Service SID (MG and 32 hexadecimal digits); it is '{options.MessagingServiceSid}'.");
        }

        if (options.BaseAddress is not { IsAbsoluteUri: true } address
            || !(address.Scheme == Uri.UriSchemeHttps || (address.Scheme == Uri.UriSchemeHttp && IsLoopback(address)))
            || !string.IsNullOrEmpty(address.UserInfo) || !string.IsNullOrEmpty(address.Query))
        {
            failures.Add($"BaseAddress must be an absolute https URL without credentials or query, such as '{SmsNotifierOptions.TwilioApiBaseAddress}' (http only on loopback); it is '{options.BaseAddress}'.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > MaxTimeout)
        {
            failures.Add($"Timeout must be greater than zero and at most {MaxTimeout}; it is {options.Timeout}.");
        }

        if (string.IsNullOrWhiteSpace(options.UserAgent) || !ProductInfoHeaderValue.TryParse(options.UserAgent, out _))
        {
            failures.Add($"UserAgent must be a valid User-Agent product token such as 'MyHost/1.0'; it is '{options.UserAgent}'.");
        }

        if (options.OptOutText is null || options.OptOutText.Length > 60)
        {
            failures.Add($"OptOutText must be at most 60 characters (empty for none); it is '{options.OptOutText}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static Regex Sid(string prefix) => prefix == "AC" ? AccountSidPattern() : ServiceSidPattern();

    private static bool IsLoopback(Uri address) =>
        address.IsLoopback || (IPAddress.TryParse(address.Host, out var ip) && IPAddress.IsLoopback(ip));

    [GeneratedRegex("^AC[0-9a-fA-F]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex AccountSidPattern();

    [GeneratedRegex("^MG[0-9a-fA-F]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex ServiceSidPattern();
}
