using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.PostgreSql;

/// <summary>Adds <see cref="AddedIndex.CompletedWindows"/>.</summary>
[DbContext(typeof(StatusKitPostgreSqlDbContext))]
[Migration("20261204000000_IndexMaintenanceWindowsByPageStateAndStart")]
internal sealed class IndexMaintenanceWindowsByPageStateAndStart : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => AddedIndex.CompletedWindows.Create(migrationBuilder);

    protected override void Down(MigrationBuilder migrationBuilder) => AddedIndex.CompletedWindows.Drop(migrationBuilder);
}
