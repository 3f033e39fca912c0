using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.PostgreSql;

/// <summary>Adds <see cref="StatusIncidentUpdateNotifySubscribersColumn"/>.</summary>
[DbContext(typeof(StatusKitPostgreSqlDbContext))]
[Migration("20261209000000_AddStatusIncidentUpdateNotifySubscribers")]
internal sealed class AddStatusIncidentUpdateNotifySubscribers : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => StatusIncidentUpdateNotifySubscribersColumn.Add(migrationBuilder, "boolean");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: StatusIncidentUpdateNotifySubscribersColumn.Column, table: StatusIncidentUpdateNotifySubscribersColumn.Table);
}
