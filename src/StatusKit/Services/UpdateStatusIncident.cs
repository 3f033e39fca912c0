using StatusKit.Model;

namespace StatusKit.Services;

/// <summary>Changes to an incident's descriptive fields; a null property leaves that field as it is.</summary>
public sealed record UpdateStatusIncident
{
    /// <summary>A new headline.</summary>
    public string? Title { get; init; }

    /// <summary>A new severity.</summary>
    public StatusIncidentSeverity? Severity { get; init; }

    /// <summary>A new list of affected components.</summary>
    public IReadOnlyList<Guid>? ComponentIds { get; init; }

    /// <summary>A new platform incident link (an empty string removes it).</summary>
    public string? PlatformIncidentId { get; init; }
}
