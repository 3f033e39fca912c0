namespace StatusKit.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>One migrated SQLite database for a test class (an xUnit class fixture); each test empties it first.</summary>
public sealed class SqliteDatabaseFixture : IAsyncLifetime
{
    private SqliteTestDatabase? _database;

    public SqliteTestDatabase Database => _database ?? throw new InvalidOperationException("The fixture is not initialised.");

    public async Task InitializeAsync() => _database = await SqliteTestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
