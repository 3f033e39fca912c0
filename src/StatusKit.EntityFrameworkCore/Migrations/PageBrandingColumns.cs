using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations;

/// <summary>
/// The <c>homepage_url</c>, <c>logo_url</c> and <c>accent_color</c> columns of pages: the page's branding, all
/// optional. The same on both providers: each provider's migration only names its text type and how it drops a column.
/// Pages stored before the migration get null in all three (the default look) and need nothing more.
/// </summary>
internal static class PageBrandingColumns
{
    public const string Table = "statuskit_pages";

    public const string HomepageUrl = "homepage_url";

    public const string LogoUrl = "logo_url";

    public const string AccentColor = "accent_color";

    /// <summary>The columns, in the order <c>Up</c> adds them (<c>Down</c> drops them in reverse).</summary>
    public static readonly string[] All = [HomepageUrl, LogoUrl, AccentColor];

    public static void Add(MigrationBuilder migrationBuilder, string textType)
    {
        foreach (var column in All)
        {
            migrationBuilder.AddColumn<string>(name: column, table: Table, type: textType, nullable: true);
        }
    }
}
