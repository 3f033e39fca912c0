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

    // Each host gets a store instance of its own over the fact's database, as two processes on one database have.
    protected override async Task<MaintenanceSchedulerTestHost> CreateHostAsync(ManualTimeProvider time, IStatusStore store) =>
        await MaintenanceSchedulerTestHost.StartAsync(time, (await Database.GetAsync(cluster)).CreateStore());

    protected override async Task<IStatusStore> CreateStoreAsync()
    {
        var database = await Database.GetAsync(cluster);
        await database.ResetAsync();
        return database.CreateStore();
    }
}
