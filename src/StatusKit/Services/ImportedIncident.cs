using StatusKit.Model;

namespace StatusKit.Services;

/// <summary>
/// A past incident of an Atlassian Statuspage page, in StatusKit's terms, for <see cref="IncidentImportService.ImportAsync"/>:
/// what Statuspage's <c>incidents.json</c> tells of it, its Statuspage vocabulary already mapped (the ASP.NET Core admin
/// route reads that document as-is).
/// </summary>
public sealed record ImportedIncident
{
    /// <summary>The incident's id on Statuspage (its <c>id</c>): what makes an import idempotent.</summary>
    public required string StatuspageId { get; init; }

    /// <summary>The headline (Statuspage's <c>name</c>).</summary>
    public required string Title { get; init; }

    /// <summary>
    /// The severity (Statuspage's <c>impact</c>: <c>none</c> and <c>minor</c> are Minor, <c>major</c> Major,
    /// <c>critical</c> Critical).
    /// </summary>
    public StatusIncidentSeverity Severity { get; init; } = StatusIncidentSeverity.Minor;

    /// <summary>
    /// Whether it is Statuspage's record of a scheduled maintenance (its <c>scheduled_for</c> is set), which
    /// <c>incidents.json</c> lists among the incidents. It is skipped as <see cref="ImportSkipReason.ScheduledMaintenance"/>:
    /// <see cref="MaintenanceImportService"/> records it as the maintenance window it was.
    /// </summary>
    public bool IsScheduledMaintenance { get; init; }

    /// <summary>
    /// The incident's state (Statuspage's <c>status</c>; <c>postmortem</c> and <c>completed</c> are Resolved). Only a
    /// Resolved incident is imported: any other is skipped as <see cref="ImportSkipReason.Unresolved"/>.
    /// </summary>
    public required StatusIncidentState State { get; init; }

    /// <summary>
    /// When the incident began (the earlier of Statuspage's <c>created_at</c> and <c>started_at</c>); an update posted
    /// before it moves it back to that update's time.
    /// </summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was resolved (Statuspage's <c>resolved_at</c>); null takes the time of its latest update.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>The timeline, in any order (it is stored oldest first); at least one update, the latest Resolved.</summary>
    public IReadOnlyList<ImportedIncidentUpdate> Updates { get; init; } = [];

    /// <summary>
    /// The names of the affected components (Statuspage's <c>components[].name</c>), matched to the page's components
    /// by name, trimmed and in any case; a name the page has no component of is reported
    /// (<see cref="IncidentImportReport.UnknownComponents"/>), never created.
    /// </summary>
    public IReadOnlyList<string> ComponentNames { get; init; } = [];

    /// <summary>The postmortem (Statuspage's <c>postmortem_body</c>), or null.</summary>
    public string? Postmortem { get; init; }

    /// <summary>When the postmortem was published (Statuspage's <c>postmortem_published_at</c>); null takes the time of the import.</summary>
    public DateTimeOffset? PostmortemPublishedAt { get; init; }
}
