using Microsoft.EntityFrameworkCore;
using StatusKit.Abstractions;
using StatusKit.EntityFrameworkCore.Schema;

namespace StatusKit.EntityFrameworkCore.Store;

/// <summary>Which of StatusKit's migrations the database lacks, for the store health check and the start-up check.</summary>
internal sealed partial class EntityFrameworkCoreStatusStore<TContext> : IStatusStoreMigrations, IMigratedStore
    where TContext : DbContext
{
    public PendingMigrations Migrations { get; }

    public Task<IReadOnlyList<string>> GetPendingMigrationsAsync(CancellationToken cancellationToken) => Migrations.GetAsync(cancellationToken);

    private async Task<DbContext> CreateContextAsync(CancellationToken cancellationToken) => await _contexts.CreateDbContextAsync(cancellationToken);
}
