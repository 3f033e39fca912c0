using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations;

/// <summary>
/// The <c>verify_token_issued_at</c> column of subscribers, when their verification token was issued, the same on both
/// providers: each provider's migration only names its column type and how it drops a column. Subscribers stored
/// before the migration that never confirmed get their <c>created_at</c>: their token counts from the subscription, so
/// one older than the token lifetime has expired (subscribing again sends a fresh one) and one long expired is
/// removed by the clean-up. Confirmed subscribers keep null.
/// </summary>
internal static class VerifyTokenIssuedAtColumn
{
    public const string Table = "statuskit_subscribers";

    public const string Column = "verify_token_issued_at";

    public static void Add(MigrationBuilder migrationBuilder, string columnType, string unverified)
    {
        migrationBuilder.AddColumn<DateTime>(name: Column, table: Table, type: columnType, nullable: true);
        migrationBuilder.Sql($"UPDATE {Table} SET {Column} = created_at WHERE is_verified = {unverified} AND verify_token_hash IS NOT NULL;");
    }
}
