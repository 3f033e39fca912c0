using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StatusKit.EntityFrameworkCore.Entities;

namespace StatusKit.EntityFrameworkCore.Configuration;

/// <summary>
/// Maps components: unique name per page, display order per page, team lookup, cascade from the page, and the head of
/// the component's history chain (<see cref="HistoryChain"/>), the version as concurrency token.
/// </summary>
internal sealed class ComponentConfiguration(StatusKitModelOptions options) : IEntityTypeConfiguration<ComponentEntity>
{
    public void Configure(EntityTypeBuilder<ComponentEntity> builder)
    {
        builder.ToTable(options.TablePrefix + StatusKitTableNames.Components, options.Schema);
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasOne<PageEntity>().WithMany().HasForeignKey(c => c.PageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.PageId, c.NameKey }).IsUnique();
        builder.HasIndex(c => new { c.PageId, c.DisplayOrder });
        builder.HasIndex(c => c.TeamId);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Property<Guid?>(HistoryChain.LastHistoryId);
    }
}
