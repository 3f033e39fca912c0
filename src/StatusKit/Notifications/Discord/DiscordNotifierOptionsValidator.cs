using Microsoft.Extensions.Options;
using StatusKit.Notifications.Http;

namespace StatusKit.Notifications.Discord;

/// <summary>Validates <see cref="DiscordNotifierOptions"/>, reporting every failure at once (<see cref="ChatOptionsRules"/>).</summary>
internal sealed class DiscordNotifierOptionsValidator : IValidateOptions<DiscordNotifierOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordNotifierOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = ChatOptionsRules.Check(options.Timeout, options.UserAgent, options.LinkText);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
