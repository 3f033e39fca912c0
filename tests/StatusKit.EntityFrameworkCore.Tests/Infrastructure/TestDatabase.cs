using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using StatusKit.Abstractions;
using StatusKit.EntityFrameworkCore.Store;

namespace StatusKit.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>One migrated database of one provider, and stores over it.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract string ProviderName { get; }

    /// <summary>A context on the database, with <paramref name="interceptors"/>.</summary>
    public abstract DbContext CreateContext(params IInterceptor[] interceptors);

    /// <summary>A store over the database whose contexts use <paramref name="interceptors"/>.</summary>
    public abstract IStatusStore CreateStore(params IInterceptor[] interceptors);

    /// <summary>A store over the database whose contexts default to <paramref name="tracking"/> (a host's choice).</summary>
    public abstract IStatusStore CreateStore(QueryTrackingBehavior tracking);

    public async Task MigrateAsync()
    {
        await using var context = CreateContext();
        await context.Database.MigrateAsync();
    }

    /// <summary>Empties every StatusKit table (children first), so one database serves many tests.</summary>
    public async Task ResetAsync()
    {
        string[] tables =
        [
            "statuskit_notifications", "statuskit_status_history", "statuskit_status_incident_updates", "statuskit_status_incidents",
            "statuskit_incident_templates", "statuskit_audit_entries",
            "statuskit_subscribers", "statuskit_maintenance_windows", "statuskit_components", "statuskit_incident_signals", "statuskit_pages",
        ];
        await using var context = CreateContext();
        await context.Database.ExecuteSqlRawAsync(string.Join(";\n", tables.Select(t => $"DELETE FROM \"{t}\"")));
    }

    public abstract ValueTask DisposeAsync();

    /// <summary>A context factory over a delegate (what AddDbContextFactory gives a host).</summary>
    protected sealed class Factory<TContext>(Func<TContext> create) : IDbContextFactory<TContext>
        where TContext : DbContext
    {
        public TContext CreateDbContext() => create();
    }

    /// <summary>A store over contexts made by <paramref name="create"/>, as a host with its own context has.</summary>
    public static IStatusStore StoreOver<TContext>(Func<TContext> create)
        where TContext : DbContext =>
        new EntityFrameworkCoreStatusStore<TContext>(new Factory<TContext>(create));
}
