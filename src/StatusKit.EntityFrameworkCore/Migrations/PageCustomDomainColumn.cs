using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations;

/// <summary>
/// The <c>custom_domain</c> column of pages (the page's own host name, lowercase, optional) and its unique index, the
/// same on both providers: each provider's migration only names its text type and how it drops the column. Pages stored
/// before the migration get null (no custom domain); nulls never collide in a unique index on either provider.
/// </summary>
internal static class PageCustomDomainColumn
{
    public const string Table = "statuskit_pages";

    public const string Column = "custom_domain";

    public const string Index = "IX_statuskit_pages_custom_domain";

    public static void Add(MigrationBuilder migrationBuilder, string textType)
    {
        migrationBuilder.AddColumn<string>(name: Column, table: Table, type: textType, nullable: true);
        migrationBuilder.CreateIndex(name: Index, table: Table, column: Column, unique: true);
    }

    public static void DropIndex(MigrationBuilder migrationBuilder) => migrationBuilder.DropIndex(name: Index, table: Table);
}
