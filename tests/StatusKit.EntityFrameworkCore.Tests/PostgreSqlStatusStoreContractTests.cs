using StatusKit.Abstractions;
using StatusKit.EntityFrameworkCore.Tests.Infrastructure;
using StatusKit.Testing;

namespace StatusKit.EntityFrameworkCore.Tests;

/// <summary>The shared <see cref="IStatusStore"/> contract on a migrated PostgreSQL database, emptied before each test.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlStatusStoreContractTests(PostgreSqlCluster cluster) : StatusStoreContractTests
{
    private static readonly ClassPostgreSqlDatabase Database = new("contract");

    protected override async Task<IStatusStore> CreateStoreAsync()
    {
        var database = await Database.GetAsync(cluster);
        await database.ResetAsync();
        return database.CreateStore();
    }
}
