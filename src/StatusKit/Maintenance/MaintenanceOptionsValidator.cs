using Microsoft.Extensions.Options;
using StatusKit.Configuration;

namespace StatusKit.Maintenance;

/// <summary>Validates <see cref="MaintenanceOptions"/>, reporting every failure at once.</summary>
internal sealed class MaintenanceOptionsValidator : IValidateOptions<MaintenanceOptions>
{
    /// <summary>The longest base delay accepted: retries happen within one wake-up, so they must stay short.</summary>
    public static readonly TimeSpan MaxRetryBaseDelay = TimeSpan.FromMinutes(5);

    /// <summary>The longest rescan interval accepted: another host's windows must not wait longer to be picked up.</summary>
    public static readonly TimeSpan MaxRescanInterval = TimeSpan.FromHours(1);

    public ValidateOptionsResult Validate(string? name, MaintenanceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        OptionsChecks.NotNegative(failures, nameof(options.ReminderLeadTime), options.ReminderLeadTime);
        OptionsChecks.AtLeast(failures, nameof(options.TransitionRetryAttempts), options.TransitionRetryAttempts, 1);
        if (options.TransitionRetryAttempts > 20)
        {
            failures.Add($"TransitionRetryAttempts: must be at most 20 (was {options.TransitionRetryAttempts}).");
        }

        OptionsChecks.Positive(failures, nameof(options.TransitionRetryBaseDelay), options.TransitionRetryBaseDelay);
        if (options.TransitionRetryBaseDelay > MaxRetryBaseDelay)
        {
            failures.Add($"TransitionRetryBaseDelay: must be at most {MaxRetryBaseDelay} (was {options.TransitionRetryBaseDelay}).");
        }

        if (options.RescanInterval < TimeSpan.FromSeconds(1) || options.RescanInterval > MaxRescanInterval)
        {
            failures.Add($"RescanInterval: must be from 1 second to {MaxRescanInterval.TotalHours:0} hour (was {options.RescanInterval}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
