using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.Sqlite;

/// <summary>Adds <see cref="IncidentUpdateTimeIndex"/>.</summary>
[DbContext(typeof(StatusKitSqliteDbContext))]
[Migration("20261124000000_IndexStatusIncidentsByPageAndUpdate")]
internal sealed class IndexStatusIncidentsByPageAndUpdate : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => IncidentUpdateTimeIndex.Create(migrationBuilder);

    protected override void Down(MigrationBuilder migrationBuilder) => IncidentUpdateTimeIndex.Drop(migrationBuilder);
}
