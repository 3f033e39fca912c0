using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.PostgreSql;

/// <summary>Adds <see cref="StatusSwitchedAtColumn"/> and its index, marking the windows in progress.</summary>
[DbContext(typeof(StatusKitPostgreSqlDbContext))]
[Migration("20261203000000_AddMaintenanceStatusSwitchedAt")]
internal sealed class AddMaintenanceStatusSwitchedAt : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => StatusSwitchedAtColumn.Add(migrationBuilder, "timestamp with time zone", "TRUE");

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        AddedIndex.WindowStatusSwitch.Drop(migrationBuilder);
        migrationBuilder.DropColumn(name: StatusSwitchedAtColumn.Column, table: StatusSwitchedAtColumn.Table);
    }
}
