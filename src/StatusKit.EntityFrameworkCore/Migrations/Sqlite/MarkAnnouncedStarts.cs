using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.Sqlite;

/// <summary>Marks the announced starts of the windows in progress (<see cref="AnnouncedStarts"/>); no schema change.</summary>
[DbContext(typeof(StatusKitSqliteDbContext))]
[Migration("20261201000000_MarkAnnouncedStarts")]
internal sealed class MarkAnnouncedStarts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => AnnouncedStarts.Mark(migrationBuilder, "1");

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Nothing to undo: the older version does not read the mark of a window in progress.
    }
}
