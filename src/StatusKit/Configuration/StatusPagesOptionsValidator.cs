using Microsoft.Extensions.Options;
using StatusKit.Status;

namespace StatusKit.Configuration;

/// <summary>Validates <see cref="StatusPagesOptions"/>, reporting every failure at once with the field and value.</summary>
internal sealed class StatusPagesOptionsValidator : IValidateOptions<StatusPagesOptions>
{
    public ValidateOptionsResult Validate(string? name, StatusPagesOptions options)
    {
        var failures = new List<string>();
        foreach (var (priority, status) in options.PriorityMap)
        {
            if (string.IsNullOrWhiteSpace(priority))
            {
                failures.Add("PriorityMap: a priority name is empty.");
            }

            if (!status.IsDefined())
            {
                failures.Add($"PriorityMap['{priority}']: '{status}' is not a component status.");
            }
        }

        if (!options.UnknownPriorityStatus.IsDefined())
        {
            failures.Add($"UnknownPriorityStatus: '{options.UnknownPriorityStatus}' is not a component status.");
        }

        OptionsChecks.Positive(failures, nameof(options.SnapshotTimeToLive), options.SnapshotTimeToLive);
        OptionsChecks.Positive(failures, nameof(options.UpcomingMaintenanceHorizon), options.UpcomingMaintenanceHorizon);
        OptionsChecks.Positive(failures, nameof(options.FailSafeThrottle), options.FailSafeThrottle);
        OptionsChecks.Positive(failures, nameof(options.FailSafeMaxStaleness), options.FailSafeMaxStaleness);
        OptionsChecks.TimerDelay(failures, nameof(options.RecomputeRetryDelay), options.RecomputeRetryDelay);
        OptionsChecks.TimerDelay(failures, nameof(options.BackplaneRetryDelay), options.BackplaneRetryDelay);
        OptionsChecks.Positive(failures, nameof(options.VerificationTokenLifetime), options.VerificationTokenLifetime);
        OptionsChecks.NotNegative(failures, nameof(options.UnverifiedSubscriberRetention), options.UnverifiedSubscriberRetention);
        OptionsChecks.NotNegative(failures, nameof(options.SigningSecretRotationOverlap), options.SigningSecretRotationOverlap);
        if (options.AuditLogRetention < TimeSpan.FromDays(1) || options.AuditLogRetention > OptionsChecks.MaxDuration)
        {
            failures.Add($"AuditLogRetention: must be between 1 day and 3650 days (was {options.AuditLogRetention}).");
        }

        if (options.MetricPointRetention < TimeSpan.FromDays(30) || options.MetricPointRetention > OptionsChecks.MaxDuration)
        {
            failures.Add($"MetricPointRetention: must be between 30 days and 3650 days (was {options.MetricPointRetention}).");
        }

        if (options.UpstreamPollInterval < TimeSpan.FromMinutes(1) || options.UpstreamPollInterval > OptionsChecks.MaxTimerDelay)
        {
            failures.Add($"UpstreamPollInterval: must be between 1 minute and 24 hours (was {options.UpstreamPollInterval}).");
        }

        if (options.ChangeFeedBufferSize < 1)
        {
            failures.Add($"ChangeFeedBufferSize: must be at least 1 (was {options.ChangeFeedBufferSize}).");
        }

        if (options.PublicBaseAddress is { } address && PublicBaseAddressProblem(address) is { } problem)
        {
            failures.Add($"PublicBaseAddress: must be {problem} (was '{address.OriginalString}').");
        }

        if (options.DowntimeWeights is null)
        {
            failures.Add("DowntimeWeights: must not be null.");
        }
        else
        {
            foreach (var (field, weight) in new[]
            {
                ("MajorOutage", options.DowntimeWeights.MajorOutage),
                ("PartialOutage", options.DowntimeWeights.PartialOutage),
                ("DegradedPerformance", options.DowntimeWeights.DegradedPerformance),
                ("UnderMaintenance", options.DowntimeWeights.UnderMaintenance),
            })
            {
                if (weight is < 0 or > 1 || double.IsNaN(weight))
                {
                    failures.Add($"DowntimeWeights.{field}: must be between 0 and 1 (was {weight}).");
                }
            }
        }

        if (options.SubscriptionChannels is { Count: 0 })
        {
            failures.Add("SubscriptionChannels: must name at least one channel, or be null for every channel that has a notifier (was empty).");
        }

        foreach (var channel in options.SubscriptionChannels ?? [])
        {
            if (!Enum.IsDefined(channel))
            {
                failures.Add($"SubscriptionChannels: '{channel}' is not a subscriber channel (Email, Slack, Webhook, Teams, Discord, Sms).");
            }
        }

        if (options.LinkSigningKey is { } key && !IsStrongKey(key))
        {
            failures.Add("LinkSigningKey: must be base64 of at least 32 bytes, such as the output of openssl rand -base64 32 (the value is not shown).");
        }

        if (options.PublicBaseAddress is not null && options.LinkSigningKey is null)
        {
            failures.Add("LinkSigningKey: required when PublicBaseAddress is set, so unsubscribe links keep working across restarts (was null); set it to base64 of 32 random bytes (openssl rand -base64 32), kept secret and the same on every host.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsStrongKey(string key)
    {
        var buffer = new byte[key.Length];
        return Convert.TryFromBase64String(key, buffer, out var written) && written >= 32;
    }

    // Every notification's links are made under it, so it is where readers open the pages: an absolute http or https
    // address with a host and nothing after its path. ("/status" is absolute on Linux, as file:///status.)
    private static string? PublicBaseAddressProblem(Uri address) =>
        !address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp) || address.Host.Length == 0
            ? "an absolute http or https address such as 'https://status.example.com/status'"
            : address.UserInfo.Length > 0 ? "an address without a user name or password"
            : address.Query.Length > 0 || address.Fragment.Length > 0 ? "an address without a query or fragment, as links are made by adding to its path"
            : null;
}
