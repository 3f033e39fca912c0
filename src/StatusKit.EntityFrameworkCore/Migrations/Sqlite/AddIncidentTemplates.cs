using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.Sqlite;

/// <summary>Creates <see cref="IncidentTemplatesTable"/>; Down drops it.</summary>
[DbContext(typeof(StatusKitSqliteDbContext))]
[Migration("20261213000000_AddIncidentTemplates")]
internal sealed class AddIncidentTemplates : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        IncidentTemplatesTable.Create(migrationBuilder, new IncidentTemplatesTable.Types("TEXT", "TEXT", "INTEGER", "INTEGER", "TEXT"));

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: IncidentTemplatesTable.Table);
}
