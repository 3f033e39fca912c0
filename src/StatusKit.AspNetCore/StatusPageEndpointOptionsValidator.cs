using Microsoft.Extensions.Options;

namespace StatusKit.AspNetCore;

/// <summary>Validates <see cref="StatusPageEndpointOptions"/> and reports every failure at once, with field and value.</summary>
internal sealed class StatusPageEndpointOptionsValidator : IValidateOptions<StatusPageEndpointOptions>
{
    private static readonly TimeSpan MaxKeepAliveInterval = TimeSpan.FromHours(1);

    // Every page watched within it keeps its replay buffer that long after its last viewer left: a day covers a laptop
    // asleep overnight, and longer would only hold memory.
    private static readonly TimeSpan MaxReplayBufferRetention = TimeSpan.FromHours(24);

    // The longest duration, as for every StatusKit option: a longer one would overflow when added to the clock's time.
    private static readonly TimeSpan MaxDuration = TimeSpan.FromDays(3650);

    public ValidateOptionsResult Validate(string? name, StatusPageEndpointOptions options)
    {
        var failures = new List<string>();
        if (options.AdminAuthorizationPolicy is { } policy && string.IsNullOrWhiteSpace(policy))
        {
            failures.Add("AdminAuthorizationPolicy must be null or a policy name (was blank).");
        }

        Positive(failures, nameof(options.KeepAliveInterval), options.KeepAliveInterval);
        if (options.KeepAliveInterval > MaxKeepAliveInterval)
        {
            // Waited on a timer for every open stream; timers refuse due times past ~49 days.
            failures.Add($"{nameof(options.KeepAliveInterval)} must be at most {MaxKeepAliveInterval} (was {options.KeepAliveInterval}).");
        }

        if (options.ReplayBufferRetention <= TimeSpan.Zero || options.ReplayBufferRetention > MaxReplayBufferRetention)
        {
            failures.Add($"{nameof(options.ReplayBufferRetention)} must be positive and at most {MaxReplayBufferRetention} (was {options.ReplayBufferRetention}).");
        }

        Positive(failures, nameof(options.SubscriptionWindow), options.SubscriptionWindow);
        Positive(failures, nameof(options.SubscriptionDestinationWindow), options.SubscriptionDestinationWindow);
        Positive(failures, nameof(options.TokenLinkWindow), options.TokenLinkWindow);
        NotNegative(failures, nameof(options.PublicCacheMaxAge), options.PublicCacheMaxAge);
        NotNegative(failures, nameof(options.PublicStaleWhileRevalidate), options.PublicStaleWhileRevalidate);
        NotNegative(failures, nameof(options.PublicStaleIfError), options.PublicStaleIfError);

        Range(failures, nameof(options.ReplayBufferSize), options.ReplayBufferSize, 1, 100_000);
        Range(failures, nameof(options.MaxEventStreamsPerClient), options.MaxEventStreamsPerClient, 1, 1_000_000);
        Range(failures, nameof(options.HistoryDays), options.HistoryDays, 1, 366);
        Range(failures, nameof(options.UptimeDays), options.UptimeDays, 1, 366);
        Range(failures, nameof(options.SubscriptionPermitLimit), options.SubscriptionPermitLimit, 1, 10_000);
        Range(failures, nameof(options.SubscriptionDestinationPermitLimit), options.SubscriptionDestinationPermitLimit, 1, 10_000);
        Range(failures, nameof(options.TokenLinkPermitLimit), options.TokenLinkPermitLimit, 1, 10_000);
        if (string.IsNullOrWhiteSpace(options.AccessCookieName) || options.AccessCookieName.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '_' and not '-'))
        {
            failures.Add($"AccessCookieName must be ASCII letters, digits, '_' or '-' (was '{options.AccessCookieName}').");
        }

        if (!Enum.IsDefined(options.ColorScheme))
        {
            failures.Add($"{nameof(options.ColorScheme)} must be Auto, Light or Dark (was {options.ColorScheme}).");
        }

        foreach (var path in options.CustomDomainPassThroughPaths)
        {
            if (path is null || path.Length < 2 || path[0] != '/' || path.AsSpan().IndexOfAny('?', '#') >= 0 || path.Contains("//", StringComparison.Ordinal))
            {
                failures.Add($"{nameof(options.CustomDomainPassThroughPaths)}: each must be a path starting with '/', not '/' alone, without query or fragment (was '{path}').");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string field, TimeSpan value)
    {
        if (value <= TimeSpan.Zero || value > MaxDuration)
        {
            failures.Add($"{field} must be positive and at most {MaxDuration.TotalDays:0} days (was {value}).");
        }
    }

    private static void NotNegative(List<string> failures, string field, TimeSpan value)
    {
        if (value < TimeSpan.Zero || value > MaxDuration)
        {
            failures.Add($"{field} must not be negative or longer than {MaxDuration.TotalDays:0} days (was {value}).");
        }
    }

    private static void Range(List<string> failures, string field, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{field} must be between {min} and {max} (was {value}).");
        }
    }
}
