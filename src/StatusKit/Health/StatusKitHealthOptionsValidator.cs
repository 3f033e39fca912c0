using Microsoft.Extensions.Options;

namespace StatusKit.Health;

/// <summary>Validates <see cref="StatusKitHealthOptions"/> at start-up.</summary>
internal sealed class StatusKitHealthOptionsValidator : IValidateOptions<StatusKitHealthOptions>
{
    public ValidateOptionsResult Validate(string? name, StatusKitHealthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UnhealthyAfter < TimeSpan.FromSeconds(1) || options.UnhealthyAfter > TimeSpan.FromDays(1)
            ? ValidateOptionsResult.Fail($"UnhealthyAfter: must be between 00:00:01 and 1.00:00:00 (was {options.UnhealthyAfter}).")
            : ValidateOptionsResult.Success;
    }
}
