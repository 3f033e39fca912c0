using Microsoft.EntityFrameworkCore;

namespace StatusKit.EntityFrameworkCore;

/// <summary>
/// <see cref="StatusKitDbContext"/> with the shipped SQLite migrations: configure it with <c>UseSqlite</c> and call
/// <c>Database.Migrate()</c> (or <c>MigrateAsync</c>) where the host decides.
/// </summary>
public sealed class StatusKitSqliteDbContext : StatusKitDbContext
{
    /// <summary>Creates the context.</summary>
    public StatusKitSqliteDbContext(DbContextOptions<StatusKitSqliteDbContext> options)
        : base(options)
    {
    }
}
