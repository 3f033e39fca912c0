using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations;

/// <summary>
/// The <c>page_metrics</c> table (the system metrics a page shows, their name unique per page ignoring case through the
/// upper-case <c>name_key</c>, whose unique index also finds a page's metrics; deleted with their page) and the
/// <c>metric_points</c> table (their data points, keyed by (metric, instant), the index a series read seeks, indexed by
/// instant for pruning; deleted with their metric). The same on both providers: each provider's migration only names
/// its column types. New tables, so rows stored before the migration need nothing.
/// </summary>
internal static class PageMetricsTables
{
    public const string Metrics = "statuskit_page_metrics";
    public const string Points = "statuskit_metric_points";

    /// <summary>The column types of one provider.</summary>
    public sealed record Types(string Uuid, string Text, string Int32, string Int64, string Boolean, string Double, string Instant);

    public static void Create(MigrationBuilder migrationBuilder, Types types)
    {
        migrationBuilder.CreateTable(
            name: Metrics,
            columns: table => new
            {
                id = table.Column<Guid>(type: types.Uuid, nullable: false),
                page_id = table.Column<Guid>(type: types.Uuid, nullable: false),
                name = table.Column<string>(type: types.Text, nullable: false),
                name_key = table.Column<string>(type: types.Text, nullable: false),
                suffix = table.Column<string>(type: types.Text, nullable: false),
                description = table.Column<string>(type: types.Text, nullable: true),
                display_order = table.Column<int>(type: types.Int32, nullable: false),
                decimals = table.Column<int>(type: types.Int32, nullable: false),
                visible = table.Column<bool>(type: types.Boolean, nullable: false),
                created_at = table.Column<DateTime>(type: types.Instant, nullable: false),
                updated_at = table.Column<DateTime>(type: types.Instant, nullable: false),
                version = table.Column<long>(type: types.Int64, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_statuskit_page_metrics", x => x.id);
                table.ForeignKey(
                    name: "FK_statuskit_page_metrics_statuskit_pages_page_id",
                    column: x => x.page_id,
                    principalTable: "statuskit_pages",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_statuskit_page_metrics_page_id_name_key",
            table: Metrics,
            columns: ["page_id", "name_key"],
            unique: true);

        migrationBuilder.CreateTable(
            name: Points,
            columns: table => new
            {
                metric_id = table.Column<Guid>(type: types.Uuid, nullable: false),
                at = table.Column<DateTime>(type: types.Instant, nullable: false),
                value = table.Column<double>(type: types.Double, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_statuskit_metric_points", x => new { x.metric_id, x.at });
                table.ForeignKey(
                    name: "FK_statuskit_metric_points_statuskit_page_metrics_metric_id",
                    column: x => x.metric_id,
                    principalTable: Metrics,
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_statuskit_metric_points_at",
            table: Points,
            column: "at");
    }

    public static void Drop(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: Points);
        migrationBuilder.DropTable(name: Metrics);
    }
}
