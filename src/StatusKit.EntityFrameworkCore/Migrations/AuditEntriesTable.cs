using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations;

/// <summary>
/// The <c>audit_entries</c> table: who changed what on a page, and when, with the names (never the values) of the
/// fields changed as a JSON array. Indexed by (page, occurrence time, id) for a page's log newest first, and by
/// occurrence time for pruning. No foreign key to the page: a deleted page's entries are kept until they are pruned.
/// The same on both providers: each provider's migration only names its column types. A new table, so rows stored
/// before the migration need nothing.
/// </summary>
internal static class AuditEntriesTable
{
    public const string Table = "statuskit_audit_entries";

    /// <summary>The column types of one provider.</summary>
    public sealed record Types(string Uuid, string Text, string Instant);

    public static void Create(MigrationBuilder migrationBuilder, Types types)
    {
        migrationBuilder.CreateTable(
            name: Table,
            columns: table => new
            {
                id = table.Column<Guid>(type: types.Uuid, nullable: false),
                page_id = table.Column<Guid>(type: types.Uuid, nullable: false),
                occurred_at = table.Column<DateTime>(type: types.Instant, nullable: false),
                actor = table.Column<string>(type: types.Text, nullable: false),
                action = table.Column<string>(type: types.Text, nullable: false),
                target_kind = table.Column<string>(type: types.Text, nullable: false),
                target_id = table.Column<Guid>(type: types.Uuid, nullable: false),
                fields = table.Column<string>(type: types.Text, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_statuskit_audit_entries", x => x.id));

        migrationBuilder.CreateIndex(
            name: "IX_statuskit_audit_entries_page_id_occurred_at_id",
            table: Table,
            columns: ["page_id", "occurred_at", "id"]);

        migrationBuilder.CreateIndex(
            name: "IX_statuskit_audit_entries_occurred_at",
            table: Table,
            column: "occurred_at");
    }
}
