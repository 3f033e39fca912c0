using Microsoft.Extensions.Options;
using StatusKit.Notifications.Http;

namespace StatusKit.Notifications.Slack;

/// <summary>Validates <see cref="SlackNotifierOptions"/>, reporting every failure at once (<see cref="ChatOptionsRules"/>).</summary>
internal sealed class SlackNotifierOptionsValidator : IValidateOptions<SlackNotifierOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackNotifierOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = ChatOptionsRules.Check(options.Timeout, options.UserAgent, options.LinkText);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
