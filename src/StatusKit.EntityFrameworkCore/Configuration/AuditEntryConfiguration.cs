using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StatusKit.EntityFrameworkCore.Entities;

namespace StatusKit.EntityFrameworkCore.Configuration;

/// <summary>
/// Maps the audit log: a page's entries newest first through the (page, occurrence time, id) index, pruning through
/// the occurrence time index. No foreign key to the page: a deleted page's entries stay until they are pruned.
/// </summary>
internal sealed class AuditEntryConfiguration(StatusKitModelOptions options) : IEntityTypeConfiguration<AuditEntryEntity>
{
    public void Configure(EntityTypeBuilder<AuditEntryEntity> builder)
    {
        builder.ToTable(options.TablePrefix + StatusKitTableNames.AuditEntries, options.Schema);
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasIndex(e => new { e.PageId, e.OccurredAt, e.Id });
        builder.HasIndex(e => e.OccurredAt);
    }
}
