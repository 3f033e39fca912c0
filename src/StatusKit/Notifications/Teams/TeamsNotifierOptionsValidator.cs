using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace StatusKit.Notifications.Teams;

/// <summary>Validates <see cref="TeamsNotifierOptions"/>, reporting every failure at once.</summary>
internal sealed class TeamsNotifierOptionsValidator : IValidateOptions<TeamsNotifierOptions>
{
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, TeamsNotifierOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Timeout <= TimeSpan.Zero || options.Timeout > MaxTimeout)
        {
            failures.Add($"{nameof(TeamsNotifierOptions.Timeout)} must be greater than zero and at most {MaxTimeout}; it is {options.Timeout}.");
        }

        if (string.IsNullOrWhiteSpace(options.UserAgent) || !ProductInfoHeaderValue.TryParse(options.UserAgent, out _))
        {
            failures.Add($"{nameof(TeamsNotifierOptions.UserAgent)} must be a valid User-Agent product token such as 'MyHost/1.0'; it is '{options.UserAgent}'.");
        }

        if (string.IsNullOrWhiteSpace(options.LinkText))
        {
            failures.Add($"{nameof(TeamsNotifierOptions.LinkText)} must not be empty; it is '{options.LinkText}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
