using StatusKit.Abstractions;
using StatusKit.EntityFrameworkCore.Tests.Infrastructure;
using StatusKit.Testing;

namespace StatusKit.EntityFrameworkCore.Tests;

/// <summary>The shared <see cref="IStatusStore"/> contract on a migrated SQLite file, emptied before each test.</summary>
public sealed class SqliteStatusStoreContractTests(SqliteDatabaseFixture fixture)
    : StatusStoreContractTests, IClassFixture<SqliteDatabaseFixture>
{
    protected override async Task<IStatusStore> CreateStoreAsync()
    {
        await fixture.Database.ResetAsync();
        return fixture.Database.CreateStore();
    }
}
