using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations;

/// <summary>
/// The nullable <c>state</c> column of incident templates: the state an update posted from the template moves its
/// incident to, null when the template gives none. The same on both providers: each provider's migration only names
/// the column type and how it drops a column. Templates stored before the migration get null (no state: an update from
/// them names its own, as every update did before) and need nothing more.
/// </summary>
internal static class IncidentTemplateStateColumn
{
    public const string Table = IncidentTemplatesTable.Table;

    public const string Column = "state";

    public static void Add(MigrationBuilder migrationBuilder, string int32Type) =>
        migrationBuilder.AddColumn<int>(name: Column, table: Table, type: int32Type, nullable: true);
}
