using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace StatusKit.EntityFrameworkCore;

/// <summary>
/// Applies a context's migrations so that several hosts may do it at once: the way to migrate at start-up when every
/// replica of a deployment starts together against the same PostgreSQL database.
/// </summary>
public static class StatusKitMigrations
{
    // The advisory lock's key, a 64-bit number no other application on the database is likely to use: "StatusKt" in
    // ASCII (0x5374617475734B74).
    private const string Lock = "SELECT pg_advisory_lock(6013538555261045620)";
    private const string Unlock = "SELECT pg_advisory_unlock(6013538555261045620)";
    /// <summary>The provider name of EF Core's PostgreSQL provider (Npgsql), which this assembly does not reference.</summary>
    internal const string PostgreSqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    // PostgreSQL's errors when two sessions create one database at once: the name taken (42P04), or the catalogue's
    // unique index hit first (23505).
    private static readonly string[] DatabaseCreatedMeanwhile = ["42P04", "23505"];

    /// <summary>
    /// Applies the pending migrations of <paramref name="database"/>'s context, as <c>Database.MigrateAsync()</c> does,
    /// one host at a time. On PostgreSQL it creates the database when it is missing (another host creating it at the
    /// same moment is not an error), creates the migrations' history table, and then migrates while holding a
    /// session-level advisory lock: hosts starting together wait for each other, and the later ones find the migrations
    /// applied, instead of racing on the same migration and failing (<c>42701: column … already exists</c>). On SQLite,
    /// which is for one host, it is <c>MigrateAsync()</c>. Creating the history table first also spares a new database
    /// the Error EF Core logs for its first read of the missing table.
    /// </summary>
    /// <param name="database">The context's database (<c>db.Database</c>).</param>
    /// <param name="cancellationToken">Stops waiting for the lock or migrating.</param>
    /// <returns>A task that completes once every migration is applied.</returns>
    public static async Task MigrateOneHostAtATimeAsync(this DatabaseFacade database, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.ProviderName != PostgreSqlProvider)
        {
            await database.MigrateAsync(cancellationToken);
            return;
        }

        await CreateIfMissingAsync(database.GetService<IRelationalDatabaseCreator>(), cancellationToken);
        await database.OpenConnectionAsync(cancellationToken);
        try
        {
            await database.ExecuteSqlRawAsync(Lock, cancellationToken);
            try
            {
                await database.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
                await database.MigrateAsync(cancellationToken);
            }
            catch
            {
                // Released here too: a pooled connection keeps its session, and the lock with it, until reused. (A
                // broken connection's session, and its lock, ended with it.)
                await TryAsync(() => database.ExecuteSqlRawAsync(Unlock, CancellationToken.None));
                throw;
            }

            await database.ExecuteSqlRawAsync(Unlock, CancellationToken.None);
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }

    private static async Task TryAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (DbException)
        {
        }
        catch (InvalidOperationException)
        {
        }
    }

    private static async Task CreateIfMissingAsync(IRelationalDatabaseCreator creator, CancellationToken cancellationToken)
    {
        if (await creator.ExistsAsync(cancellationToken))
        {
            return;
        }

        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (DbException ex) when (DatabaseCreatedMeanwhile.Contains(ex.SqlState))
        {
            // Another host created it first.
        }
    }
}
