using StatusKit.Abstractions;
using StatusKit.EntityFrameworkCore.Tests.Infrastructure;
using StatusKit.Testing;

namespace StatusKit.EntityFrameworkCore.Tests;

/// <summary>
/// The shared <see cref="IMaintenanceScheduler"/> contract with the default scheduler over the EF store on a migrated
/// PostgreSQL database of the run's shared cluster, emptied before each test.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlMaintenanceSchedulerContractTests(PostgreSqlCluster cluster) : MaintenanceSchedulerContractTests
{
    private static readonly ClassPostgreSqlDatabase Database = new("scheduler_contract");

    protected override Task<MaintenanceSchedulerTestHost> CreateHostAsync(ManualTimeProvider time, IStatusStore store) =>
        MaintenanceSchedulerTestHost.StartAsync(time, store);

    protected override async Task<IStatusStore> CreateStoreAsync()
    {
        var database = await Database.GetAsync(cluster);
        await database.ResetAsync();
        return database.CreateStore();
    }
}
