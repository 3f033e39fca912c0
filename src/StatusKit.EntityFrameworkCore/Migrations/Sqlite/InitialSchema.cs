using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations.Sqlite;

/// <summary>Creates StatusKit's tables and indexes on SQLite (written by hand: EF's design-time tools are not used).</summary>
[DbContext(typeof(StatusKitSqliteDbContext))]
[Migration("20250601000000_InitialSchema")]
internal sealed class InitialSchema : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "statuskit_incident_signals",
            columns: table => new
            {
                incident_id = table.Column<string>(type: "TEXT", nullable: false),
                team_id = table.Column<string>(type: "TEXT", nullable: false),
                service_identifier = table.Column<string>(type: "TEXT", nullable: true),
                priority = table.Column<string>(type: "TEXT", nullable: false),
                state = table.Column<int>(type: "INTEGER", nullable: false),
                version = table.Column<long>(type: "INTEGER", nullable: false),
                occurred_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                title = table.Column<string>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_statuskit_incident_signals", x => x.incident_id);
            });

        migrationBuilder.CreateTable(
            name: "statuskit_pages",
            columns: table => new
            {
                id = table.Column<Guid>(type: "TEXT", nullable: false),
                name = table.Column<string>(type: "TEXT", nullable: false),
                description = table.Column<string>(type: "TEXT", nullable: true),
                slug = table.Column<string>(type: "TEXT", nullable: false),
                is_public = table.Column<bool>(type: "INTEGER", nullable: false),
                access_token_hash = table.Column<string>(type: "TEXT", nullable: true),
                team_id = table.Column<string>(type: "TEXT", nullable: true),
                time_zone_id = table.Column<string>(type: "TEXT", nullable: false),
                created_by = table.Column<string>(type: "TEXT", nullable: true),
                created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_statuskit_pages", x => x.id);
            });

        migrationBuilder.CreateTable(
            name: "statuskit_components",
            columns: table => new
            {
                id = table.Column<Guid>(type: "TEXT", nullable: false),
                page_id = table.Column<Guid>(type: "TEXT", nullable: false),
                name = table.Column<string>(type: "TEXT", nullable: false),
                name_key = table.Column<string>(type: "TEXT", nullable: false),
                description = table.Column<string>(type: "TEXT", nullable: true),
                display_order = table.Column<int>(type: "INTEGER", nullable: false),
                group_name = table.Column<string>(type: "TEXT", nullable: true),
                team_id = table.Column<string>(type: "TEXT", nullable: true),
                service_identifier = table.Column<string>(type: "TEXT", nullable: true),
                status = table.Column<int>(type: "INTEGER", nullable: false),
                status_updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                manual_status = table.Column<int>(type: "INTEGER", nullable: true),
                manual_status_expires_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_statuskit_components", x => x.id);
                table.ForeignKey(
                    name: "FK_statuskit_components_statuskit_pages_page_id",
                    column: x => x.page_id,
                    principalTable: "statuskit_pages",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "statuskit_maintenance_windows",
            columns: table => new
            {
                id = table.Column<Guid>(type: "TEXT", nullable: false),
                page_id = table.Column<Guid>(type: "TEXT", nullable: false),
                title = table.Column<string>(type: "TEXT", nullable: false),
                description = table.Column<string>(type: "TEXT", nullable: true),
                starts_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                ends_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                time_zone_id = table.Column<string>(type: "TEXT", nullable: false),
                recurrence = table.Column<string>(type: "TEXT", nullable: true),
                auto_update_status = table.Column<bool>(type: "INTEGER", nullable: false),
                notify_subscribers = table.Column<bool>(type: "INTEGER", nullable: false),
                state = table.Column<int>(type: "INTEGER", nullable: false),
                occurrence_starts_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                occurrence_ends_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                reminder_sent_for = table.Column<DateTime>(type: "TEXT", nullable: true),
                component_ids = table.Column<string>(type: "TEXT", nullable: false),
                created_by = table.Column<string>(type: "TEXT", nullable: true),
                created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                version = table.Column<long>(type: "INTEGER", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_statuskit_maintenance_windows", x => x.id);
                table.ForeignKey(
                    name: "FK_statuskit_maintenance_windows_statuskit_pages_page_id",
                    column: x => x.page_id,
                    principalTable: "statuskit_pages",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "statuskit_notifications",
            columns: table => new
            {
                id = table.Column<Guid>(type: "TEXT", nullable: false),
                page_id = table.Column<Guid>(type: "TEXT", nullable: false),
                subscriber_id = table.Column<Guid>(type: "TEXT", nullable: false),
                channel = table.Column<int>(type: "INTEGER", nullable: false),
                deduplication_key = table.Column<string>(type: "TEXT", nullable: false),
                coalesce_key = table.Column<string>(type: "TEXT", nullable: true),
                content = table.Column<string>(type: "TEXT", nullable: false),
                state = table.Column<int>(type: "INTEGER", nullable: false),
                attempts = table.Column<int>(type: "INTEGER", nullable: false),
                created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                due_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                not_after = table.Column<DateTime>(type: "TEXT", nullable: true),
                lease_owner = table.Column<string>(type: "TEXT", nullable: true),
                lease_expires_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                last_error = table.Column<string>(type: "TEXT", nullable: true),
                completed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_statuskit_notifications", x => x.id);
                table.ForeignKey(
                    name: "FK_statuskit_notifications_statuskit_pages_page_id",
                    column: x => x.page_id,
                    principalTable: "statuskit_pages",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "statuskit_status_incidents",
            columns: table => new
            {
                id = table.Column<Guid>(type: "TEXT", nullable: false),
                page_id = table.Column<Guid>(type: "TEXT", nullable: false),
                platform_incident_id = table.Column<string>(type: "TEXT", nullable: true),
                title = table.Column<string>(type: "TEXT", nullable: false),
                message = table.Column<string>(type: "TEXT", nullable: false),
                severity = table.Column<int>(type: "INTEGER", nullable: false),
                state = table.Column<int>(type: "INTEGER", nullable: false),
                component_ids = table.Column<string>(type: "TEXT", nullable: false),
                created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                resolved_at = table.Column<DateTime>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_statuskit_status_incidents", x => x.id);
                table.ForeignKey(
                    name: "FK_statuskit_status_incidents_statuskit_pages_page_id",
                    column: x => x.page_id,
                    principalTable: "statuskit_pages",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "statuskit_subscribers",
            columns: table => new
            {
                id = table.Column<Guid>(type: "TEXT", nullable: false),
                page_id = table.Column<Guid>(type: "TEXT", nullable: false),
                channel = table.Column<int>(type: "INTEGER", nullable: false),
                destination = table.Column<string>(type: "TEXT", nullable: false),
                destination_key = table.Column<string>(type: "TEXT", nullable: false),
                component_ids = table.Column<string>(type: "TEXT", nullable: false),
                notify_on = table.Column<int>(type: "INTEGER", nullable: false),
                is_verified = table.Column<bool>(type: "INTEGER", nullable: false),
                verify_token_hash = table.Column<string>(type: "TEXT", nullable: true),
                unsubscribe_token_hash = table.Column<string>(type: "TEXT", nullable: false),
                signing_secret = table.Column<string>(type: "TEXT", nullable: true),
                is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_statuskit_subscribers", x => x.id);
                table.ForeignKey(
                    name: "FK_statuskit_subscribers_statuskit_pages_page_id",
                    column: x => x.page_id,
                    principalTable: "statuskit_pages",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "statuskit_status_history",
            columns: table => new
            {
                id = table.Column<Guid>(type: "TEXT", nullable: false),
                page_id = table.Column<Guid>(type: "TEXT", nullable: false),
                component_id = table.Column<Guid>(type: "TEXT", nullable: false),
                old_status = table.Column<int>(type: "INTEGER", nullable: false),
                new_status = table.Column<int>(type: "INTEGER", nullable: false),
                at = table.Column<DateTime>(type: "TEXT", nullable: false),
                cause = table.Column<string>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_statuskit_status_history", x => x.id);
                table.ForeignKey(
                    name: "FK_statuskit_status_history_statuskit_components_component_id",
                    column: x => x.component_id,
                    principalTable: "statuskit_components",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_statuskit_status_history_statuskit_pages_page_id",
                    column: x => x.page_id,
                    principalTable: "statuskit_pages",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "statuskit_status_incident_updates",
            columns: table => new
            {
                id = table.Column<Guid>(type: "TEXT", nullable: false),
                incident_id = table.Column<Guid>(type: "TEXT", nullable: false),
                position = table.Column<int>(type: "INTEGER", nullable: false),
                at = table.Column<DateTime>(type: "TEXT", nullable: false),
                state = table.Column<int>(type: "INTEGER", nullable: false),
                message = table.Column<string>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_statuskit_status_incident_updates", x => x.id);
                table.ForeignKey(
                    name: "FK_statuskit_status_incident_updates_statuskit_status_incidents_incident_id",
                    column: x => x.incident_id,
                    principalTable: "statuskit_status_incidents",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_statuskit_components_page_id_display_order",
            table: "statuskit_components",
            columns: new[] { "page_id", "display_order" });

        migrationBuilder.CreateIndex(
            name: "IX_statuskit_components_page_id_name_key",
            table: "statuskit_components",
            columns: new[] { "page_id", "name_key" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_statuskit_components_team_id",
            table: "statuskit_components",
            column: "team_id");

        migrationBuilder.CreateIndex(
            name: "IX_statuskit_incident_signals_team_id_state",
            table: "statuskit_incident_signals",
            columns: new[] { "team_id", "state" });

        migrationBuilder.CreateIndex(
            name: "IX_statuskit_maintenance_windows_page_id_occurrence_starts_at",
            table: "statuskit_maintenance_windows",
            columns: new[] { "page_id", "occurrence_starts_at" });

        migrationBuilder.CreateIndex(
            name: "IX_statuskit_maintenance_windows_state_occurrence_starts_at",
            table: "statuskit_maintenance_windows",
            columns: new[] { "state", "occurrence_starts_at" });

        migrationBuilder.CreateIndex(
            name: "IX_statuskit_notifications_coalesce_key",
            table: "statuskit_notifications",
            column: "coalesce_key");

        migrationBuilder.CreateIndex(
            name: "IX_statuskit_notifications_deduplication_key",
            table: "statuskit_notifications",
            column: "deduplication_key",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_statuskit_notifications_page_id_created_at",
            table: "statuskit_notifications",
            columns: new[] { "page_id", "created_at" });

        migrationBuilder.CreateIndex(
            name: "IX_statuskit_notifications_state_due_at",
            table: "statuskit_notifications",
            columns: new[] { "state", "due_at" });

        migrationBuilder.CreateIndex(
            name: "IX_statuskit_notifications_subscriber_id_state",
            table: "statuskit_notifications",
            columns: new[] { "subscriber_id", "state" });

        migrationBuilder.CreateIndex(
            name: "IX_statuskit_pages_slug",
            table: "statuskit_pages",
            column: "slug",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_statuskit_pages_team_id",
            table: "statuskit_pages",
            column: "team_id");

        migrationBuilder.CreateIndex(
            name: "IX_statuskit_status_history_component_id_at",
            table: "statuskit_status_history",
            columns: new[] { "component_id", "at" });

        migrationBuilder.CreateIndex(
            name: "IX_statuskit_status_history_page_id_at",
            table: "statuskit_status_history",
            columns: new[] { "page_id", "at" });

        migrationBuilder.CreateIndex(
            name: "IX_statuskit_status_incident_updates_incident_id_position",
            table: "statuskit_status_incident_updates",
            columns: new[] { "incident_id", "position" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_statuskit_status_incidents_page_id_created_at",
            table: "statuskit_status_incidents",
            columns: new[] { "page_id", "created_at" });

        migrationBuilder.CreateIndex(
            name: "IX_statuskit_status_incidents_page_id_state",
            table: "statuskit_status_incidents",
            columns: new[] { "page_id", "state" });

        migrationBuilder.CreateIndex(
            name: "IX_statuskit_subscribers_page_id_channel_destination_key",
            table: "statuskit_subscribers",
            columns: new[] { "page_id", "channel", "destination_key" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_statuskit_subscribers_unsubscribe_token_hash",
            table: "statuskit_subscribers",
            column: "unsubscribe_token_hash");

        migrationBuilder.CreateIndex(
            name: "IX_statuskit_subscribers_verify_token_hash",
            table: "statuskit_subscribers",
            column: "verify_token_hash");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "statuskit_status_incident_updates");
        migrationBuilder.DropTable(name: "statuskit_status_history");
        migrationBuilder.DropTable(name: "statuskit_subscribers");
        migrationBuilder.DropTable(name: "statuskit_status_incidents");
        migrationBuilder.DropTable(name: "statuskit_notifications");
        migrationBuilder.DropTable(name: "statuskit_maintenance_windows");
        migrationBuilder.DropTable(name: "statuskit_components");
        migrationBuilder.DropTable(name: "statuskit_pages");
        migrationBuilder.DropTable(name: "statuskit_incident_signals");
    }
}
