using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations;

/// <summary>
/// An index added after the initial schema, the same on both providers: each provider's migration only names which
/// one it creates or drops.
/// </summary>
internal sealed class AddedIndex(string name, string table, params string[] columns)
{
    /// <summary>
    /// The outbox's (subscriber, creation time) index: the dispatcher lists a subscriber's newest rows before sending,
    /// to find a later change of the same component, and without it that read sorts all of the subscriber's rows.
    /// </summary>
    public static AddedIndex SubscriberCreation { get; } =
        new("IX_statuskit_notifications_subscriber_id_created_at", "statuskit_notifications", "subscriber_id", "created_at");

    /// <summary>
    /// The status incidents' (page, update time) index: every snapshot rebuild reads the page's most recently changed
    /// incident (the time of the page's latest change), and without it that read visits every incident the page ever had.
    /// </summary>
    public static AddedIndex IncidentUpdateTime { get; } =
        new("IX_statuskit_status_incidents_page_id_updated_at", "statuskit_status_incidents", "page_id", "updated_at");

    /// <summary>
    /// The unconfirmed subscribers' (token issue time, creation time) index, partial to rows not verified: the hourly
    /// clean-up deletes the ones whose token expired long ago, and without it that delete reads every subscriber.
    /// </summary>
    public static AddedIndex UnverifiedSubscribers { get; } =
        new("IX_statuskit_subscribers_verify_token_issued_at_created_at", "statuskit_subscribers", "verify_token_issued_at", "created_at")
        {
            Filter = "NOT is_verified",
        };

    /// <summary>
    /// The maintenance windows' (page, status switch time) index: every recompute that finds a component Under
    /// Maintenance reads its pages' windows that ended since (<see cref="Abstractions.StatusInputs.EndedWindows"/>), and
    /// without it that read visits every window the pages ever had.
    /// </summary>
    public static AddedIndex WindowStatusSwitch { get; } =
        new("IX_statuskit_maintenance_windows_page_id_status_switched_at", "statuskit_maintenance_windows", "page_id", "status_switched_at");

    /// <summary>
    /// The maintenance windows' (page, state, occurrence start, id) index: the history page reads a page's latest
    /// completed windows twenty at a time, and without it that read walks the completed windows of every page (or every
    /// window of the page) and sorts them.
    /// </summary>
    public static AddedIndex CompletedWindows { get; } =
        new("IX_statuskit_maintenance_windows_page_id_state_start_id", "statuskit_maintenance_windows", "page_id", "state", "occurrence_starts_at", "id");

    /// <summary>
    /// The maintenance windows' (page, occurrence start) index of the initial schema, which
    /// <see cref="WindowsByStart"/> replaces (it has the same leading columns, so it serves every read this one served).
    /// </summary>
    public static AddedIndex InitialWindowStart { get; } =
        new("IX_statuskit_maintenance_windows_page_id_occurrence_starts_at", "statuskit_maintenance_windows", "page_id", "occurrence_starts_at");

    /// <summary>
    /// The maintenance windows' (page, occurrence start, id) index: the admin API lists a page's windows latest first,
    /// fifty at a time, and without the id in it each read sorts every window of the page that starts at the same time
    /// as the last one it returns (on SQLite, all of the page's windows).
    /// </summary>
    public static AddedIndex WindowsByStart { get; } =
        new("IX_statuskit_maintenance_windows_page_start_id", "statuskit_maintenance_windows", "page_id", "occurrence_starts_at", "id");

    /// <summary>
    /// The subscribers' (page, creation time, id) index: the admin API lists a page's subscribers newest first, fifty at
    /// a time, and without it each read sorts every subscriber of the page.
    /// </summary>
    public static AddedIndex SubscribersByCreation { get; } =
        new("IX_statuskit_subscribers_page_id_created_at_id", "statuskit_subscribers", "page_id", "created_at", "id");

    /// <summary>The outbox's (state, due time) index of the initial schema, which <see cref="OutboxClaims"/> replaces.</summary>
    public static AddedIndex InitialOutboxDue { get; } =
        new("IX_statuskit_notifications_state_due_at", "statuskit_notifications", "state", "due_at");

    /// <summary>
    /// The outbox's (state, due time, id) index: a dispatcher claims the Pending rows due first, by due time then id, a
    /// batch at a time, and without the id in it every claim sorted all the pending rows (50,000 after a fan-out: 53 ms
    /// a claim of 20 on PostgreSQL).
    /// </summary>
    public static AddedIndex OutboxClaims { get; } =
        new("IX_statuskit_notifications_state_due_at_id", "statuskit_notifications", "state", "due_at", "id");

    /// <summary>The outbox's (page, creation time) index of the initial schema, which <see cref="DeliveryLog"/> replaces.</summary>
    public static AddedIndex InitialDeliveryLog { get; } =
        new("IX_statuskit_notifications_page_id_created_at", "statuskit_notifications", "page_id", "created_at");

    /// <summary>
    /// The outbox's (page, creation time, id) index: the delivery log lists a page's newest notices, by creation then id,
    /// and a fan-out's notices share one creation time, so without the id it read and sorted every one of them.
    /// </summary>
    public static AddedIndex DeliveryLog { get; } =
        new("IX_statuskit_notifications_page_id_created_at_id", "statuskit_notifications", "page_id", "created_at", "id");

    /// <summary>The SQL of a partial index's WHERE clause, the same on both providers; null for a full index.</summary>
    public string? Filter { get; init; }

    public void Create(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex(name: name, table: table, columns: columns, filter: Filter);

    public void Drop(MigrationBuilder migrationBuilder) => migrationBuilder.DropIndex(name: name, table: table);
}
