using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.Sqlite;

/// <summary>
/// Adds <see cref="ComponentUpstreamColumns"/>. Down drops them with SQLite's own <c>DROP COLUMN</c> (3.35+), as
/// <see cref="AddPageLanguage"/> does.
/// </summary>
[DbContext(typeof(StatusKitSqliteDbContext))]
[Migration("20261220000000_AddComponentUpstream")]
internal sealed class AddComponentUpstream : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        ComponentUpstreamColumns.Add(migrationBuilder, "TEXT", "INTEGER", "TEXT");

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var column in ComponentUpstreamColumns.All)
        {
            migrationBuilder.Sql($"ALTER TABLE {ComponentUpstreamColumns.Table} DROP COLUMN {column};");
        }
    }
}
