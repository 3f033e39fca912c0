using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations;

/// <summary>
/// The <c>only_show_if_degraded</c> column of components: whether the public page and JSON API show the component only
/// while it is not operational (Statuspage's <c>only_show_if_degraded</c>). The same on both providers: each provider's
/// migration only names its column type and how it drops a column. Components stored before the migration read false,
/// always shown, as every component was until then.
/// </summary>
internal static class ComponentOnlyShowIfDegradedColumn
{
    public const string Table = "statuskit_components";

    public const string Column = "only_show_if_degraded";

    public static void Add(MigrationBuilder migrationBuilder, string columnType) =>
        migrationBuilder.AddColumn<bool>(name: Column, table: Table, type: columnType, nullable: false, defaultValue: false);
}
