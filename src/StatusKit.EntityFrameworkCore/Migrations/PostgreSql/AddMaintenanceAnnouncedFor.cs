using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.PostgreSql;

/// <summary>Adds <see cref="AnnouncedForColumn"/>.</summary>
[DbContext(typeof(StatusKitPostgreSqlDbContext))]
[Migration("20261127000000_AddMaintenanceAnnouncedFor")]
internal sealed class AddMaintenanceAnnouncedFor : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => AnnouncedForColumn.Add(migrationBuilder, "timestamp with time zone");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: AnnouncedForColumn.Column, table: AnnouncedForColumn.Table);
}
