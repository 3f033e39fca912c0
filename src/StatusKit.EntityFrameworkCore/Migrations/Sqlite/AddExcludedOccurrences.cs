using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.Sqlite;

/// <summary>
/// Adds <see cref="ExcludedOccurrencesColumn"/>. Down drops it with SQLite's own <c>DROP COLUMN</c> (3.35+), as
/// <see cref="AddVersionColumns"/> does.
/// </summary>
[DbContext(typeof(StatusKitSqliteDbContext))]
[Migration("20261128000000_AddExcludedOccurrences")]
internal sealed class AddExcludedOccurrences : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => ExcludedOccurrencesColumn.Add(migrationBuilder, "TEXT");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql($"ALTER TABLE {ExcludedOccurrencesColumn.Table} DROP COLUMN {ExcludedOccurrencesColumn.Column};");
}
