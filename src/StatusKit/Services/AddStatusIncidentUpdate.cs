using StatusKit.Model;

namespace StatusKit.Services;

/// <summary>
/// An update to post on a status incident's timeline (<see cref="StatusIncidentService.AddUpdateAsync(Guid, AddStatusIncidentUpdate, CancellationToken)"/>):
/// its state and message, given or taken from an incident template.
/// </summary>
public sealed record AddStatusIncidentUpdate
{
    /// <summary>
    /// An incident template of the incident's page (<see cref="IncidentTemplate"/>) whose message and
    /// <see cref="IncidentTemplate.State"/> the update takes where this request leaves them null; default null, none. An
    /// unknown template, or one of another page, is refused (<see cref="StatusKitValidationException"/> naming
    /// <c>templateId</c>).
    /// </summary>
    public Guid? TemplateId { get; init; }

    /// <summary>
    /// The state the update moves the incident to: required, unless <see cref="TemplateId"/> names a template with a
    /// state (else <see cref="StatusKitValidationException"/> naming <c>state</c>).
    /// </summary>
    public StatusIncidentState? State { get; init; }

    /// <summary>The message (at most 20,000 characters): required, unless <see cref="TemplateId"/> gives it.</summary>
    public string? Message { get; init; }

    /// <summary>Whether subscribers are notified. Default true. The update records it (<see cref="StatusIncidentUpdate.NotifySubscribers"/>).</summary>
    public bool NotifySubscribers { get; init; } = true;
}
