using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace StatusKit.Notifications.Email;

/// <summary>Validates <see cref="EmailNotifierOptions"/>, reporting every failure at once.</summary>
internal sealed class EmailNotifierOptionsValidator : IValidateOptions<EmailNotifierOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailNotifierOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!MailAddress.TryCreate(options.From, out _))
        {
            failures.Add(
                $"{nameof(EmailNotifierOptions.From)} must be an email address such as 'Example Status <status@example.com>'; it is '{options.From}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
