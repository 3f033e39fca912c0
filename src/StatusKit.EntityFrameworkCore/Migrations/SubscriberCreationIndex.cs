using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations;

/// <summary>
/// The outbox's (subscriber, creation time) index, the same on both providers: the dispatcher lists a subscriber's
/// newest rows before sending, to find a later change of the same component, and without it that read sorts all of
/// the subscriber's rows.
/// </summary>
internal static class SubscriberCreationIndex
{
    private const string Name = "IX_statuskit_notifications_subscriber_id_created_at";
    private const string Table = "statuskit_notifications";

    public static void Create(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex(name: Name, table: Table, columns: ["subscriber_id", "created_at"]);

    public static void Drop(MigrationBuilder migrationBuilder) => migrationBuilder.DropIndex(name: Name, table: Table);
}
