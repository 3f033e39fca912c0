using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.Sqlite;

/// <summary>
/// Adds <see cref="ComponentOnlyShowIfDegradedColumn"/>. Down drops it with SQLite's own <c>DROP COLUMN</c> (3.35+), as
/// <see cref="AddStatusIncidentUpdateNotifySubscribers"/> does.
/// </summary>
[DbContext(typeof(StatusKitSqliteDbContext))]
[Migration("20261210000000_AddComponentOnlyShowIfDegraded")]
internal sealed class AddComponentOnlyShowIfDegraded : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => ComponentOnlyShowIfDegradedColumn.Add(migrationBuilder, "INTEGER");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql($"ALTER TABLE {ComponentOnlyShowIfDegradedColumn.Table} DROP COLUMN {ComponentOnlyShowIfDegradedColumn.Column};");
}
