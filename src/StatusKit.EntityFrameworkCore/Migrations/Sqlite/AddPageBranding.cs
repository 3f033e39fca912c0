using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.Sqlite;

/// <summary>
/// Adds <see cref="PageBrandingColumns"/>. Down drops them with SQLite's own <c>DROP COLUMN</c> (3.35+), as
/// <see cref="AddPreviousSigningSecret"/> does.
/// </summary>
[DbContext(typeof(StatusKitSqliteDbContext))]
[Migration("20261207000000_AddPageBranding")]
internal sealed class AddPageBranding : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => PageBrandingColumns.Add(migrationBuilder, "TEXT");

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var column in Enumerable.Reverse(PageBrandingColumns.All))
        {
            migrationBuilder.Sql($"ALTER TABLE {PageBrandingColumns.Table} DROP COLUMN {column};");
        }
    }
}
