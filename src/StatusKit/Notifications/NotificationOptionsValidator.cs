using Microsoft.Extensions.Options;
using StatusKit.Configuration;

namespace StatusKit.Notifications;

/// <summary>Validates <see cref="NotificationOptions"/>, reporting every failure at once.</summary>
internal sealed class NotificationOptionsValidator : IValidateOptions<NotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        var failures = new List<string>();
        OptionsChecks.NotNegative(failures, nameof(options.DebounceWindow), options.DebounceWindow);
        OptionsChecks.NotNegative(failures, nameof(options.MaxDebounceDelay), options.MaxDebounceDelay);
        if (options.MaxDebounceDelay < options.DebounceWindow)
        {
            failures.Add($"MaxDebounceDelay: must be at least DebounceWindow ({options.DebounceWindow}) (was {options.MaxDebounceDelay}).");
        }

        OptionsChecks.AtLeast(failures, nameof(options.MaxNotificationsPerHour), options.MaxNotificationsPerHour, 0);
        for (var i = 0; i < options.RetryDelays.Count; i++)
        {
            OptionsChecks.Positive(failures, $"RetryDelays[{i}]", options.RetryDelays[i]);
        }

        // The dispatcher reads this many of a subscriber's dead letters after each one: bounded, so that stays cheap.
        if (options.DeactivateAfterDeadLetters is < 1 or > NotificationOptions.MaxDeactivateAfterDeadLetters)
        {
            failures.Add(
                $"DeactivateAfterDeadLetters: must be between 1 and {NotificationOptions.MaxDeactivateAfterDeadLetters}, or null to never deactivate (was {options.DeactivateAfterDeadLetters}).");
        }

        if (options.RetryJitter is < 0 or > 1 || double.IsNaN(options.RetryJitter))
        {
            failures.Add($"RetryJitter: must be between 0 and 1 (was {options.RetryJitter}).");
        }

        OptionsChecks.TimerDelay(failures, nameof(options.LeaseDuration), options.LeaseDuration);
        OptionsChecks.AtLeast(failures, nameof(options.BatchSize), options.BatchSize, 1);
        OptionsChecks.AtLeast(failures, nameof(options.MaxConcurrency), options.MaxConcurrency, 1);
        OptionsChecks.TimerDelay(failures, nameof(options.PollInterval), options.PollInterval);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
