using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StatusKit.Abstractions;
using StatusKit.Health;
using StatusKit.InMemory;
using StatusKit.TestSupport.Fakes;

namespace StatusKit.Tests.Health;

public sealed class StoreHealthCheckTests
{
    [Fact]
    public async Task Check_StoreAnswers_IsHealthy()
    {
        var (check, _) = Build();

        var result = await check.CheckHealthAsync(Context(check));

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task Check_StoreThrows_ReportsTheFailureStatusWithTheStoresError()
    {
        var (check, control) = Build();
        control.Before = (_, _) => throw new TimeoutException("connection refused");

        var result = await check.CheckHealthAsync(Context(check, HealthStatus.Degraded));

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Equal("The status store failed: TimeoutException: connection refused", result.Description);
        Assert.IsType<TimeoutException>(result.Exception);
    }

    [Fact]
    public async Task Check_Cancelled_Throws()
    {
        var (check, control) = Build();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        control.Before = (_, args) => { ((CancellationToken)args[^1]!).ThrowIfCancellationRequested(); return null; };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => check.CheckHealthAsync(Context(check), cancelled.Token));
    }

    private static (StatusKitStoreHealthCheck Check, InterceptingStatusStore Control) Build()
    {
        var (store, control) = InterceptingStatusStore.Wrap(new InMemoryStatusStore());
        var services = new ServiceCollection().AddLogging().AddSingleton(store);
        services.AddStatusPages();
        return (services.BuildServiceProvider().GetRequiredService<StatusKitStoreHealthCheck>(), control);
    }

    private static HealthCheckContext Context(IHealthCheck check, HealthStatus failureStatus = HealthStatus.Unhealthy) =>
        new() { Registration = new HealthCheckRegistration(StatusKitHealthChecks.StoreName, check, failureStatus, null) };
}
