using System.Text.Json.Serialization;
using StatusKit.Model;

namespace StatusKit.Services;

/// <summary>Changes to an incident template; a null property leaves that field as it is.</summary>
public sealed record UpdateIncidentTemplate
{
    /// <summary>A new name (unique on the page ignoring case).</summary>
    public string? Name { get; init; }

    /// <summary>A new title.</summary>
    public string? Title { get; init; }

    /// <summary>A new message.</summary>
    public string? Message { get; init; }

    /// <summary>A new severity.</summary>
    public StatusIncidentSeverity? Severity { get; init; }

    /// <summary>
    /// A new state for updates posted from it (<see cref="IncidentTemplate.State"/>). A template's state cannot be taken
    /// back to none here: delete and create the template again.
    /// </summary>
    public StatusIncidentState? State { get; init; }

    /// <summary>A new list of components (empty names none).</summary>
    public IReadOnlyList<Guid>? ComponentIds { get; init; }

    /// <summary>
    /// The <see cref="IncidentTemplate.Version"/> the change was made against (an HTTP <c>If-Match</c>). When given and
    /// no longer stored, the update throws <see cref="StatusKitConcurrencyException"/> and changes nothing; when null,
    /// a concurrent change is reloaded and this change applied to it again.
    /// </summary>
    [JsonIgnore]
    public long? ExpectedVersion { get; init; }
}
