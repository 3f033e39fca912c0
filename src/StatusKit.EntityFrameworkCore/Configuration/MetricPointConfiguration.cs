using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StatusKit.EntityFrameworkCore.Entities;

namespace StatusKit.EntityFrameworkCore.Configuration;

/// <summary>
/// Maps a metric's data points: keyed by (metric, instant), which is also the index a series read seeks; indexed by
/// instant for pruning; cascade from the metric.
/// </summary>
internal sealed class MetricPointConfiguration(StatusKitModelOptions options) : IEntityTypeConfiguration<MetricPointEntity>
{
    public void Configure(EntityTypeBuilder<MetricPointEntity> builder)
    {
        builder.ToTable(options.TablePrefix + StatusKitTableNames.MetricPoints, options.Schema);
        builder.HasKey(p => new { p.MetricId, p.At });
        builder.HasOne<PageMetricEntity>().WithMany().HasForeignKey(p => p.MetricId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.At);
    }
}
