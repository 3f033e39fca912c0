using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations;

/// <summary>
/// The <c>excluded_occurrences</c> column of maintenance windows, the starts of the occurrences a recurring window skips
/// (a JSON array of wall-clock date-times, like <c>component_ids</c> an array of ids), the same on both providers: each
/// provider's migration only names its column type and how it drops a column. Windows stored before the migration
/// exclude nothing: <c>[]</c>.
/// </summary>
internal static class ExcludedOccurrencesColumn
{
    public const string Table = "statuskit_maintenance_windows";

    public const string Column = "excluded_occurrences";

    public static void Add(MigrationBuilder migrationBuilder, string columnType) =>
        migrationBuilder.AddColumn<string>(name: Column, table: Table, type: columnType, nullable: false, defaultValue: "[]");
}
