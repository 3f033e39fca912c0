using Microsoft.Extensions.Options;

namespace StatusKit.Notifications.Http;

/// <summary>Validates <see cref="WebhookAddressGuardOptions"/>, reporting every failure at once.</summary>
internal sealed class WebhookAddressGuardOptionsValidator : IValidateOptions<WebhookAddressGuardOptions>
{
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, WebhookAddressGuardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.ConnectTimeout <= TimeSpan.Zero || options.ConnectTimeout > MaxTimeout)
        {
            failures.Add(
                $"{nameof(WebhookAddressGuardOptions.ConnectTimeout)} must be greater than zero and at most {MaxTimeout}; it is {options.ConnectTimeout}.");
        }

        Configuration.OptionsChecks.Positive(failures, nameof(WebhookAddressGuardOptions.PooledConnectionLifetime), options.PooledConnectionLifetime);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
