using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusKit.Abstractions;
using StatusKit.Configuration;
using StatusKit.Hosting;

namespace StatusKit.Audit;

/// <summary>
/// Deletes the audit entries older than <see cref="StatusPagesOptions.AuditLogRetention"/>, of every page, deleted
/// pages' included, every hour.
/// </summary>
/// <remarks>Two hosts running the pass delete each entry once.</remarks>
internal sealed class AuditLogPruning(
    IStatusStore store,
    IOptions<StatusPagesOptions> options,
    TimeProvider time,
    IHostApplicationLifetime? lifetime,
    ILogger<AuditLogPruning> logger)
    : HourlyCleanup(time, options.Value.AuditLogRetention, lifetime)
{
    /// <inheritdoc />
    protected override Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        store.DeleteAuditEntriesAsync(cutoff, cancellationToken);

    /// <inheritdoc />
    protected override void LogRemoved(int count) => Log.AuditEntriesPruned(logger, count);

    /// <inheritdoc />
    protected override void LogFailed(DateTimeOffset retryAt, Exception exception) =>
        Log.AuditPruningFailed(logger, retryAt, exception);
}
