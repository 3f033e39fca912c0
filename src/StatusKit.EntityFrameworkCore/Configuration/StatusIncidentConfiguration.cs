using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StatusKit.EntityFrameworkCore.Entities;

namespace StatusKit.EntityFrameworkCore.Configuration;

/// <summary>Maps public status incidents: page + state, page + creation time, page + update time, cascade from the page, the version as concurrency token.</summary>
internal sealed class StatusIncidentConfiguration(StatusKitModelOptions options) : IEntityTypeConfiguration<StatusIncidentEntity>
{
    public void Configure(EntityTypeBuilder<StatusIncidentEntity> builder)
    {
        builder.ToTable(options.TablePrefix + StatusKitTableNames.StatusIncidents, options.Schema);
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.HasOne<PageEntity>().WithMany().HasForeignKey(i => i.PageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Updates).WithOne().HasForeignKey(u => u.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.PageId, i.State });
        builder.HasIndex(i => new { i.PageId, i.CreatedAt });
        builder.HasIndex(i => new { i.PageId, i.UpdatedAt });
        builder.Property(i => i.Version).IsConcurrencyToken();
    }
}
