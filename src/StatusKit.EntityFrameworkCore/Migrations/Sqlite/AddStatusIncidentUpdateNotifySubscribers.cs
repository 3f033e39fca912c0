using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.Sqlite;

/// <summary>
/// Adds <see cref="StatusIncidentUpdateNotifySubscribersColumn"/>. Down drops it with SQLite's own <c>DROP COLUMN</c>
/// (3.35+), as <see cref="AddStatusIncidentPostmortem"/> does.
/// </summary>
[DbContext(typeof(StatusKitSqliteDbContext))]
[Migration("20261209000000_AddStatusIncidentUpdateNotifySubscribers")]
internal sealed class AddStatusIncidentUpdateNotifySubscribers : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => StatusIncidentUpdateNotifySubscribersColumn.Add(migrationBuilder, "INTEGER");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql($"ALTER TABLE {StatusIncidentUpdateNotifySubscribersColumn.Table} DROP COLUMN {StatusIncidentUpdateNotifySubscribersColumn.Column};");
}
