using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StatusKit.Abstractions;
using StatusKit.Health;
using StatusKit.InMemory;

namespace StatusKit.Tests.Health;

/// <summary>The store check of a store that knows its migrations (<see cref="IStatusStoreMigrations"/>).</summary>
public sealed class StoreMigrationsHealthCheckTests
{
    [Fact]
    public async Task Check_MigrationsPending_IsUnhealthyNamingHowManyAndTheNewestAndWhatToDo()
    {
        var (check, store) = Build("20250601000000_InitialSchema", "20261220000000_AddComponentUpstream");

        var result = await check.CheckHealthAsync(Context(check));

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal(
            "2 StatusKit migrations are not applied (newest: 20261220000000_AddComponentUpstream); apply them with Database.MigrateAsync()",
            result.Description);
        Assert.Equal(2, result.Data["pendingMigrations"]);
        Assert.Equal(0, store.Reads);
    }

    [Fact]
    public async Task Check_OneMigrationPending_SaysItInTheSingular()
    {
        var (check, _) = Build("20261220000000_AddComponentUpstream");

        var result = await check.CheckHealthAsync(Context(check, HealthStatus.Degraded));

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Equal(
            "1 StatusKit migration is not applied (newest: 20261220000000_AddComponentUpstream); apply it with Database.MigrateAsync()",
            result.Description);
    }

    [Fact]
    public async Task Check_AllMigrationsApplied_ReadsTheStoreAndIsHealthy()
    {
        var (check, store) = Build();

        var result = await check.CheckHealthAsync(Context(check));

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal(1, store.Reads);
    }

    [Fact]
    public async Task Check_MigrationsCannotBeRead_ReportsTheStoresError()
    {
        var (check, store) = Build();
        store.Failure = new TimeoutException("connection refused");

        var result = await check.CheckHealthAsync(Context(check));

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("The status store failed: TimeoutException: connection refused", result.Description);
    }

    private static (StatusKitStoreHealthCheck Check, MigratingStore Store) Build(params string[] pending)
    {
        var store = MigratingStore.Over(new InMemoryStatusStore(), pending);
        var services = new ServiceCollection().AddLogging().AddSingleton((IStatusStore)store);
        services.AddStatusPages();
        return (services.BuildServiceProvider().GetRequiredService<StatusKitStoreHealthCheck>(), store);
    }

    private static HealthCheckContext Context(IHealthCheck check, HealthStatus failureStatus = HealthStatus.Unhealthy) =>
        new() { Registration = new HealthCheckRegistration(StatusKitHealthChecks.StoreName, check, failureStatus, null) };

    /// <summary>A store (forwarding to an in-memory one) that says which migrations its database lacks.</summary>
    public class MigratingStore : DispatchProxy, IStatusStoreMigrations
    {
        private IStatusStore _inner = null!;
        private IReadOnlyList<string> _pending = [];
        private int _reads;

        public Exception? Failure { get; set; }

        /// <summary>How many port methods were called.</summary>
        public int Reads => Volatile.Read(ref _reads);

        public static MigratingStore Over(IStatusStore inner, IReadOnlyList<string> pending)
        {
            var store = (MigratingStore)(object)Create<IStatusStore, MigratingStore>();
            store._inner = inner;
            store._pending = pending;
            return store;
        }

        public Task<IReadOnlyList<string>> GetPendingMigrationsAsync(CancellationToken cancellationToken) =>
            Failure is { } failure ? Task.FromException<IReadOnlyList<string>>(failure) : Task.FromResult(_pending);

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            Interlocked.Increment(ref _reads);
            return targetMethod!.Invoke(_inner, args);
        }
    }
}
