using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations;

/// <summary>
/// The <c>status_switched_at</c> column of maintenance windows (<see cref="Model.MaintenanceWindow.StatusSwitchedAt"/>:
/// when the window's last start or end switched its components into or out of Under Maintenance), the same on both
/// providers: each provider's migration only names its column type and how it drops a column. Windows stored before the
/// migration get null: a recompute that commits the change of a window started before it is told as a component change,
/// as before, and an ended window's mark only matters for a couple of minutes.
/// </summary>
internal static class StatusSwitchedAtColumn
{
    public const string Table = "statuskit_maintenance_windows";

    public const string Column = "status_switched_at";

    public static void Add(MigrationBuilder migrationBuilder, string columnType)
    {
        migrationBuilder.AddColumn<DateTime>(name: Column, table: Table, type: columnType, nullable: true);
        AddedIndex.WindowStatusSwitch.Create(migrationBuilder);
    }
}
