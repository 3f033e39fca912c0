using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations;

/// <summary>
/// The <c>previous_signing_secret</c> and <c>previous_signing_secret_expires_at</c> columns of subscribers: the webhook
/// signing secret a rotation replaced, with which deliveries are still signed too until it expires. The same on both
/// providers: each provider's migration only names its column types and how it drops a column. Subscribers stored
/// before the migration get null in both (no rotation in progress) and need nothing more.
/// </summary>
internal static class PreviousSigningSecretColumns
{
    public const string Table = "statuskit_subscribers";

    public const string Secret = "previous_signing_secret";

    public const string ExpiresAt = "previous_signing_secret_expires_at";

    public static void Add(MigrationBuilder migrationBuilder, string textType, string instantType)
    {
        migrationBuilder.AddColumn<string>(name: Secret, table: Table, type: textType, nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: ExpiresAt, table: Table, type: instantType, nullable: true);
    }
}
