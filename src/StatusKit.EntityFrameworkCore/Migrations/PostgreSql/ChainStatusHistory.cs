using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.PostgreSql;

/// <summary>
/// Chains each component's status history (<c>components.last_history_id</c>, <c>status_history.previous_id</c>,
/// filled in for the rows already stored, in time order) and drops the (component, time) index and the foreign key
/// from history to components that needed it.
/// </summary>
[DbContext(typeof(StatusKitPostgreSqlDbContext))]
[Migration("20261123000000_ChainStatusHistory")]
internal sealed class ChainStatusHistory : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>(name: "last_history_id", table: "statuskit_components", type: "uuid", nullable: true);
        migrationBuilder.AddColumn<Guid>(name: "previous_id", table: "statuskit_status_history", type: "uuid", nullable: true);
        migrationBuilder.Sql(
            """
            UPDATE statuskit_components AS c SET last_history_id = (
                SELECT h.id FROM statuskit_status_history AS h WHERE h.component_id = c.id
                ORDER BY h.at DESC, h.id DESC LIMIT 1);
            UPDATE statuskit_status_history AS h SET previous_id = (
                SELECT p.id FROM statuskit_status_history AS p
                WHERE p.component_id = h.component_id AND (p.at, p.id) < (h.at, h.id)
                ORDER BY p.at DESC, p.id DESC LIMIT 1);
            """);
        migrationBuilder.DropForeignKey(name: "FK_statuskit_status_history_statuskit_components_component_id", table: "statuskit_status_history");
        migrationBuilder.DropIndex(name: "IX_statuskit_status_history_component_id_at", table: "statuskit_status_history");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex(name: "IX_statuskit_status_history_component_id_at", table: "statuskit_status_history", columns: ["component_id", "at"]);
        migrationBuilder.AddForeignKey(
            name: "FK_statuskit_status_history_statuskit_components_component_id",
            table: "statuskit_status_history",
            column: "component_id",
            principalTable: "statuskit_components",
            principalColumn: "id",
            onDelete: ReferentialAction.Cascade);
        migrationBuilder.DropColumn(name: "previous_id", table: "statuskit_status_history");
        migrationBuilder.DropColumn(name: "last_history_id", table: "statuskit_components");
    }
}
