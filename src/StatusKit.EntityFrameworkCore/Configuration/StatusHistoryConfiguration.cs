using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StatusKit.EntityFrameworkCore.Entities;

namespace StatusKit.EntityFrameworkCore.Configuration;

/// <summary>
/// Maps status history: page + time, cascade from the page, and the per-component chain of <see cref="HistoryChain"/>
/// instead of a (component, time) index. A component's rows are deleted with it by the store, not by a foreign key:
/// a cascade from components would need that index.
/// </summary>
internal sealed class StatusHistoryConfiguration(StatusKitModelOptions options) : IEntityTypeConfiguration<StatusHistoryEntity>
{
    public void Configure(EntityTypeBuilder<StatusHistoryEntity> builder)
    {
        builder.ToTable(options.TablePrefix + StatusKitTableNames.StatusHistory, options.Schema);
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.HasOne<PageEntity>().WithMany().HasForeignKey(h => h.PageId).OnDelete(DeleteBehavior.Cascade);
        builder.Property<Guid?>(HistoryChain.PreviousId);
        builder.HasIndex(h => new { h.PageId, h.At });
    }
}
