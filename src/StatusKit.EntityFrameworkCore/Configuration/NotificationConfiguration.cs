using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StatusKit.EntityFrameworkCore.Entities;

namespace StatusKit.EntityFrameworkCore.Configuration;

/// <summary>
/// Maps the outbox: unique deduplication key, state + due time (what dispatchers claim), coalesce key, subscriber +
/// state, cascade from the page. No foreign key to the subscriber: its notifications outlive it.
/// </summary>
internal sealed class NotificationConfiguration(StatusKitModelOptions options) : IEntityTypeConfiguration<NotificationEntity>
{
    public void Configure(EntityTypeBuilder<NotificationEntity> builder)
    {
        builder.ToTable(options.TablePrefix + StatusKitTableNames.Notifications, options.Schema);
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.HasOne<PageEntity>().WithMany().HasForeignKey(n => n.PageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => n.DeduplicationKey).IsUnique();
        // The claim's order (due time, then id) within the Pending rows, so a claim reads its batch and stops.
        builder.HasIndex(n => new { n.State, n.DueAt, n.Id });
        builder.HasIndex(n => n.CoalesceKey);
        builder.HasIndex(n => new { n.SubscriberId, n.State });
        builder.HasIndex(n => new { n.SubscriberId, n.CreatedAt });
        // The delivery log's order (creation, then id): a fan-out's notices share a creation time.
        builder.HasIndex(n => new { n.PageId, n.CreatedAt, n.Id });
    }
}
