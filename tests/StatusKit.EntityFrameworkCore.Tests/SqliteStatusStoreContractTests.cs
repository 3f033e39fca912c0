using StatusKit.Abstractions;
using StatusKit.EntityFrameworkCore.Tests.Infrastructure;
using StatusKit.Testing;

namespace StatusKit.EntityFrameworkCore.Tests;

/// <summary>The shared <see cref="IStatusStore"/> contract on a migrated SQLite file, emptied before each test.</summary>
public sealed class SqliteStatusStoreContractTests(SqliteStatusStoreContractTests.Database database)
    : StatusStoreContractTests, IClassFixture<SqliteStatusStoreContractTests.Database>
{
    protected override async Task<IStatusStore> CreateStoreAsync()
    {
        var db = await database.GetAsync();
        await db.ResetAsync();
        return db.CreateStore();
    }

    /// <summary>One SQLite database for the class.</summary>
    public sealed class Database : IAsyncLifetime
    {
        private SqliteTestDatabase? _database;

        public Task<SqliteTestDatabase> GetAsync() => Task.FromResult(_database ?? throw new InvalidOperationException("Not initialised."));

        public async Task InitializeAsync() => _database = await SqliteTestDatabase.CreateAsync();

        public async Task DisposeAsync()
        {
            if (_database is not null)
            {
                await _database.DisposeAsync();
            }
        }
    }
}
