using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.Sqlite;

/// <summary>
/// Adds <see cref="VersionColumns"/>. Down drops them with SQLite's own <c>DROP COLUMN</c> (3.35+), as
/// <see cref="ChainStatusHistory"/> does, rather than a rebuild of each table.
/// </summary>
[DbContext(typeof(StatusKitSqliteDbContext))]
[Migration("20261125000000_AddVersionColumns")]
internal sealed class AddVersionColumns : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => VersionColumns.Add(migrationBuilder, "INTEGER");

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in VersionColumns.Tables)
        {
            migrationBuilder.Sql($"ALTER TABLE {table} DROP COLUMN {VersionColumns.Column};");
        }
    }
}
