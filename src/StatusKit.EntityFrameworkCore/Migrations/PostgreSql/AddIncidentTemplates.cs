using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.PostgreSql;

/// <summary>Creates <see cref="IncidentTemplatesTable"/>; Down drops it.</summary>
[DbContext(typeof(StatusKitPostgreSqlDbContext))]
[Migration("20261213000000_AddIncidentTemplates")]
internal sealed class AddIncidentTemplates : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        IncidentTemplatesTable.Create(
            migrationBuilder, new IncidentTemplatesTable.Types("uuid", "text", "integer", "bigint", "timestamp with time zone"));

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: IncidentTemplatesTable.Table);
}
