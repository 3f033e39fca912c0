using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using StatusKit.Abstractions;

namespace StatusKit.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>A SQLite database file in a temp folder (WAL mode, so readers and one writer share it across connections).</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "statuskit-sqlite-" + Guid.NewGuid().ToString("N"));

    private SqliteTestDatabase()
    {
        Directory.CreateDirectory(_folder);
        Path = System.IO.Path.Combine(_folder, "statuskit.db");
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();
    }

    public string ConnectionString { get; }

    /// <summary>The database file, in a folder of its own that <see cref="DisposeAsync"/> deletes.</summary>
    public string Path { get; }

    public override string ProviderName => "SQLite";

    public static async Task<SqliteTestDatabase> CreateAsync()
    {
        var database = new SqliteTestDatabase();
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteNonQueryAsync();
        await database.MigrateAsync();
        return database;
    }

    public override DbContext CreateContext(params IInterceptor[] interceptors) => Create(interceptors);

    public override IStatusStore CreateStore(params IInterceptor[] interceptors) => StoreOver(() => Create(interceptors));

    public override IStatusStore CreateStore(QueryTrackingBehavior tracking) => StoreOver(() => Create([], tracking));

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }

    private StatusKitSqliteDbContext Create(IInterceptor[] interceptors, QueryTrackingBehavior tracking = QueryTrackingBehavior.TrackAll)
    {
        var options = new DbContextOptionsBuilder<StatusKitSqliteDbContext>().UseSqlite(ConnectionString).UseQueryTrackingBehavior(tracking);
        if (interceptors.Length > 0)
        {
            options.AddInterceptors(interceptors);
        }

        return new StatusKitSqliteDbContext(options.Options);
    }
}
