using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.PostgreSql;

/// <summary>Adds <see cref="VersionColumns"/>.</summary>
[DbContext(typeof(StatusKitPostgreSqlDbContext))]
[Migration("20261125000000_AddVersionColumns")]
internal sealed class AddVersionColumns : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => VersionColumns.Add(migrationBuilder, "bigint");

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in VersionColumns.Tables)
        {
            migrationBuilder.DropColumn(name: VersionColumns.Column, table: table);
        }
    }
}
