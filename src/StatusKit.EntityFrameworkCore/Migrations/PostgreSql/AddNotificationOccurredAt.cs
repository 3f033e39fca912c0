using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.PostgreSql;

/// <summary>Adds <see cref="NotificationOccurredAtColumn"/>, read from the JSON content.</summary>
[DbContext(typeof(StatusKitPostgreSqlDbContext))]
[Migration("20261205000000_AddNotificationOccurredAt")]
internal sealed class AddNotificationOccurredAt : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        NotificationOccurredAtColumn.Add(migrationBuilder, "timestamp with time zone", "(content::jsonb ->> 'occurredAt')::timestamptz");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: NotificationOccurredAtColumn.Column, table: NotificationOccurredAtColumn.Table);
}
