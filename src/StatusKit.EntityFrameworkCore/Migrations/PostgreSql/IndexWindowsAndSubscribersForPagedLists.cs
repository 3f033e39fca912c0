using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.PostgreSql;

/// <summary>
/// Adds <see cref="AddedIndex.WindowsByStart"/> in place of <see cref="AddedIndex.InitialWindowStart"/>, and
/// <see cref="AddedIndex.SubscribersByCreation"/>: the indexes of the admin API's paged lists.
/// </summary>
[DbContext(typeof(StatusKitPostgreSqlDbContext))]
[Migration("20261206000000_IndexWindowsAndSubscribersForPagedLists")]
internal sealed class IndexWindowsAndSubscribersForPagedLists : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        AddedIndex.WindowsByStart.Create(migrationBuilder);
        AddedIndex.InitialWindowStart.Drop(migrationBuilder);
        AddedIndex.SubscribersByCreation.Create(migrationBuilder);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        AddedIndex.SubscribersByCreation.Drop(migrationBuilder);
        AddedIndex.InitialWindowStart.Create(migrationBuilder);
        AddedIndex.WindowsByStart.Drop(migrationBuilder);
    }
}
