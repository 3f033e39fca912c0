using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.Sqlite;

/// <summary>
/// Adds <see cref="AnnouncedForColumn"/>. Down drops it with SQLite's own <c>DROP COLUMN</c> (3.35+), as
/// <see cref="AddVersionColumns"/> does.
/// </summary>
[DbContext(typeof(StatusKitSqliteDbContext))]
[Migration("20261127000000_AddMaintenanceAnnouncedFor")]
internal sealed class AddMaintenanceAnnouncedFor : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => AnnouncedForColumn.Add(migrationBuilder, "TEXT");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql($"ALTER TABLE {AnnouncedForColumn.Table} DROP COLUMN {AnnouncedForColumn.Column};");
}
