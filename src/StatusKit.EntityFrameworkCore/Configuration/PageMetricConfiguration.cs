using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StatusKit.EntityFrameworkCore.Entities;

namespace StatusKit.EntityFrameworkCore.Configuration;

/// <summary>Maps page metrics: unique name per page (also the page's index), cascade from the page, the version as concurrency token.</summary>
internal sealed class PageMetricConfiguration(StatusKitModelOptions options) : IEntityTypeConfiguration<PageMetricEntity>
{
    public void Configure(EntityTypeBuilder<PageMetricEntity> builder)
    {
        builder.ToTable(options.TablePrefix + StatusKitTableNames.PageMetrics, options.Schema);
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.HasOne<PageEntity>().WithMany().HasForeignKey(m => m.PageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.PageId, m.NameKey }).IsUnique();
        builder.Property(m => m.Version).IsConcurrencyToken();
    }
}
