using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StatusKit.EntityFrameworkCore.Entities;

namespace StatusKit.EntityFrameworkCore.Configuration;

/// <summary>Maps incident templates: unique name per page (also the page's index), cascade from the page, the version as concurrency token.</summary>
internal sealed class IncidentTemplateConfiguration(StatusKitModelOptions options) : IEntityTypeConfiguration<IncidentTemplateEntity>
{
    public void Configure(EntityTypeBuilder<IncidentTemplateEntity> builder)
    {
        builder.ToTable(options.TablePrefix + StatusKitTableNames.IncidentTemplates, options.Schema);
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.HasOne<PageEntity>().WithMany().HasForeignKey(t => t.PageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.PageId, t.NameKey }).IsUnique();
        builder.Property(t => t.Version).IsConcurrencyToken();
    }
}
