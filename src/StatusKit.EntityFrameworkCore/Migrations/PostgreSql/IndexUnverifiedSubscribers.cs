using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.PostgreSql;

/// <summary>Adds <see cref="AddedIndex.UnverifiedSubscribers"/>.</summary>
[DbContext(typeof(StatusKitPostgreSqlDbContext))]
[Migration("20261129000000_IndexUnverifiedSubscribers")]
internal sealed class IndexUnverifiedSubscribers : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => AddedIndex.UnverifiedSubscribers.Create(migrationBuilder);

    protected override void Down(MigrationBuilder migrationBuilder) => AddedIndex.UnverifiedSubscribers.Drop(migrationBuilder);
}
