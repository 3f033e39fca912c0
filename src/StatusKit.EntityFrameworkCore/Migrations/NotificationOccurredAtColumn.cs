using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations;

/// <summary>
/// The <c>occurred_at</c> column of the outbox: when the latest change a row tells happened (its content's
/// <see cref="Notifications.NotificationContent.OccurredAt"/>, which a merge moves on), so that moving the notices held
/// back by maintenance counts the debounce from it in one set-based <c>UPDATE</c>. The same on both providers: each
/// provider's migration only says how it reads the instant out of the JSON content and how it drops a column. Pending
/// rows stored before the migration get it from their content (the only rows a move can touch); the others keep null,
/// which the store reads as their <c>created_at</c>.
/// </summary>
internal static class NotificationOccurredAtColumn
{
    public const string Table = "statuskit_notifications";

    public const string Column = "occurred_at";

    /// <summary><c>NotificationState.Pending</c>, as stored.</summary>
    private const int Pending = 0;

    /// <param name="migrationBuilder">The migration's builder.</param>
    /// <param name="columnType">The provider's type of an instant.</param>
    /// <param name="fromContent">The SQL expression of the content's <c>occurredAt</c> as the provider stores an instant.</param>
    public static void Add(MigrationBuilder migrationBuilder, string columnType, string fromContent)
    {
        migrationBuilder.AddColumn<DateTime>(name: Column, table: Table, type: columnType, nullable: true);
        migrationBuilder.Sql($"UPDATE {Table} SET {Column} = {fromContent} WHERE state = {Pending};");
    }
}
