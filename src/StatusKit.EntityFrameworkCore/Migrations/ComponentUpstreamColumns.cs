using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations;

/// <summary>
/// The upstream columns of components (a third-party component follows a Statuspage-compatible page): the URL of its
/// <c>summary.json</c> and the upstream component's id, both operator fields, and the status last read there with when
/// it was read, written by the upstream poller. All nullable, the same on both providers: each provider's migration
/// only names its column types and how it drops a column. Components stored before the migration follow no upstream.
/// </summary>
internal static class ComponentUpstreamColumns
{
    public const string Table = "statuskit_components";

    public const string Url = "upstream_url";

    public const string ComponentId = "upstream_component_id";

    public const string Status = "upstream_status";

    public const string ReadAt = "upstream_read_at";

    /// <summary>The four columns, in the order <see cref="Add"/> adds them.</summary>
    public static readonly string[] All = [Url, ComponentId, Status, ReadAt];

    public static void Add(MigrationBuilder migrationBuilder, string textType, string integerType, string instantType)
    {
        migrationBuilder.AddColumn<string>(name: Url, table: Table, type: textType, nullable: true);
        migrationBuilder.AddColumn<string>(name: ComponentId, table: Table, type: textType, nullable: true);
        migrationBuilder.AddColumn<int>(name: Status, table: Table, type: integerType, nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: ReadAt, table: Table, type: instantType, nullable: true);
    }
}
