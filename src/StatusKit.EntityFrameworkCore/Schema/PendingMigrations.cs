using Microsoft.EntityFrameworkCore;

namespace StatusKit.EntityFrameworkCore.Schema;

/// <summary>
/// Which of StatusKit's shipped migrations the store's database lacks: one read of <c>__EFMigrationsHistory</c> (a
/// missing history table counts as every migration pending), remembered once none is missing, so a healthy host does
/// not read it on every health probe.
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
        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0)
        {
            _allApplied = true;
        }

        return pending;
    }
}
