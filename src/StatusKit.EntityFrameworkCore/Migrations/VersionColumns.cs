using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations;

/// <summary>
/// The optimistic-concurrency <c>version</c> column added after the initial schema to pages, components, public status
/// incidents and subscribers (maintenance windows had theirs from the start), the same on both providers: each
/// provider's migration only names its column type and how it drops a column. Rows stored before the migration start
/// at version 1, the version a store adds a record at.
/// </summary>
internal static class VersionColumns
{
    public const string Column = "version";

    public const long ExistingRowsVersion = 1;

    public static IReadOnlyList<string> Tables { get; } =
        ["statuskit_pages", "statuskit_components", "statuskit_status_incidents", "statuskit_subscribers"];

    public static void Add(MigrationBuilder migrationBuilder, string columnType)
    {
        foreach (var table in Tables)
        {
            migrationBuilder.AddColumn<long>(name: Column, table: table, type: columnType, nullable: false, defaultValue: ExistingRowsVersion);
        }
    }
}
