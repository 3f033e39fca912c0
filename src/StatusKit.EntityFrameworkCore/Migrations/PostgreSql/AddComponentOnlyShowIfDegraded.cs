using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.PostgreSql;

/// <summary>Adds <see cref="ComponentOnlyShowIfDegradedColumn"/>.</summary>
[DbContext(typeof(StatusKitPostgreSqlDbContext))]
[Migration("20261210000000_AddComponentOnlyShowIfDegraded")]
internal sealed class AddComponentOnlyShowIfDegraded : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => ComponentOnlyShowIfDegradedColumn.Add(migrationBuilder, "boolean");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: ComponentOnlyShowIfDegradedColumn.Column, table: ComponentOnlyShowIfDegradedColumn.Table);
}
