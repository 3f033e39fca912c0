using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.PostgreSql;

/// <summary>Adds <see cref="IncidentTemplateStateColumn"/>.</summary>
[DbContext(typeof(StatusKitPostgreSqlDbContext))]
[Migration("20261215000000_AddIncidentTemplateState")]
internal sealed class AddIncidentTemplateState : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => IncidentTemplateStateColumn.Add(migrationBuilder, "integer");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: IncidentTemplateStateColumn.Column, table: IncidentTemplateStateColumn.Table);
}
