using Microsoft.Extensions.Diagnostics.HealthChecks;
using StatusKit.Abstractions;

namespace StatusKit.Health;

/// <summary>
/// Healthy when the <see cref="IStatusStore"/> answers a read (one primary-key lookup of a page no store holds), unhealthy
/// with the store's exception when it throws. Without its store a host serves cached pages at best and can change nothing.
/// </summary>
public sealed class StatusKitStoreHealthCheck : IHealthCheck
{
    private readonly IStatusStore _store;

    internal StatusKitStoreHealthCheck(IStatusStore store) => _store = store;

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await _store.GetPageAsync(Guid.Empty, cancellationToken);
            return HealthCheckResult.Healthy("The status store answers.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"The status store failed: {ex.GetType().Name}: {ex.Message}", ex);
        }
    }
}
