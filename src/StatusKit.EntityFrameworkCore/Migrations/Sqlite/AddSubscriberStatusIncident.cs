using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.Sqlite;

/// <summary>
/// Adds <see cref="SubscriberStatusIncidentColumn"/>. Down drops the column with SQLite's own <c>DROP COLUMN</c>
/// (3.35+), as <see cref="AddPreviousSigningSecret"/> does, after the indexes that name it.
/// </summary>
[DbContext(typeof(StatusKitSqliteDbContext))]
[Migration("20261214000000_AddSubscriberStatusIncident")]
internal sealed class AddSubscriberStatusIncident : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => SubscriberStatusIncidentColumn.Add(migrationBuilder, "TEXT");

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        SubscriberStatusIncidentColumn.RemoveIndexes(migrationBuilder);
        migrationBuilder.Sql($"ALTER TABLE {SubscriberStatusIncidentColumn.Table} DROP COLUMN {SubscriberStatusIncidentColumn.Column};");
    }
}
