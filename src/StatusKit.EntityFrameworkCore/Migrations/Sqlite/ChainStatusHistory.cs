using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.Sqlite;

/// <summary>
/// Chains each component's status history (<c>components.last_history_id</c>, <c>status_history.previous_id</c>,
/// filled in for the rows already stored, in time order) and drops the (component, time) index and the foreign key
/// from history to components that needed it. SQLite cannot drop a foreign key, so the history table is rebuilt.
/// </summary>
[DbContext(typeof(StatusKitSqliteDbContext))]
[Migration("20261123000000_ChainStatusHistory")]
internal sealed class ChainStatusHistory : Migration
{
    private const string Columns = "id, page_id, component_id, old_status, new_status, at, cause";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>(name: "last_history_id", table: "statuskit_components", type: "TEXT", nullable: true);
        migrationBuilder.Sql(
            """
            UPDATE statuskit_components SET last_history_id = (
                SELECT h.id FROM statuskit_status_history AS h WHERE h.component_id = statuskit_components.id
                ORDER BY h.at DESC, h.id DESC LIMIT 1);
            """);
        RebuildHistory(
            migrationBuilder,
            "previous_id TEXT NULL,",
            $"""
            INSERT INTO ef_temp_statuskit_status_history ({Columns}, previous_id)
            SELECT {Columns}, (
                SELECT p.id FROM statuskit_status_history AS p
                WHERE p.component_id = h.component_id AND (p.at < h.at OR (p.at = h.at AND p.id < h.id))
                ORDER BY p.at DESC, p.id DESC LIMIT 1)
            FROM statuskit_status_history AS h;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        RebuildHistory(
            migrationBuilder,
            "CONSTRAINT FK_statuskit_status_history_statuskit_components_component_id FOREIGN KEY (component_id) REFERENCES statuskit_components (id) ON DELETE CASCADE,",
            $"INSERT INTO ef_temp_statuskit_status_history ({Columns}) SELECT {Columns} FROM statuskit_status_history;");
        migrationBuilder.CreateIndex(name: "IX_statuskit_status_history_component_id_at", table: "statuskit_status_history", columns: ["component_id", "at"]);
        migrationBuilder.Sql("ALTER TABLE statuskit_components DROP COLUMN last_history_id;");
    }

    /// <summary>
    /// Replaces the history table with one that has the columns of the initial schema, the foreign key to pages, its
    /// (page, time) index and <paramref name="extra"/> (a column or a constraint), filled by <paramref name="copy"/>.
    /// </summary>
    private static void RebuildHistory(MigrationBuilder migrationBuilder, string extra, string copy)
    {
        migrationBuilder.Sql(
            $"""
            CREATE TABLE ef_temp_statuskit_status_history (
                id TEXT NOT NULL CONSTRAINT PK_statuskit_status_history PRIMARY KEY,
                page_id TEXT NOT NULL,
                component_id TEXT NOT NULL,
                old_status INTEGER NOT NULL,
                new_status INTEGER NOT NULL,
                at TEXT NOT NULL,
                cause TEXT NOT NULL,
                {extra}
                CONSTRAINT FK_statuskit_status_history_statuskit_pages_page_id FOREIGN KEY (page_id) REFERENCES statuskit_pages (id) ON DELETE CASCADE);
            """);
        migrationBuilder.Sql(copy);
        migrationBuilder.Sql("DROP TABLE statuskit_status_history;");
        migrationBuilder.Sql("ALTER TABLE ef_temp_statuskit_status_history RENAME TO statuskit_status_history;");
        migrationBuilder.CreateIndex(name: "IX_statuskit_status_history_page_id_at", table: "statuskit_status_history", columns: ["page_id", "at"]);
    }
}
