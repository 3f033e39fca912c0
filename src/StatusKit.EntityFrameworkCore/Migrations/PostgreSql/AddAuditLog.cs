using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.PostgreSql;

/// <summary>Creates <see cref="AuditEntriesTable"/>; Down drops it.</summary>
[DbContext(typeof(StatusKitPostgreSqlDbContext))]
[Migration("20261217000000_AddAuditLog")]
internal sealed class AddAuditLog : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        AuditEntriesTable.Create(migrationBuilder, new AuditEntriesTable.Types("uuid", "text", "timestamp with time zone"));

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: AuditEntriesTable.Table);
}
