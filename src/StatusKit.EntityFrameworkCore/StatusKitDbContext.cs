using Microsoft.EntityFrameworkCore;

namespace StatusKit.EntityFrameworkCore;

/// <summary>
/// A context holding only StatusKit's tables, for hosts that have no <see cref="DbContext"/> of their own. Hosts that
/// have one call <see cref="StatusKitModelBuilderExtensions.ApplyStatusKitModel"/> from their <c>OnModelCreating</c>
/// instead. To apply the shipped migrations use <see cref="StatusKitSqliteDbContext"/> or
/// <see cref="StatusKitPostgreSqlDbContext"/>, which carry one migration set each.
/// </summary>
public class StatusKitDbContext : DbContext
{
    /// <summary>Creates the context.</summary>
    public StatusKitDbContext(DbContextOptions<StatusKitDbContext> options)
        : base(options)
    {
    }

    /// <summary>Creates a derived context with its own options type.</summary>
    protected StatusKitDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyStatusKitModel();
}
