using StatusKit.Abstractions;
using StatusKit.EntityFrameworkCore.Tests.Infrastructure;
using StatusKit.Testing;

namespace StatusKit.EntityFrameworkCore.Tests;

/// <summary>
/// The shared <see cref="IMaintenanceScheduler"/> contract with the default scheduler over the EF store on a migrated
/// SQLite file, emptied before each test: the compare-and-set transitions that several hosts on one database rely on.
/// </summary>
public sealed class SqliteMaintenanceSchedulerContractTests(SqliteDatabaseFixture fixture)
    : MaintenanceSchedulerContractTests, IClassFixture<SqliteDatabaseFixture>
{
    // Each host gets a store instance of its own over the fact's database, as two processes on one database have.
    protected override Task<MaintenanceSchedulerTestHost> CreateHostAsync(ManualTimeProvider time, IStatusStore store) =>
        MaintenanceSchedulerTestHost.StartAsync(time, fixture.Database.CreateStore());

    protected override async Task<IStatusStore> CreateStoreAsync()
    {
        await fixture.Database.ResetAsync();
        return fixture.Database.CreateStore();
    }
}
