using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.Sqlite;

/// <summary>
/// Adds <see cref="PreviousSigningSecretColumns"/>. Down drops them with SQLite's own <c>DROP COLUMN</c> (3.35+), as
/// <see cref="AddVerifyTokenIssuedAt"/> does.
/// </summary>
[DbContext(typeof(StatusKitSqliteDbContext))]
[Migration("20261202000000_AddPreviousSigningSecret")]
internal sealed class AddPreviousSigningSecret : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => PreviousSigningSecretColumns.Add(migrationBuilder, "TEXT", "TEXT");

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"ALTER TABLE {PreviousSigningSecretColumns.Table} DROP COLUMN {PreviousSigningSecretColumns.ExpiresAt};");
        migrationBuilder.Sql($"ALTER TABLE {PreviousSigningSecretColumns.Table} DROP COLUMN {PreviousSigningSecretColumns.Secret};");
    }
}
