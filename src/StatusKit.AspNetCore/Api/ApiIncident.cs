namespace StatusKit.AspNetCore.Api;

/// <summary>A Statuspage incident (and, with <see cref="ApiScheduledMaintenance"/>, the fields a maintenance shares).</summary>
internal record ApiIncident
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Status { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required DateTimeOffset? MonitoringAt { get; init; }

    public required DateTimeOffset? ResolvedAt { get; init; }

    public required string Impact { get; init; }

    public required string Shortlink { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required string PageId { get; init; }

    public required IReadOnlyList<ApiIncidentUpdate> IncidentUpdates { get; init; }

    public required IReadOnlyList<ApiComponent> Components { get; init; }

    /// <summary>The published postmortem's text; null when none (always for a maintenance).</summary>
    public required string? PostmortemBody { get; init; }

    /// <summary>When the postmortem was first published; null when none (always for a maintenance).</summary>
    public required DateTimeOffset? PostmortemPublishedAt { get; init; }
}
