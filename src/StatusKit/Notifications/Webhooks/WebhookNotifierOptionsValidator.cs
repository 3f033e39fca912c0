using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace StatusKit.Notifications.Webhooks;

/// <summary>Validates <see cref="WebhookNotifierOptions"/>, reporting every failure at once.</summary>
internal sealed class WebhookNotifierOptionsValidator : IValidateOptions<WebhookNotifierOptions>
{
    internal static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, WebhookNotifierOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Timeout <= TimeSpan.Zero || options.Timeout > MaxTimeout)
        {
            failures.Add($"{nameof(WebhookNotifierOptions.Timeout)} must be greater than zero and at most {MaxTimeout}; it is {options.Timeout}.");
        }

        if (string.IsNullOrWhiteSpace(options.UserAgent) || !ProductInfoHeaderValue.TryParse(options.UserAgent, out _))
        {
            failures.Add($"{nameof(WebhookNotifierOptions.UserAgent)} must be a valid User-Agent product token such as 'MyHost/1.0'; it is '{options.UserAgent}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
