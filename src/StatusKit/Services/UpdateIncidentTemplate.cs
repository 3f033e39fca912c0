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
    /// A new state for updates posted from it (<see cref="IncidentTemplate.State"/>); null leaves it as it is. To take it
    /// back to none, set <see cref="ClearState"/> instead.
    /// </summary>
    public StatusIncidentState? State { get; init; }

    /// <summary>
    /// True takes the template's <see cref="IncidentTemplate.State"/> back to none (an incident created from it then
    /// starts <c>investigating</c>, and an update posted from it must name its state). Default false, which leaves the
    /// state to <see cref="State"/>. Setting both is refused (<see cref="StatusKitValidationException"/> naming
    /// <c>state</c>); clearing a state that is already none writes nothing.
    /// </summary>
    public bool ClearState { get; init; }

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
