using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.EntityFrameworkCore;
using StatusKit.SampleHost;

namespace StatusKit.AspNetCore.Tests;

/// <summary>The sample host's own composition on a SQLite file: migrated at start-up, seeded only when empty.</summary>
public sealed class SampleHostDatabaseTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "statuskit-sample-db-" + Guid.NewGuid().ToString("N"));

    private string DatabaseFile => Path.Combine(_directory, "db", "sample.db");

    [Fact]
    public async Task Sqlite_database_is_migrated_at_start_up_and_seeded_only_once()
    {
        Assert.False(File.Exists(DatabaseFile));
        IReadOnlyList<string> firstPages;
        using (var first = new SqliteSampleHost(_directory, DatabaseFile))
        {
            using var db = await first.Services.GetRequiredService<IDbContextFactory<StatusKitSqliteDbContext>>().CreateDbContextAsync();
            Assert.NotEmpty(db.Database.GetMigrations());
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(SampleDatabase.Sqlite, first.Services.GetRequiredService<SampleDatabase>().Provider);
            firstPages = Rows("SELECT id || ' ' || slug FROM statuskit_pages ORDER BY slug");
            Assert.Equal(2, firstPages.Count);
            Assert.Equal((10, 1, 2), (Count("statuskit_components"), Count("statuskit_status_incidents"), Count("statuskit_subscribers")));
            Assert.Equal("wal", Rows("PRAGMA journal_mode")[0]);
        }

        Assert.True(File.Exists(DatabaseFile));
        using (var second = new SqliteSampleHost(_directory, DatabaseFile))
        {
            using var client = second.CreateClient();
            var html = await client.GetStringAsync("/status/demo");
            Assert.Contains("Acme Cloud", html, StringComparison.Ordinal);
            Assert.Equal(firstPages, Rows("SELECT id || ' ' || slug FROM statuskit_pages ORDER BY slug"));
            Assert.Equal((10, 1, 2), (Count("statuskit_components"), Count("statuskit_status_incidents"), Count("statuskit_subscribers")));
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private int Count(string table) => int.Parse(Rows($"SELECT count(*) FROM {table}")[0], System.Globalization.CultureInfo.InvariantCulture);

    private List<string> Rows(string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // test-owned constant SQL
        command.CommandText = sql;
#pragma warning restore CA2100
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return rows;
    }

    /// <summary>Program's composition, unchanged except for configuration: SQLite on the given file.</summary>
    private sealed class SqliteSampleHost(string dataDirectory, string databaseFile) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Sample:AdminApiKey", SampleHostFactory.ApiKey);
            builder.UseSetting("Sample:DataDirectory", dataDirectory);
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:StatusKit", $"Data Source={databaseFile}");
        }
    }
}
