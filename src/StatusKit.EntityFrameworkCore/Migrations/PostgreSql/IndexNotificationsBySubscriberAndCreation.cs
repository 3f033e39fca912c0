using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.PostgreSql;

/// <summary>
/// Indexes the outbox by (subscriber, creation time): the dispatcher lists a subscriber's newest rows before sending,
/// to find a later change of the same component, and without it that read sorts all of the subscriber's rows.
/// </summary>
[DbContext(typeof(StatusKitPostgreSqlDbContext))]
[Migration("20261123050000_IndexNotificationsBySubscriberAndCreation")]
internal sealed class IndexNotificationsBySubscriberAndCreation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex(
            name: "IX_statuskit_notifications_subscriber_id_created_at",
            table: "statuskit_notifications",
            columns: ["subscriber_id", "created_at"]);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex(name: "IX_statuskit_notifications_subscriber_id_created_at", table: "statuskit_notifications");
}
