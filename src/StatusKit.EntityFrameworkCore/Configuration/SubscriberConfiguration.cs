using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StatusKit.EntityFrameworkCore.Entities;

namespace StatusKit.EntityFrameworkCore.Configuration;

/// <summary>Maps subscribers: unique (page, channel, destination), token-hash lookups, cascade from the page, the version as concurrency token.</summary>
internal sealed class SubscriberConfiguration(StatusKitModelOptions options) : IEntityTypeConfiguration<SubscriberEntity>
{
    public void Configure(EntityTypeBuilder<SubscriberEntity> builder)
    {
        builder.ToTable(options.TablePrefix + StatusKitTableNames.Subscribers, options.Schema);
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasOne<PageEntity>().WithMany().HasForeignKey(s => s.PageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.PageId, s.Channel, s.DestinationKey }).IsUnique();
        builder.HasIndex(s => s.VerifyTokenHash);
        builder.HasIndex(s => s.UnsubscribeTokenHash);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}
