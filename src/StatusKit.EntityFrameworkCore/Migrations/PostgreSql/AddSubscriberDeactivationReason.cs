using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.PostgreSql;

/// <summary>Adds <see cref="SubscriberActivationColumns"/>.</summary>
[DbContext(typeof(StatusKitPostgreSqlDbContext))]
[Migration("20261212000000_AddSubscriberDeactivationReason")]
internal sealed class AddSubscriberDeactivationReason : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        SubscriberActivationColumns.Add(migrationBuilder, "integer", "timestamp with time zone");

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: SubscriberActivationColumns.ActivatedAt, table: SubscriberActivationColumns.Table);
        migrationBuilder.DropColumn(name: SubscriberActivationColumns.DeactivationReason, table: SubscriberActivationColumns.Table);
    }
}
