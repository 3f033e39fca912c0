using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.PostgreSql;

/// <summary>Adds <see cref="PreviousSigningSecretColumns"/>.</summary>
[DbContext(typeof(StatusKitPostgreSqlDbContext))]
[Migration("20261202000000_AddPreviousSigningSecret")]
internal sealed class AddPreviousSigningSecret : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        PreviousSigningSecretColumns.Add(migrationBuilder, "text", "timestamp with time zone");

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: PreviousSigningSecretColumns.ExpiresAt, table: PreviousSigningSecretColumns.Table);
        migrationBuilder.DropColumn(name: PreviousSigningSecretColumns.Secret, table: PreviousSigningSecretColumns.Table);
    }
}
