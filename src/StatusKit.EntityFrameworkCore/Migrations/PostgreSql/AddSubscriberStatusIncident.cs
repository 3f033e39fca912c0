using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.PostgreSql;

/// <summary>Adds <see cref="SubscriberStatusIncidentColumn"/>.</summary>
[DbContext(typeof(StatusKitPostgreSqlDbContext))]
[Migration("20261214000000_AddSubscriberStatusIncident")]
internal sealed class AddSubscriberStatusIncident : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => SubscriberStatusIncidentColumn.Add(migrationBuilder, "uuid");

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        SubscriberStatusIncidentColumn.RemoveIndexes(migrationBuilder);
        migrationBuilder.DropColumn(name: SubscriberStatusIncidentColumn.Column, table: SubscriberStatusIncidentColumn.Table);
    }
}
