using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.PostgreSql;

/// <summary>Marks the announced starts of the windows in progress (<see cref="AnnouncedStarts"/>); no schema change.</summary>
[DbContext(typeof(StatusKitPostgreSqlDbContext))]
[Migration("20261201000000_MarkAnnouncedStarts")]
internal sealed class MarkAnnouncedStarts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => AnnouncedStarts.Mark(migrationBuilder, "TRUE");

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        // Nothing to undo: the older version does not read the mark of a window in progress.
    }
}
