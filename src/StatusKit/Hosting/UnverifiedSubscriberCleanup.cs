using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusKit.Abstractions;
using StatusKit.Configuration;
using StatusKit.Engine;

namespace StatusKit.Hosting;

/// <summary>
/// Deletes the subscriptions that were never confirmed once their verification token has been expired for
/// <see cref="StatusPagesOptions.UnverifiedSubscriberRetention"/>, every hour: anyone may ask for a subscription, and
/// the rate limits only slow the growth of those nobody confirms.
/// </summary>
/// <remarks>
/// The store's delete judges each row as it is then, so a subscription confirmed or asked for again meanwhile is kept,
/// and two hosts running the pass delete each row once.
/// </remarks>
internal sealed class UnverifiedSubscriberCleanup(
    IStatusStore store,
    IOptions<StatusPagesOptions> options,
    TimeProvider time,
    IHostApplicationLifetime? lifetime,
    ILogger<UnverifiedSubscriberCleanup> logger)
    : HourlyCleanup(time, options.Value.VerificationTokenLifetime + options.Value.UnverifiedSubscriberRetention, lifetime)
{
    /// <inheritdoc />
    protected override Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        store.DeleteUnverifiedSubscribersAsync(cutoff, cancellationToken);

    /// <inheritdoc />
    protected override void LogRemoved(int count) => Log.UnverifiedSubscribersRemoved(logger, count);

    /// <inheritdoc />
    protected override void LogFailed(DateTimeOffset retryAt, Exception exception) =>
        Log.UnverifiedSubscriberCleanupFailed(logger, retryAt, exception);
}
