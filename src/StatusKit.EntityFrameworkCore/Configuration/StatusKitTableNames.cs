using System.Text;
using StatusKit.EntityFrameworkCore.Entities;

namespace StatusKit.EntityFrameworkCore.Configuration;

/// <summary>The fixed table names (before the prefix) and the snake_case column naming of StatusKit's model.</summary>
internal static class StatusKitTableNames
{
    public const string Pages = "pages";
    public const string Components = "components";
    public const string MaintenanceWindows = "maintenance_windows";
    public const string StatusIncidents = "status_incidents";
    public const string StatusIncidentUpdates = "status_incident_updates";
    public const string IncidentTemplates = "incident_templates";
    public const string Subscribers = "subscribers";
    public const string IncidentSignals = "incident_signals";
    public const string StatusHistory = "status_history";
    public const string Notifications = "notifications";
    public const string AuditEntries = "audit_entries";
    public const string PageMetrics = "page_metrics";
    public const string MetricPoints = "metric_points";

    /// <summary>Every entity type of StatusKit's model.</summary>
    public static readonly IReadOnlyList<Type> EntityTypes =
    [
        typeof(PageEntity),
        typeof(ComponentEntity),
        typeof(MaintenanceWindowEntity),
        typeof(StatusIncidentEntity),
        typeof(StatusIncidentUpdateEntity),
        typeof(IncidentTemplateEntity),
        typeof(SubscriberEntity),
        typeof(IncidentSignalEntity),
        typeof(StatusHistoryEntity),
        typeof(NotificationEntity),
        typeof(AuditEntryEntity),
        typeof(PageMetricEntity),
        typeof(MetricPointEntity),
    ];

    /// <summary><c>StatusUpdatedAt</c> → <c>status_updated_at</c>.</summary>
    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
