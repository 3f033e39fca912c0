using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations;

/// <summary>
/// The <c>incident_templates</c> table: an operator's prepared incident wording per page, its name unique per page
/// ignoring case (the upper-case <c>name_key</c>, whose unique index also finds a page's templates), deleted with its
/// page. The same on both providers: each provider's migration only names its column types. A new table, so rows
/// stored before the migration need nothing.
/// </summary>
internal static class IncidentTemplatesTable
{
    public const string Table = "statuskit_incident_templates";

    /// <summary>The column types of one provider.</summary>
    public sealed record Types(string Uuid, string Text, string Int32, string Int64, string Instant);

    public static void Create(MigrationBuilder migrationBuilder, Types types)
    {
        migrationBuilder.CreateTable(
            name: Table,
            columns: table => new
            {
                id = table.Column<Guid>(type: types.Uuid, nullable: false),
                page_id = table.Column<Guid>(type: types.Uuid, nullable: false),
                name = table.Column<string>(type: types.Text, nullable: false),
                name_key = table.Column<string>(type: types.Text, nullable: false),
                title = table.Column<string>(type: types.Text, nullable: false),
                message = table.Column<string>(type: types.Text, nullable: false),
                severity = table.Column<int>(type: types.Int32, nullable: false),
                component_ids = table.Column<string>(type: types.Text, nullable: false),
                created_at = table.Column<DateTime>(type: types.Instant, nullable: false),
                updated_at = table.Column<DateTime>(type: types.Instant, nullable: false),
                version = table.Column<long>(type: types.Int64, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_statuskit_incident_templates", x => x.id);
                table.ForeignKey(
                    name: "FK_statuskit_incident_templates_statuskit_pages_page_id",
                    column: x => x.page_id,
                    principalTable: "statuskit_pages",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_statuskit_incident_templates_page_id_name_key",
            table: Table,
            columns: ["page_id", "name_key"],
            unique: true);
    }
}
