namespace StatusKit.Model;

/// <summary>A public status incident: what customers read about an outage, with a timeline of updates.</summary>
public sealed record StatusIncident
{
    /// <summary>The incident id (a version 7 <see cref="Guid"/>).</summary>
    public required Guid Id { get; init; }

    /// <summary>The page the incident is posted on.</summary>
    public required Guid PageId { get; init; }

    /// <summary>The incident in the host's platform this one tells customers about, if linked.</summary>
    public string? PlatformIncidentId { get; init; }

    /// <summary>The headline.</summary>
    public required string Title { get; init; }

    /// <summary>The first message (also the first update's text).</summary>
    public required string Message { get; init; }

    /// <summary>The severity, which implies a status for the named components while unresolved.</summary>
    public StatusIncidentSeverity Severity { get; init; } = StatusIncidentSeverity.Minor;

    /// <summary>The current state: the state of the latest update.</summary>
    public StatusIncidentState State { get; init; } = StatusIncidentState.Investigating;

    /// <summary>The affected components of the page.</summary>
    public IReadOnlyList<Guid> ComponentIds { get; init; } = [];

    /// <summary>The timeline, oldest first.</summary>
    public IReadOnlyList<StatusIncidentUpdate> Updates { get; init; } = [];

    /// <summary>When the incident was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the incident last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When the incident was resolved; null while unresolved.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>
    /// The postmortem published on the incident: plain text, paragraphs separated by blank lines (no markup), at most
    /// 20,000 characters; null when none is published. Only a resolved incident can get one
    /// (<see cref="Services.StatusIncidentService.PublishPostmortemAsync(Guid, string, bool, long?, CancellationToken)"/>); a later update that reopens the incident keeps it.
    /// </summary>
    public string? Postmortem { get; init; }

    /// <summary>
    /// When <see cref="Postmortem"/> was first published; null when there is none. Republishing a new text keeps it
    /// (<see cref="UpdatedAt"/> moves); removing the postmortem clears it, and publishing again then sets it anew.
    /// </summary>
    public DateTimeOffset? PostmortemPublishedAt { get; init; }

    /// <summary>
    /// The optimistic-concurrency version of the incident: its fields and its timeline (an appended update moves it too). A store adds the record at version 1 and accepts an update only
    /// when it carries the stored version, which it then increments (see <see cref="MaintenanceWindow.Version"/>).
    /// </summary>
    public long Version { get; init; }

    /// <summary>Whether the incident is still unresolved.</summary>
    public bool IsUnresolved => State != StatusIncidentState.Resolved;
}
