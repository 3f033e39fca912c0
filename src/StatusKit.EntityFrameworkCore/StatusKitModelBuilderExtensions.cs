using StatusKit.EntityFrameworkCore;
using StatusKit.EntityFrameworkCore.Configuration;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Puts StatusKit's tables into a host's own <see cref="DbContext"/>.</summary>
public static class StatusKitModelBuilderExtensions
{
    /// <summary>
    /// Adds StatusKit's entity types (pages, components, maintenance windows, status incidents and their updates,
    /// incident templates, subscribers, incident signals, status history, notification outbox, audit log, page metrics and their points) to the model, with snake_case columns and
    /// tables named <c>{prefix}pages</c>, <c>{prefix}components</c>, …. Call it from <c>OnModelCreating</c>.
    /// </summary>
    /// <param name="modelBuilder">The host context's model builder.</param>
    /// <param name="configure">Sets the schema and table prefix; the defaults (no schema, <c>statuskit_</c>) match the shipped migrations.</param>
    /// <returns>The model builder, for chaining.</returns>
    /// <exception cref="ArgumentException">
    /// The <see cref="StatusKitModelOptions.TablePrefix"/> makes two of StatusKit's table or index names the same within
    /// the database's maximum identifier length (PostgreSQL keeps 63 bytes of a name).
    /// </exception>
    public static ModelBuilder ApplyStatusKitModel(this ModelBuilder modelBuilder, Action<StatusKitModelOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        var options = new StatusKitModelOptions();
        configure?.Invoke(options);

        modelBuilder.ApplyConfiguration(new PageConfiguration(options));
        modelBuilder.ApplyConfiguration(new ComponentConfiguration(options));
        modelBuilder.ApplyConfiguration(new MaintenanceWindowConfiguration(options));
        modelBuilder.ApplyConfiguration(new StatusIncidentConfiguration(options));
        modelBuilder.ApplyConfiguration(new StatusIncidentUpdateConfiguration(options));
        modelBuilder.ApplyConfiguration(new IncidentTemplateConfiguration(options));
        modelBuilder.ApplyConfiguration(new SubscriberConfiguration(options));
        modelBuilder.ApplyConfiguration(new IncidentSignalConfiguration(options));
        modelBuilder.ApplyConfiguration(new StatusHistoryConfiguration(options));
        modelBuilder.ApplyConfiguration(new NotificationConfiguration(options));
        modelBuilder.ApplyConfiguration(new AuditEntryConfiguration(options));
        modelBuilder.ApplyConfiguration(new PageMetricConfiguration(options));
        modelBuilder.ApplyConfiguration(new MetricPointConfiguration(options));

        foreach (var clrType in StatusKitTableNames.EntityTypes)
        {
            foreach (var property in modelBuilder.Entity(clrType).Metadata.GetProperties())
            {
                property.SetColumnName(StatusKitTableNames.ToSnakeCase(property.Name));
            }
        }

        if (IdentifierClash.Find(modelBuilder.Model, options) is { } clash)
        {
            throw new ArgumentException(clash, nameof(configure));
        }

        return modelBuilder;
    }
}
