using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StatusKit.EntityFrameworkCore.Entities;

namespace StatusKit.EntityFrameworkCore.Configuration;

/// <summary>Maps pages: unique slug and custom domain, the version as concurrency token.</summary>
internal sealed class PageConfiguration(StatusKitModelOptions options) : IEntityTypeConfiguration<PageEntity>
{
    public void Configure(EntityTypeBuilder<PageEntity> builder)
    {
        builder.ToTable(options.TablePrefix + StatusKitTableNames.Pages, options.Schema);
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasIndex(p => p.Slug).IsUnique();

        // Nulls are distinct in a unique index on both providers, so any number of pages go without one.
        builder.HasIndex(p => p.CustomDomain).IsUnique();
        builder.HasIndex(p => p.TeamId);
        builder.Property(p => p.Version).IsConcurrencyToken();
    }
}
