using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.Sqlite;

/// <summary>
/// Adds <see cref="NotificationOccurredAtColumn"/>, read from the JSON content and written in the text form EF Core
/// stores instants in (<c>yyyy-MM-dd HH:mm:ss.FFF</c>, UTC, no trailing zeros). Down drops it with SQLite's own
/// <c>DROP COLUMN</c> (3.35+), as <see cref="AddVerifyTokenIssuedAt"/> does.
/// </summary>
[DbContext(typeof(StatusKitSqliteDbContext))]
[Migration("20261205000000_AddNotificationOccurredAt")]
internal sealed class AddNotificationOccurredAt : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        NotificationOccurredAtColumn.Add(
            migrationBuilder,
            "TEXT",
            "rtrim(rtrim(strftime('%Y-%m-%d %H:%M:%f', json_extract(content, '$.occurredAt')), '0'), '.')");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql($"ALTER TABLE {NotificationOccurredAtColumn.Table} DROP COLUMN {NotificationOccurredAtColumn.Column};");
}
