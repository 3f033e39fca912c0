using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations;

/// <summary>
/// The <c>deactivation_reason</c> and <c>activated_at</c> columns of subscribers: why an inactive subscriber stopped (a
/// <see cref="Model.SubscriberDeactivationReason"/> as its number, null while active) and when it last started getting
/// notices. The same on both providers: each provider's migration only names its column types and how it drops a
/// column. Subscribers stored before the migration get null in both: an inactive one among them reads as
/// <see cref="Model.SubscriberDeactivationReason.Unknown"/>, since nothing says whether it unsubscribed itself, so an
/// operator cannot reactivate it (its destination can subscribe again); an active one counts its dead letters from its
/// first notice.
/// </summary>
internal static class SubscriberActivationColumns
{
    public const string Table = "statuskit_subscribers";

    public const string DeactivationReason = "deactivation_reason";

    public const string ActivatedAt = "activated_at";

    public static void Add(MigrationBuilder migrationBuilder, string integerType, string instantType)
    {
        migrationBuilder.AddColumn<int>(name: DeactivationReason, table: Table, type: integerType, nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: ActivatedAt, table: Table, type: instantType, nullable: true);
    }
}
