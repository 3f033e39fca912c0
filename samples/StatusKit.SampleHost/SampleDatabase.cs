using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using StatusKit.EntityFrameworkCore;

namespace StatusKit.SampleHost;

/// <summary>
/// The sample's store: StatusKit's own SQLite context on a file in the data directory by default, or its PostgreSQL
/// context with <c>--Database:Provider=PostgreSql --ConnectionStrings:StatusKit=...</c>. The sample, not the library,
/// decides to migrate at start-up.
/// </summary>
public sealed class SampleDatabase
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSql";
    public const string DatabaseFileName = "statuskit.db";

    private SampleDatabase(string provider, string connectionString, string target)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Target = target;
    }

    /// <summary><see cref="Sqlite"/> or <see cref="PostgreSql"/>.</summary>
    public string Provider { get; }

    public string ConnectionString { get; }

    /// <summary>Where the data is, for the log (never the password).</summary>
    public string Target { get; }

    /// <summary>
    /// Reads <c>Database:Provider</c> (default Sqlite) and <c>ConnectionStrings:StatusKit</c> (for SQLite, default
    /// <c>Data Source={dataDirectory}/statuskit.db</c>; required for PostgreSQL).
    /// </summary>
    public static SampleDatabase FromConfiguration(IConfiguration configuration, string dataDirectory)
    {
        var provider = configuration["Database:Provider"] is { Length: > 0 } configured ? configured : Sqlite;
        var connectionString = configuration.GetConnectionString("StatusKit");
        if (string.Equals(provider, Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            var sqlite = new SqliteConnectionStringBuilder(connectionString is { Length: > 0 } ? connectionString : $"Data Source={Path.Combine(dataDirectory, DatabaseFileName)}");
            sqlite.DataSource = Path.GetFullPath(sqlite.DataSource, dataDirectory);
            return new SampleDatabase(Sqlite, sqlite.ToString(), sqlite.DataSource);
        }

        if (string.Equals(provider, PostgreSql, StringComparison.OrdinalIgnoreCase))
        {
            if (connectionString is not { Length: > 0 })
            {
                throw new InvalidOperationException(
                    "Database:Provider=PostgreSql needs a connection string: --ConnectionStrings:StatusKit=\"Host=...;Database=...;Username=...\".");
            }

            var npgsql = new NpgsqlConnectionStringBuilder(connectionString);
            return new SampleDatabase(PostgreSql, connectionString, $"{npgsql.Host}:{npgsql.Port}/{npgsql.Database}");
        }

        throw new InvalidOperationException($"Database:Provider must be '{Sqlite}' or '{PostgreSql}' (was '{provider}').");
    }

    /// <summary>
    /// Registers the context factory and the Entity Framework Core store; on PostgreSQL also the LISTEN/NOTIFY backplane,
    /// so several sample instances on one database show each other's changes live.
    /// </summary>
    public void Register(IServiceCollection services, IStatusPagesBuilder statusPages)
    {
        if (Provider == Sqlite)
        {
            services.AddDbContextFactory<StatusKitSqliteDbContext>(o => o.UseSqlite(ConnectionString));
            statusPages.UseEntityFrameworkCoreStore<StatusKitSqliteDbContext>();
        }
        else
        {
            services.AddDbContextFactory<StatusKitPostgreSqlDbContext>(o => o.UseNpgsql(ConnectionString));
            statusPages.UseEntityFrameworkCoreStore<StatusKitPostgreSqlDbContext>()
                .UsePostgreSqlBackplane(o => o.ConnectionString = ConnectionString);
        }
    }

    /// <summary>
    /// Applies the shipped migrations, one host at a time (several sample hosts may share a PostgreSQL database, and the
    /// database is created when absent); SQLite also gets WAL.
    /// </summary>
    public async Task MigrateAsync(IServiceProvider services)
    {
        if (Provider == Sqlite)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Target)!);
            await using var db = await services.GetRequiredService<IDbContextFactory<StatusKitSqliteDbContext>>().CreateDbContextAsync();
            await db.Database.MigrateOneHostAtATimeAsync();
            // Readers must not wait for the writer; the mode is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        else
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<StatusKitPostgreSqlDbContext>>().CreateDbContextAsync();
            await db.Database.MigrateOneHostAtATimeAsync();
        }
    }
}
