using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace StatusKit.EntityFrameworkCore.Schema;

/// <summary>
/// Which of StatusKit's shipped migrations the store's database lacks: a look for <c>__EFMigrationsHistory</c> and a read
/// of it (a missing database or history table counts as every migration pending), remembered once none is missing, so a
/// healthy host does not read it on every health probe.
/// </summary>
/// <remarks>
/// Only StatusKit's own migrated contexts (<see cref="StatusKitSqliteDbContext"/>, <see cref="StatusKitPostgreSqlDbContext"/>)
/// are checked. A host's own context (<c>modelBuilder.ApplyStatusKitModel()</c>) owns its migrations: their names are
/// the host's, they hold the host's own changes too, and whether they are applied is the host's business, so nothing
/// is ever pending for it here (its missing tables show as the store failing).
/// </remarks>
internal sealed class PendingMigrations
{
    private readonly Func<CancellationToken, Task<DbContext>> _createContext;
    private volatile bool _allApplied;

    public PendingMigrations(Type contextType, Func<CancellationToken, Task<DbContext>> createContext)
    {
        _createContext = createContext;
        ContextName = contextType.Name;
        IsChecked = contextType == typeof(StatusKitSqliteDbContext) || contextType == typeof(StatusKitPostgreSqlDbContext);
    }

    /// <summary>The context's type name, for messages.</summary>
    public string ContextName { get; }

    /// <summary>Whether the context is one of StatusKit's own, whose migrations StatusKit ships and checks.</summary>
    public bool IsChecked { get; }

    /// <summary>
    /// The ids of the shipped migrations the database has not applied, oldest first (EF orders them by id); empty when it
    /// has them all, and from then on without reading the database. Throws the database's exception.
    /// </summary>
    public async Task<IReadOnlyList<string>> GetAsync(CancellationToken cancellationToken)
    {
        if (!IsChecked || _allApplied)
        {
            return [];
        }

        await using var context = await _createContext(cancellationToken);
        var pending = await HistoryExistsAsync(context, cancellationToken)
            ? (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList()
            : [.. context.Database.GetMigrations()];
        if (pending.Count == 0)
        {
            _allApplied = true;
        }

        return pending;
    }

    /// <summary>
    /// Whether the database and its migrations history table exist; without them every migration is pending. Asked
    /// first because on PostgreSQL EF Core reads the history table without looking for it, and the failed command is
    /// logged as an Error (with the SQL) before this check could say what to do, on every health probe.
    /// </summary>
    private static async Task<bool> HistoryExistsAsync(DbContext context, CancellationToken cancellationToken)
    {
        if (!await context.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken))
        {
            return false;
        }

        if (context.Database.ProviderName != StatusKitMigrations.PostgreSqlProvider)
        {
            // SQLite looks the table up in sqlite_master.
            return await context.GetService<IHistoryRepository>().ExistsAsync(cancellationToken);
        }

        var options = RelationalOptionsExtension.Extract(context.GetService<IDbContextOptions>());
        var table = context.GetService<ISqlGenerationHelper>().DelimitIdentifier(
            options.MigrationsHistoryTableName ?? HistoryRepository.DefaultTableName, options.MigrationsHistoryTableSchema);
        // to_regclass: null for a relation that is not there, found through the search path as EF Core's own reads are.
        return await context.Database.SqlQuery<bool>($"SELECT to_regclass({table}) IS NOT NULL AS \"Value\"").SingleAsync(cancellationToken);
    }
}
