using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.Sqlite;

/// <summary>
/// Adds <see cref="AddedIndex.OutboxClaims"/> and <see cref="AddedIndex.DeliveryLog"/> in place of
/// <see cref="AddedIndex.InitialOutboxDue"/> and <see cref="AddedIndex.InitialDeliveryLog"/>: what a page with tens of
/// thousands of subscribers needs.
/// </summary>
[DbContext(typeof(StatusKitSqliteDbContext))]
[Migration("20261225000000_IndexOutboxClaimsAndDeliveryLog")]
internal sealed class IndexOutboxClaimsAndDeliveryLog : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        AddedIndex.OutboxClaims.Create(migrationBuilder);
        AddedIndex.InitialOutboxDue.Drop(migrationBuilder);
        AddedIndex.DeliveryLog.Create(migrationBuilder);
        AddedIndex.InitialDeliveryLog.Drop(migrationBuilder);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        AddedIndex.InitialDeliveryLog.Create(migrationBuilder);
        AddedIndex.DeliveryLog.Drop(migrationBuilder);
        AddedIndex.InitialOutboxDue.Create(migrationBuilder);
        AddedIndex.OutboxClaims.Drop(migrationBuilder);
    }
}
