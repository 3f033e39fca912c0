using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.PostgreSql;

/// <summary>Adds <see cref="PageCustomDomainColumn"/>.</summary>
[DbContext(typeof(StatusKitPostgreSqlDbContext))]
[Migration("20261216000000_AddPageCustomDomain")]
internal sealed class AddPageCustomDomain : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => PageCustomDomainColumn.Add(migrationBuilder, "text");

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        PageCustomDomainColumn.DropIndex(migrationBuilder);
        migrationBuilder.DropColumn(name: PageCustomDomainColumn.Column, table: PageCustomDomainColumn.Table);
    }
}
