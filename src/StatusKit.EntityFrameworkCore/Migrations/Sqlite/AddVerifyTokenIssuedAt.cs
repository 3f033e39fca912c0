using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.Sqlite;

/// <summary>
/// Adds <see cref="VerifyTokenIssuedAtColumn"/>. Down drops it with SQLite's own <c>DROP COLUMN</c> (3.35+), as
/// <see cref="AddVersionColumns"/> does.
/// </summary>
[DbContext(typeof(StatusKitSqliteDbContext))]
[Migration("20261126000000_AddVerifyTokenIssuedAt")]
internal sealed class AddVerifyTokenIssuedAt : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => VerifyTokenIssuedAtColumn.Add(migrationBuilder, "TEXT", "0");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql($"ALTER TABLE {VerifyTokenIssuedAtColumn.Table} DROP COLUMN {VerifyTokenIssuedAtColumn.Column};");
}
