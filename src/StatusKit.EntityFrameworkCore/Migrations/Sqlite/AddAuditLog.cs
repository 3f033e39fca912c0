using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.Sqlite;

/// <summary>Creates <see cref="AuditEntriesTable"/>; Down drops it.</summary>
[DbContext(typeof(StatusKitSqliteDbContext))]
[Migration("20261217000000_AddAuditLog")]
internal sealed class AddAuditLog : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        AuditEntriesTable.Create(migrationBuilder, new AuditEntriesTable.Types("TEXT", "TEXT", "TEXT"));

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: AuditEntriesTable.Table);
}
