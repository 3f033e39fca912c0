using Microsoft.Extensions.Options;
using StatusKit.Notifications.Http;

namespace StatusKit.Notifications.Teams;

/// <summary>Validates <see cref="TeamsNotifierOptions"/>, reporting every failure at once (<see cref="ChatOptionsRules"/>).</summary>
internal sealed class TeamsNotifierOptionsValidator : IValidateOptions<TeamsNotifierOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsNotifierOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = ChatOptionsRules.Check(options.Timeout, options.UserAgent, options.LinkText);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
