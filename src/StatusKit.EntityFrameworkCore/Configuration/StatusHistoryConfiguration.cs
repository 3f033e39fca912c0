using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StatusKit.EntityFrameworkCore.Entities;

namespace StatusKit.EntityFrameworkCore.Configuration;

/// <summary>Maps status history: page + time, component + time, cascade from the page and from the component.</summary>
internal sealed class StatusHistoryConfiguration(StatusKitModelOptions options) : IEntityTypeConfiguration<StatusHistoryEntity>
{
    public void Configure(EntityTypeBuilder<StatusHistoryEntity> builder)
    {
        builder.ToTable(options.TablePrefix + StatusKitTableNames.StatusHistory, options.Schema);
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.HasOne<PageEntity>().WithMany().HasForeignKey(h => h.PageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ComponentEntity>().WithMany().HasForeignKey(h => h.ComponentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(h => new { h.PageId, h.At });
        builder.HasIndex(h => new { h.ComponentId, h.At });
    }
}
