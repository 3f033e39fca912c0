using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.Sqlite;

/// <summary>
/// Adds <see cref="PageLanguageColumn"/>. Down drops it with SQLite's own <c>DROP COLUMN</c> (3.35+), as
/// <see cref="AddPageBranding"/> does.
/// </summary>
[DbContext(typeof(StatusKitSqliteDbContext))]
[Migration("20261219000000_AddPageLanguage")]
internal sealed class AddPageLanguage : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => PageLanguageColumn.Add(migrationBuilder, "TEXT");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql($"ALTER TABLE {PageLanguageColumn.Table} DROP COLUMN {PageLanguageColumn.Column};");
}
