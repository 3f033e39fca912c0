using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.PostgreSql;

/// <summary>Adds <see cref="PageLanguageColumn"/>.</summary>
[DbContext(typeof(StatusKitPostgreSqlDbContext))]
[Migration("20261219000000_AddPageLanguage")]
internal sealed class AddPageLanguage : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => PageLanguageColumn.Add(migrationBuilder, "text");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: PageLanguageColumn.Column, table: PageLanguageColumn.Table);
}
