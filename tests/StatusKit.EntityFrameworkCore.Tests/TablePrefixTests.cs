using Microsoft.EntityFrameworkCore;

namespace StatusKit.EntityFrameworkCore.Tests;

public sealed class TablePrefixTests
{
    private const string OverLongPrefix = "acme_platform_public_statuskit_tables_";

    [Fact]
    public void A_prefix_that_makes_two_names_the_same_in_PostgreSQLs_63_bytes_fails_when_the_model_is_built_naming_both()
    {
        using var context = new OverLongPrefixContext(new DbContextOptionsBuilder<OverLongPrefixContext>().UseNpgsql("Host=127.0.0.1").Options);

        var error = Assert.Throws<ArgumentException>(() => context.Model);

        Assert.Equal("configure", error.ParamName);
        Assert.StartsWith($"The TablePrefix '{OverLongPrefix}' is too long for this database", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'IX_{OverLongPrefix}maintenance_windows_page_start_id'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'IX_{OverLongPrefix}maintenance_windows_page_id_state_start_id'", error.Message, StringComparison.Ordinal);
        Assert.Contains("63", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_prefix_builds_on_SQLite_which_keeps_long_names_whole()
    {
        using var context = new OverLongPrefixContext(new DbContextOptionsBuilder<OverLongPrefixContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.NotNull(context.Model.FindEntityType(typeof(Entities.PageEntity)));
    }

    /// <summary>A host's own context whose table prefix leaves the two maintenance index names alike in 63 bytes.</summary>
    public sealed class OverLongPrefixContext(DbContextOptions<OverLongPrefixContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) =>
            modelBuilder.ApplyStatusKitModel(o => o.TablePrefix = OverLongPrefix);
    }
}
