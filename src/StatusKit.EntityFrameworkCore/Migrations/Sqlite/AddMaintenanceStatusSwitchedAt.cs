using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.Sqlite;

/// <summary>
/// Adds <see cref="StatusSwitchedAtColumn"/> and its index, marking the windows in progress. Down drops them, the column with SQLite's own
/// <c>DROP COLUMN</c> (3.35+), as <see cref="AddMaintenanceAnnouncedFor"/> does.
/// </summary>
[DbContext(typeof(StatusKitSqliteDbContext))]
[Migration("20261203000000_AddMaintenanceStatusSwitchedAt")]
internal sealed class AddMaintenanceStatusSwitchedAt : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => StatusSwitchedAtColumn.Add(migrationBuilder, "TEXT", "1");

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        AddedIndex.WindowStatusSwitch.Drop(migrationBuilder);
        migrationBuilder.Sql($"ALTER TABLE {StatusSwitchedAtColumn.Table} DROP COLUMN {StatusSwitchedAtColumn.Column};");
    }
}
