using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.PostgreSql;

/// <summary>Adds <see cref="SubscriberCreationIndex"/>.</summary>
[DbContext(typeof(StatusKitPostgreSqlDbContext))]
[Migration("20261123050000_IndexNotificationsBySubscriberAndCreation")]
internal sealed class IndexNotificationsBySubscriberAndCreation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => SubscriberCreationIndex.Create(migrationBuilder);

    protected override void Down(MigrationBuilder migrationBuilder) => SubscriberCreationIndex.Drop(migrationBuilder);
}
