using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.PostgreSql;

/// <summary>Adds <see cref="ComponentUpstreamColumns"/>.</summary>
[DbContext(typeof(StatusKitPostgreSqlDbContext))]
[Migration("20261220000000_AddComponentUpstream")]
internal sealed class AddComponentUpstream : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        ComponentUpstreamColumns.Add(migrationBuilder, "text", "integer", "timestamp with time zone");

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var column in ComponentUpstreamColumns.All)
        {
            migrationBuilder.DropColumn(name: column, table: ComponentUpstreamColumns.Table);
        }
    }
}
