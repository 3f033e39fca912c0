using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.Sqlite;

/// <summary>Adds <see cref="AddedIndex.IncidentUpdateTime"/>.</summary>
[DbContext(typeof(StatusKitSqliteDbContext))]
[Migration("20261124000000_IndexStatusIncidentsByPageAndUpdate")]
internal sealed class IndexStatusIncidentsByPageAndUpdate : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => AddedIndex.IncidentUpdateTime.Create(migrationBuilder);

    protected override void Down(MigrationBuilder migrationBuilder) => AddedIndex.IncidentUpdateTime.Drop(migrationBuilder);
}
