using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations;

/// <summary>
/// The status incidents' (page, update time) index, the same on both providers: every snapshot rebuild reads the page's
/// most recently changed incident (the time of the page's latest change), and without it that read visits every
/// incident the page ever had.
/// </summary>
internal static class IncidentUpdateTimeIndex
{
    private const string Name = "IX_statuskit_status_incidents_page_id_updated_at";
    private const string Table = "statuskit_status_incidents";

    public static void Create(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex(name: Name, table: Table, columns: ["page_id", "updated_at"]);

    public static void Drop(MigrationBuilder migrationBuilder) => migrationBuilder.DropIndex(name: Name, table: Table);
}
