using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.Sqlite;

/// <summary>
/// Adds <see cref="PageCustomDomainColumn"/>. Down drops the index, then the column with SQLite's own
/// <c>DROP COLUMN</c> (3.35+), as <see cref="AddPageBranding"/> does.
/// </summary>
[DbContext(typeof(StatusKitSqliteDbContext))]
[Migration("20261216000000_AddPageCustomDomain")]
internal sealed class AddPageCustomDomain : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => PageCustomDomainColumn.Add(migrationBuilder, "TEXT");

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        PageCustomDomainColumn.DropIndex(migrationBuilder);
        migrationBuilder.Sql($"ALTER TABLE {PageCustomDomainColumn.Table} DROP COLUMN {PageCustomDomainColumn.Column};");
    }
}
