using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StatusKit.EntityFrameworkCore.Entities;

namespace StatusKit.EntityFrameworkCore.Configuration;

/// <summary>Maps incident signals: keyed by the platform incident id, looked up by team + state.</summary>
internal sealed class IncidentSignalConfiguration(StatusKitModelOptions options) : IEntityTypeConfiguration<IncidentSignalEntity>
{
    public void Configure(EntityTypeBuilder<IncidentSignalEntity> builder)
    {
        builder.ToTable(options.TablePrefix + StatusKitTableNames.IncidentSignals, options.Schema);
        builder.HasKey(s => s.IncidentId);
        builder.Property(s => s.IncidentId).ValueGeneratedNever();
        builder.HasIndex(s => new { s.TeamId, s.State });
    }
}
