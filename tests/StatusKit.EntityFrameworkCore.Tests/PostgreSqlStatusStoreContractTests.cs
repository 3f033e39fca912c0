using StatusKit.Abstractions;
using StatusKit.EntityFrameworkCore.Tests.Infrastructure;
using StatusKit.Testing;

namespace StatusKit.EntityFrameworkCore.Tests;

/// <summary>The shared <see cref="IStatusStore"/> contract on a migrated PostgreSQL database, emptied before each test.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlStatusStoreContractTests(PostgreSqlCluster cluster) : StatusStoreContractTests
{
    // xUnit makes one instance per test; the class's database is created once, on the shared cluster.
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PostgreSqlTestDatabase? s_database;

    protected override async Task<IStatusStore> CreateStoreAsync()
    {
        await Gate.WaitAsync();
        try
        {
            s_database ??= await PostgreSqlTestDatabase.CreateAsync(cluster, "contract");
        }
        finally
        {
            Gate.Release();
        }

        await s_database.ResetAsync();
        return s_database.CreateStore();
    }
}
