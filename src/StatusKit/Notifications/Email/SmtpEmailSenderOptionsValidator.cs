using Microsoft.Extensions.Options;

namespace StatusKit.Notifications.Email;

/// <summary>Validates <see cref="SmtpEmailSenderOptions"/>, reporting every failure at once (never the password).</summary>
internal sealed class SmtpEmailSenderOptionsValidator : IValidateOptions<SmtpEmailSenderOptions>
{
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(10);

    public ValidateOptionsResult Validate(string? name, SmtpEmailSenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Host) || Uri.CheckHostName(options.Host) == UriHostNameType.Unknown)
        {
            failures.Add($"{nameof(SmtpEmailSenderOptions.Host)} must be a host name or IP address; it is '{options.Host}'.");
        }

        if (options.Port is < 1 or > 65535)
        {
            failures.Add($"{nameof(SmtpEmailSenderOptions.Port)} must be between 1 and 65535; it is {options.Port}.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > MaxTimeout)
        {
            failures.Add($"{nameof(SmtpEmailSenderOptions.Timeout)} must be greater than zero and at most {MaxTimeout}; it is {options.Timeout}.");
        }

        if (string.IsNullOrEmpty(options.UserName) && !string.IsNullOrEmpty(options.Password))
        {
            failures.Add($"{nameof(SmtpEmailSenderOptions.Password)} is set but {nameof(SmtpEmailSenderOptions.UserName)} is not; set both or neither.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
