namespace StatusKit.Model;

/// <summary>
/// Customer-facing wording prepared before an outage (Statuspage's incident templates): the title, first message,
/// severity, components and state a new status incident takes when an operator picks the template by its
/// <see cref="Name"/>, or the message and <see cref="State"/> of an update posted from it ("We have identified the
/// cause…"). An incident created or updated from a template is an ordinary incident: it keeps no link to the template,
/// and editing or deleting the template never changes it.
/// </summary>
public sealed record IncidentTemplate
{
    /// <summary>The template id (a version 7 <see cref="Guid"/>).</summary>
    public required Guid Id { get; init; }

    /// <summary>The page whose incidents the template is for.</summary>
    public required Guid PageId { get; init; }

    /// <summary>What operators pick the template by: unique on its page, ignoring case (at most 200 characters).</summary>
    public required string Name { get; init; }

    /// <summary>The title of an incident created from it (the limits of a status incident's title).</summary>
    public required string Title { get; init; }

    /// <summary>The first message of an incident created from it (the limits of a status incident's message).</summary>
    public required string Message { get; init; }

    /// <summary>The severity of an incident created from it.</summary>
    public StatusIncidentSeverity Severity { get; init; } = StatusIncidentSeverity.Minor;

    /// <summary>
    /// The state an update posted from the template moves the incident to where the update does not name one
    /// (<see cref="StatusKit.Services.AddStatusIncidentUpdate.TemplateId"/>), and the state an incident created from it
    /// starts in where the create does not set one (<see cref="StatusKit.Services.CreateStatusIncident.State"/>). Null
    /// (the default) gives none: an update from the template must name its state, and an incident created from it
    /// starts Investigating.
    /// </summary>
    public StatusIncidentState? State { get; init; }

    /// <summary>
    /// The components of the page an incident created from it affects. Deleting a component takes its id out of the
    /// list (as it does from status incidents).
    /// </summary>
    public IReadOnlyList<Guid> ComponentIds { get; init; } = [];

    /// <summary>When the template was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the template last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// The optimistic-concurrency version: a store adds the template at version 1 and accepts an update only when it
    /// carries the stored version, which it then increments (see <see cref="MaintenanceWindow.Version"/>).
    /// </summary>
    public long Version { get; init; }
}
