using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.Sqlite;

/// <summary>
/// Adds <see cref="IncidentTemplateStateColumn"/>. Down drops it with SQLite's own <c>DROP COLUMN</c> (3.35+), as
/// <see cref="AddStatusIncidentPostmortem"/> does.
/// </summary>
[DbContext(typeof(StatusKitSqliteDbContext))]
[Migration("20261215000000_AddIncidentTemplateState")]
internal sealed class AddIncidentTemplateState : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => IncidentTemplateStateColumn.Add(migrationBuilder, "INTEGER");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql($"ALTER TABLE {IncidentTemplateStateColumn.Table} DROP COLUMN {IncidentTemplateStateColumn.Column};");
}
