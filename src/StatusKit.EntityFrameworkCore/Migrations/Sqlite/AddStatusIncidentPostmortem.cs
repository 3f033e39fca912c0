using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.Sqlite;

/// <summary>
/// Adds <see cref="StatusIncidentPostmortemColumns"/>. Down drops them with SQLite's own <c>DROP COLUMN</c> (3.35+), as
/// <see cref="AddPreviousSigningSecret"/> does.
/// </summary>
[DbContext(typeof(StatusKitSqliteDbContext))]
[Migration("20261208000000_AddStatusIncidentPostmortem")]
internal sealed class AddStatusIncidentPostmortem : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => StatusIncidentPostmortemColumns.Add(migrationBuilder, "TEXT", "TEXT");

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"ALTER TABLE {StatusIncidentPostmortemColumns.Table} DROP COLUMN {StatusIncidentPostmortemColumns.PublishedAt};");
        migrationBuilder.Sql($"ALTER TABLE {StatusIncidentPostmortemColumns.Table} DROP COLUMN {StatusIncidentPostmortemColumns.Text};");
    }
}
