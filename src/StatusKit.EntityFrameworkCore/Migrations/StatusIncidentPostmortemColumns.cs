using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations;

/// <summary>
/// The <c>postmortem</c> and <c>postmortem_published_at</c> columns of status incidents: the postmortem an operator
/// published on a resolved incident and when it was first published. The same on both providers: each provider's
/// migration only names its column types and how it drops a column. Incidents stored before the migration get null in
/// both (no postmortem) and need nothing more.
/// </summary>
internal static class StatusIncidentPostmortemColumns
{
    public const string Table = "statuskit_status_incidents";

    public const string Text = "postmortem";

    public const string PublishedAt = "postmortem_published_at";

    public static void Add(MigrationBuilder migrationBuilder, string textType, string instantType)
    {
        migrationBuilder.AddColumn<string>(name: Text, table: Table, type: textType, nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: PublishedAt, table: Table, type: instantType, nullable: true);
    }
}
