using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.Sqlite;

/// <summary>Adds <see cref="AddedIndex.SubscriberCreation"/>.</summary>
[DbContext(typeof(StatusKitSqliteDbContext))]
[Migration("20261123050000_IndexNotificationsBySubscriberAndCreation")]
internal sealed class IndexNotificationsBySubscriberAndCreation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => AddedIndex.SubscriberCreation.Create(migrationBuilder);

    protected override void Down(MigrationBuilder migrationBuilder) => AddedIndex.SubscriberCreation.Drop(migrationBuilder);
}
