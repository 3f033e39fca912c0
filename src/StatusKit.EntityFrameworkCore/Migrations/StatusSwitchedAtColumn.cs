using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations;

/// <summary>
/// The <c>status_switched_at</c> column of maintenance windows (<see cref="Model.MaintenanceWindow.StatusSwitchedAt"/>:
/// when the window's last start or end switched its components into or out of Under Maintenance) and its index, the same
/// on both providers: each provider's migration only names its column type, how it writes true and how it drops a
/// column. A window in progress with auto-update on is marked (with its <c>updated_at</c>): it switched its components
/// when it started, so a recompute that commits that change after the upgrade (the start-up recompute, when the host
/// stopped before settling the start) tells it by the window's started notice alone. Other windows get null: an end
/// before the upgrade is long settled.
/// </summary>
internal static class StatusSwitchedAtColumn
{
    public const string Table = "statuskit_maintenance_windows";

    public const string Column = "status_switched_at";

    /// <summary><c>MaintenanceState.InProgress</c>, as stored.</summary>
    private const int InProgress = 1;

    public static void Add(MigrationBuilder migrationBuilder, string columnType, string trueLiteral)
    {
        migrationBuilder.AddColumn<DateTime>(name: Column, table: Table, type: columnType, nullable: true);
        AddedIndex.WindowStatusSwitch.Create(migrationBuilder);
        migrationBuilder.Sql($"UPDATE {Table} SET {Column} = updated_at WHERE state = {InProgress} AND auto_update_status = {trueLiteral};");
    }
}
