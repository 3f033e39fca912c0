using Microsoft.Extensions.Options;
using StatusKit.Notifications.Http;

namespace StatusKit.Notifications.Discord;

/// <summary>Validates <see cref="DiscordNotifierOptions"/>, reporting every failure at once (<see cref="ChatOptionsRules"/>).</summary>
internal sealed class DiscordNotifierOptionsValidator : IValidateOptions<DiscordNotifierOptions>
{
    // Discord's limit on a webhook message's username.
    private const int MaxUsernameLength = 80;

    public ValidateOptionsResult Validate(string? name, DiscordNotifierOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = ChatOptionsRules.Check(options.Timeout, options.UserAgent, options.LinkText);
        if (options.Username is { } username
            && (string.IsNullOrWhiteSpace(username) || username.Length > MaxUsernameLength
                || username.Contains("discord", StringComparison.OrdinalIgnoreCase) || username.Contains("clyde", StringComparison.OrdinalIgnoreCase)))
        {
            failures.Add(
                $"Username must be 1 to {MaxUsernameLength} characters without 'discord' or 'clyde' in it (Discord refuses those), or null for the webhook's own name; it is '{username}'.");
        }

        if (options.AvatarUrl is { } avatar && !(avatar.IsAbsoluteUri && avatar.Scheme == Uri.UriSchemeHttps))
        {
            failures.Add($"AvatarUrl must be an absolute https URL, or null for the webhook's own picture; it is '{avatar}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
