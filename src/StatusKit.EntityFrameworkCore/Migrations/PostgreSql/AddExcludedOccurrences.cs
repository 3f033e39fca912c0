using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.PostgreSql;

/// <summary>Adds <see cref="ExcludedOccurrencesColumn"/>.</summary>
[DbContext(typeof(StatusKitPostgreSqlDbContext))]
[Migration("20261128000000_AddExcludedOccurrences")]
internal sealed class AddExcludedOccurrences : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => ExcludedOccurrencesColumn.Add(migrationBuilder, "text");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: ExcludedOccurrencesColumn.Column, table: ExcludedOccurrencesColumn.Table);
}
