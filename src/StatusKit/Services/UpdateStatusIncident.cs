using System.Text.Json.Serialization;
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

    /// <summary>
    /// The <see cref="StatusIncident.Version"/> the change was made against (an HTTP <c>If-Match</c>). When given and no longer
    /// stored, the update throws <see cref="StatusKitConcurrencyException"/> and changes nothing; when null, a concurrent
    /// change is reloaded and this change applied to it again.
    /// </summary>
    [JsonIgnore]
    public long? ExpectedVersion { get; init; }
}
