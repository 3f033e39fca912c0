using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.PostgreSql;

/// <summary>Adds <see cref="VerifyTokenIssuedAtColumn"/>.</summary>
[DbContext(typeof(StatusKitPostgreSqlDbContext))]
[Migration("20261126000000_AddVerifyTokenIssuedAt")]
internal sealed class AddVerifyTokenIssuedAt : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => VerifyTokenIssuedAtColumn.Add(migrationBuilder, "timestamp with time zone", "false");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: VerifyTokenIssuedAtColumn.Column, table: VerifyTokenIssuedAtColumn.Table);
}
