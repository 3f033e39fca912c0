using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using StatusKit.Abstractions;

namespace StatusKit.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>A fresh database on the shared throwaway cluster.</summary>
public sealed class PostgreSqlTestDatabase : TestDatabase
{
    private PostgreSqlTestDatabase(string connectionString)
    {
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public override string ProviderName => "PostgreSQL";

    public static async Task<PostgreSqlTestDatabase> CreateAsync(PostgreSqlCluster cluster, string name)
    {
        var database = new PostgreSqlTestDatabase(await cluster.CreateDatabaseAsync(name));
        await database.MigrateAsync();
        return database;
    }

    public override DbContext CreateContext(params IInterceptor[] interceptors) => Create(interceptors);

    public override IStatusStore CreateStore(params IInterceptor[] interceptors) => StoreOver(() => Create(interceptors));

    public override IStatusStore CreateStore(QueryTrackingBehavior tracking) => StoreOver(() => Create([], tracking));

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private StatusKitPostgreSqlDbContext Create(IInterceptor[] interceptors, QueryTrackingBehavior tracking = QueryTrackingBehavior.TrackAll)
    {
        var options = new DbContextOptionsBuilder<StatusKitPostgreSqlDbContext>().UseNpgsql(ConnectionString).UseQueryTrackingBehavior(tracking);
        if (interceptors.Length > 0)
        {
            options.AddInterceptors(interceptors);
        }

        return new StatusKitPostgreSqlDbContext(options.Options);
    }
}
