using Microsoft.EntityFrameworkCore;

namespace StatusKit.EntityFrameworkCore;

/// <summary>
/// <see cref="StatusKitDbContext"/> with the shipped PostgreSQL migrations: configure it with <c>UseNpgsql</c> and call
/// <c>Database.Migrate()</c> (or <c>MigrateAsync</c>) where the host decides.
/// </summary>
public sealed class StatusKitPostgreSqlDbContext : StatusKitDbContext
{
    /// <summary>Creates the context.</summary>
    public StatusKitPostgreSqlDbContext(DbContextOptions<StatusKitPostgreSqlDbContext> options)
        : base(options)
    {
    }
}
