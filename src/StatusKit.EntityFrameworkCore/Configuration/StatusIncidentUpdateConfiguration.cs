using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StatusKit.EntityFrameworkCore.Entities;

namespace StatusKit.EntityFrameworkCore.Configuration;

/// <summary>Maps the timeline rows of public status incidents: one position per incident.</summary>
internal sealed class StatusIncidentUpdateConfiguration(StatusKitModelOptions options) : IEntityTypeConfiguration<StatusIncidentUpdateEntity>
{
    public void Configure(EntityTypeBuilder<StatusIncidentUpdateEntity> builder)
    {
        builder.ToTable(options.TablePrefix + StatusKitTableNames.StatusIncidentUpdates, options.Schema);
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.HasIndex(u => new { u.IncidentId, u.Position }).IsUnique();
    }
}
