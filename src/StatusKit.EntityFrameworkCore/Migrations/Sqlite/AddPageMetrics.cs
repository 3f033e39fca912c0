using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.Sqlite;

/// <summary>Creates <see cref="PageMetricsTables"/>; Down drops them.</summary>
[DbContext(typeof(StatusKitSqliteDbContext))]
[Migration("20261218000000_AddPageMetrics")]
internal sealed class AddPageMetrics : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        PageMetricsTables.Create(migrationBuilder, new PageMetricsTables.Types("TEXT", "TEXT", "INTEGER", "INTEGER", "INTEGER", "REAL", "TEXT"));

    protected override void Down(MigrationBuilder migrationBuilder) => PageMetricsTables.Drop(migrationBuilder);
}
