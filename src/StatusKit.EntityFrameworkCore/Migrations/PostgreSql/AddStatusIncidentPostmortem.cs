using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.PostgreSql;

/// <summary>Adds <see cref="StatusIncidentPostmortemColumns"/>.</summary>
[DbContext(typeof(StatusKitPostgreSqlDbContext))]
[Migration("20261208000000_AddStatusIncidentPostmortem")]
internal sealed class AddStatusIncidentPostmortem : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        StatusIncidentPostmortemColumns.Add(migrationBuilder, "text", "timestamp with time zone");

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: StatusIncidentPostmortemColumns.PublishedAt, table: StatusIncidentPostmortemColumns.Table);
        migrationBuilder.DropColumn(name: StatusIncidentPostmortemColumns.Text, table: StatusIncidentPostmortemColumns.Table);
    }
}
