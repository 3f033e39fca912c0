using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations;

/// <summary>
/// The <c>announced_for</c> column of maintenance windows (<see cref="Model.MaintenanceWindow.AnnouncedFor"/>: the
/// occurrence start a rescheduled notice told subscribers of), the same on both providers: each provider's migration
/// only names its column type and how it drops a column. Windows stored before the migration get null: none was
/// rescheduled with a notice, and those already reminded of keep <c>reminder_sent_for</c>, which still counts.
/// </summary>
internal static class AnnouncedForColumn
{
    public const string Table = "statuskit_maintenance_windows";

    public const string Column = "announced_for";

    public static void Add(MigrationBuilder migrationBuilder, string columnType) =>
        migrationBuilder.AddColumn<DateTime>(name: Column, table: Table, type: columnType, nullable: true);
}
