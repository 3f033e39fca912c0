using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.PostgreSql;

/// <summary>Creates <see cref="PageMetricsTables"/>; Down drops them.</summary>
[DbContext(typeof(StatusKitPostgreSqlDbContext))]
[Migration("20261218000000_AddPageMetrics")]
internal sealed class AddPageMetrics : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        PageMetricsTables.Create(
            migrationBuilder,
            new PageMetricsTables.Types("uuid", "text", "integer", "bigint", "boolean", "double precision", "timestamp with time zone"));

    protected override void Down(MigrationBuilder migrationBuilder) => PageMetricsTables.Drop(migrationBuilder);
}
