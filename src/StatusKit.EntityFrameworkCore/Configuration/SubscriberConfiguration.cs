using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StatusKit.EntityFrameworkCore.Entities;

namespace StatusKit.EntityFrameworkCore.Configuration;

/// <summary>
/// Maps subscribers: unique (page, channel, destination) among the page's followers and unique (status incident,
/// channel, destination) among an incident's (two partial indexes; the second is also how an incident's notices find
/// its followers), page + creation time + id (a page's subscribers, read newest
/// first a page at a time), token-hash lookups, the unconfirmed ones by the time their token was issued (the clean-up's
/// index), cascade from the page, the version as concurrency token.
/// </summary>
internal sealed class SubscriberConfiguration(StatusKitModelOptions options) : IEntityTypeConfiguration<SubscriberEntity>
{
    /// <summary>The filter of the unconfirmed subscribers' index, in SQL that SQLite and PostgreSQL both read.</summary>
    public const string UnverifiedFilter = "NOT is_verified";

    /// <summary>The filter of the page followers' unique index, in SQL that SQLite and PostgreSQL both read.</summary>
    public const string PageFollowerFilter = "status_incident_id IS NULL";

    /// <summary>The filter of the incident followers' unique index, in SQL that SQLite and PostgreSQL both read.</summary>
    public const string IncidentFollowerFilter = "status_incident_id IS NOT NULL";

    public void Configure(EntityTypeBuilder<SubscriberEntity> builder)
    {
        builder.ToTable(options.TablePrefix + StatusKitTableNames.Subscribers, options.Schema);
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasOne<PageEntity>().WithMany().HasForeignKey(s => s.PageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.PageId, s.Channel, s.DestinationKey }).IsUnique().HasFilter(PageFollowerFilter);
        // Named short of PostgreSQL's 63-byte limit, so the name a violation reports is the model's (the conflict's field).
        builder.HasIndex(s => new { s.StatusIncidentId, s.Channel, s.DestinationKey }).IsUnique().HasFilter(IncidentFollowerFilter)
            .HasDatabaseName($"IX_{options.TablePrefix}{StatusKitTableNames.Subscribers}_incident_channel_destination_key");
        builder.HasIndex(s => new { s.PageId, s.CreatedAt, s.Id });
        builder.HasIndex(s => s.VerifyTokenHash);
        builder.HasIndex(s => s.UnsubscribeTokenHash);
        // Partial: only unconfirmed subscribers, a small share of the table that verification takes rows out of. The
        // hourly clean-up (DeleteUnverifiedSubscribersAsync) reads the expired ones as two ranges of it: issued before
        // the cut-off, and without an issue time and created before it. The filter is the SQL of both providers.
        builder.HasIndex(s => new { s.VerifyTokenIssuedAt, s.CreatedAt }).HasFilter(UnverifiedFilter);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}
