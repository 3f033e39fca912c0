using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.PostgreSql;

/// <summary>Adds <see cref="PageBrandingColumns"/>.</summary>
[DbContext(typeof(StatusKitPostgreSqlDbContext))]
[Migration("20261207000000_AddPageBranding")]
internal sealed class AddPageBranding : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => PageBrandingColumns.Add(migrationBuilder, "text");

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var column in Enumerable.Reverse(PageBrandingColumns.All))
        {
            migrationBuilder.DropColumn(name: column, table: PageBrandingColumns.Table);
        }
    }
}
