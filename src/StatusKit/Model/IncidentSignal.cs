namespace StatusKit.Model;

/// <summary>
/// What the host reports from its incident lifecycle: the latest known state of one platform incident.
/// Signals are idempotent and ordered by <see cref="Version"/>: an older one is ignored, a re-send of the stored one is a
/// no-op, and one that carries something else under the stored version is refused (versions increase with every change).
/// </summary>
public sealed record IncidentSignal
{
    /// <summary>The incident's id in the host's platform.</summary>
    public required string IncidentId { get; init; }

    /// <summary>The team that owns the incident; components with the same team id are affected.</summary>
    public required string TeamId { get; init; }

    /// <summary>The affected service; components bound to another service are not affected.</summary>
    public string? ServiceIdentifier { get; init; }

    /// <summary>The priority (Critical, High, Medium, Low, Info, or the host's own names).</summary>
    public required string Priority { get; init; }

    /// <summary>The incident's state.</summary>
    public required PlatformIncidentState State { get; init; }

    /// <summary>
    /// A monotonically increasing version of the incident (a revision number or a timestamp in ticks): it must increase
    /// with every change, since a changed signal under a version already stored is refused.
    /// </summary>
    public required long Version { get; init; }

    /// <summary>When the change happened in the platform.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>An optional title, used as the cause in history: at most 20,000 characters, without NUL (U+0000).</summary>
    public string? Title { get; init; }

    /// <summary>Whether the incident is open (Triggered or Acknowledged) and so affects components.</summary>
    public bool IsOpen => State is PlatformIncidentState.Triggered or PlatformIncidentState.Acknowledged;
}
