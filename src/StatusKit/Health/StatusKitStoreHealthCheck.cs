using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StatusKit.Abstractions;

namespace StatusKit.Health;

/// <summary>
/// Healthy when the <see cref="IStatusStore"/> answers a read (one primary-key lookup of a page no store holds), unhealthy
/// with the store's exception when it throws. Without its store a host serves cached pages at best and can change nothing.
/// A store that knows its migrations (<see cref="IStatusStoreMigrations"/>, as the Entity Framework Core store over
/// StatusKit's own contexts does) is first asked which its database lacks: while some are missing the check is unhealthy
/// and names how many and the newest, since every read and write of the store fails on a missing table or column.
/// </summary>
public sealed class StatusKitStoreHealthCheck : IHealthCheck
{
    private readonly IStatusStore _store;

    internal StatusKitStoreHealthCheck(IStatusStore store) => _store = store;

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            if (_store is IStatusStoreMigrations migrations
                && await migrations.GetPendingMigrationsAsync(cancellationToken) is { Count: > 0 } pending)
            {
                return new HealthCheckResult(
                    context.Registration.FailureStatus,
                    PendingMigrationsDescription(pending),
                    data: new Dictionary<string, object>(StringComparer.Ordinal)
                    {
                        ["pendingMigrations"] = pending.Count,
                        ["newestPendingMigration"] = pending[^1],
                    });
            }

            await _store.GetPageAsync(Guid.Empty, cancellationToken);
            return HealthCheckResult.Healthy("The status store answers.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"The status store failed: {ex.GetType().Name}: {ex.Message}", ex);
        }
    }

    private static string PendingMigrationsDescription(IReadOnlyList<string> pending) =>
        pending.Count == 1
            ? $"1 StatusKit migration is not applied (newest: {pending[0]}); apply it with Database.MigrateAsync()"
            : string.Create(
                CultureInfo.InvariantCulture,
                $"{pending.Count} StatusKit migrations are not applied (newest: {pending[^1]}); apply them with Database.MigrateAsync()");
}
