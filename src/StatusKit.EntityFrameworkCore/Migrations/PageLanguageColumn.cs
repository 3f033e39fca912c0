using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations;

/// <summary>
/// The <c>language</c> column of pages (the tag of the language of the page's fixed texts, optional), the same on both
/// providers: each provider's migration only names its text type and how it drops the column. Pages stored before the
/// migration get null (English).
/// </summary>
internal static class PageLanguageColumn
{
    public const string Table = "statuskit_pages";

    public const string Column = "language";

    public static void Add(MigrationBuilder migrationBuilder, string textType) =>
        migrationBuilder.AddColumn<string>(name: Column, table: Table, type: textType, nullable: true);
}
