using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations;

/// <summary>
/// The <c>notify_subscribers</c> column of status incident updates: whether the operator chose to notify subscribers
/// of the update (Statuspage's <c>deliver_notifications</c>). The same on both providers: each provider's migration only
/// names its column type and how it drops a column. Updates stored before the migration read true, what every update
/// was reported as until then.
/// </summary>
internal static class StatusIncidentUpdateNotifySubscribersColumn
{
    public const string Table = "statuskit_status_incident_updates";

    public const string Column = "notify_subscribers";

    public static void Add(MigrationBuilder migrationBuilder, string columnType) =>
        migrationBuilder.AddColumn<bool>(name: Column, table: Table, type: columnType, nullable: false, defaultValue: true);
}
