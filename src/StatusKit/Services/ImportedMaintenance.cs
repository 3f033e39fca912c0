using StatusKit.Model;

namespace StatusKit.Services;

/// <summary>
/// A scheduled maintenance of an Atlassian Statuspage page, in StatusKit's terms, for
/// <see cref="MaintenanceImportService.ImportAsync"/>: what Statuspage's <c>scheduled-maintenances.json</c> tells of it,
/// its Statuspage vocabulary already mapped (the ASP.NET Core admin route reads that document as-is).
/// </summary>
public sealed record ImportedMaintenance
{
    /// <summary>The maintenance's id on Statuspage (its <c>id</c>): what makes an import idempotent.</summary>
    public required string StatuspageId { get; init; }

    /// <summary>The title (Statuspage's <c>name</c>).</summary>
    public required string Title { get; init; }

    /// <summary>
    /// What the maintenance says of itself: the window's <see cref="MaintenanceWindow.Description"/> (the route takes the
    /// body of its first update, the announcement of what is planned). Optional.
    /// </summary>
    public string? Description { get; init; }

    /// <summary>
    /// The maintenance's state (Statuspage's <c>status</c>: <c>scheduled</c> is Scheduled, <c>in_progress</c> and
    /// <c>verifying</c> are InProgress, <c>completed</c> is Completed). A Completed one is recorded as a completed window,
    /// a Scheduled one whose start is still to come as a scheduled window; the others are skipped
    /// (<see cref="MaintenanceImportSkipReason"/>).
    /// </summary>
    public required MaintenanceState State { get; init; }

    /// <summary>
    /// When it was created on Statuspage (its <c>created_at</c>, never edited there): the window's
    /// <see cref="MaintenanceWindow.CreatedAt"/> and the time stamped in its id. Not in the future.
    /// </summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The planned start (Statuspage's <c>scheduled_for</c>).</summary>
    public required DateTimeOffset ScheduledFor { get; init; }

    /// <summary>The planned end (Statuspage's <c>scheduled_until</c>); after <see cref="ScheduledFor"/>.</summary>
    public required DateTimeOffset ScheduledUntil { get; init; }

    /// <summary>
    /// When a completed maintenance really began (the route takes the time of its first <c>in_progress</c> update:
    /// Statuspage's own <c>started_at</c> is when the maintenance was created); null takes <see cref="ScheduledFor"/>.
    /// </summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When a completed maintenance really ended (Statuspage's <c>resolved_at</c>); null takes <see cref="ScheduledUntil"/>.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>
    /// The names of the covered components (Statuspage's <c>components[].name</c>), matched to the page's components
    /// by name, trimmed and in any case; a name the page has no component of is reported
    /// (<see cref="MaintenanceImportReport.UnknownComponents"/>), never created.
    /// </summary>
    public IReadOnlyList<string> ComponentNames { get; init; } = [];

    /// <summary>
    /// The IANA time zone the window is shown and told in (<see cref="MaintenanceWindow.TimeZoneId"/>): a page moving
    /// from a tool that keeps its times on one clock (Cachet's <c>APP_TIMEZONE</c>) keeps it. Default null: UTC.
    /// </summary>
    public string? TimeZoneId { get; init; }

    /// <summary>
    /// Whether subscribers are told of an upcoming window's reminder, start and end (as
    /// <see cref="MaintenanceWindow.NotifySubscribers"/>). Default true. They are never told it is scheduled: Statuspage
    /// told them. A completed maintenance notifies nobody whatever this says.
    /// </summary>
    public bool NotifySubscribers { get; init; } = true;
}
