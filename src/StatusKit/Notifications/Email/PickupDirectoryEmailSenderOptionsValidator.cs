using Microsoft.Extensions.Options;

namespace StatusKit.Notifications.Email;

/// <summary>Validates <see cref="PickupDirectoryEmailSenderOptions"/>, reporting every failure at once.</summary>
internal sealed class PickupDirectoryEmailSenderOptionsValidator : IValidateOptions<PickupDirectoryEmailSenderOptions>
{
    public ValidateOptionsResult Validate(string? name, PickupDirectoryEmailSenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            failures.Add($"{nameof(PickupDirectoryEmailSenderOptions.Directory)} must name a folder; it is '{options.Directory}'.");
        }
        else if (options.Directory.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"{nameof(PickupDirectoryEmailSenderOptions.Directory)} contains characters not allowed in a path; it is '{options.Directory}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
