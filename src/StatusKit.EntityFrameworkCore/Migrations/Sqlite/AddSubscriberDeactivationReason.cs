using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.Sqlite;

/// <summary>
/// Adds <see cref="SubscriberActivationColumns"/>. Down drops them with SQLite's own <c>DROP COLUMN</c> (3.35+), as
/// <see cref="AddPreviousSigningSecret"/> does.
/// </summary>
[DbContext(typeof(StatusKitSqliteDbContext))]
[Migration("20261212000000_AddSubscriberDeactivationReason")]
internal sealed class AddSubscriberDeactivationReason : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => SubscriberActivationColumns.Add(migrationBuilder, "INTEGER", "TEXT");

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"ALTER TABLE {SubscriberActivationColumns.Table} DROP COLUMN {SubscriberActivationColumns.ActivatedAt};");
        migrationBuilder.Sql($"ALTER TABLE {SubscriberActivationColumns.Table} DROP COLUMN {SubscriberActivationColumns.DeactivationReason};");
    }
}
