using StatusKit.Model;
using StatusKit.Notifications;

namespace StatusKit.Services;

/// <summary>What a new public status incident needs.</summary>
public sealed record CreateStatusIncident
{
    /// <summary>The page to post it on.</summary>
    public required Guid PageId { get; init; }

    /// <summary>
    /// An incident template of the page (<see cref="IncidentTemplate"/>) whose title, message, severity and components
    /// the incident takes where this request leaves them null; default null, none. An unknown template, or one of
    /// another page, is refused (<see cref="StatusKitValidationException"/> naming <c>templateId</c>).
    /// </summary>
    public Guid? TemplateId { get; init; }

    /// <summary>The headline (at most 200 characters): required, unless <see cref="TemplateId"/> gives it.</summary>
    public string? Title { get; init; }

    /// <summary>The first message (at most 20,000 characters): required, unless <see cref="TemplateId"/> gives it.</summary>
    public string? Message { get; init; }

    /// <summary>
    /// The state the incident starts in, which its first update announces; null (the default) is the
    /// <see cref="IncidentTemplate.State"/> of the template <see cref="TemplateId"/> names, or Investigating without one.
    /// Identified or Monitoring when the cause is already known, or Resolved to record a problem that is already over:
    /// such an incident gets its <see cref="StatusIncident.ResolvedAt"/> at creation, implies no component status, and is
    /// shown only in the page's history. Its notice (<see cref="NotificationKind.StatusIncidentCreated"/>, subject
    /// "Resolved incident: …") is the <see cref="NotificationEvents.Resolved"/> event, as a resolution's is.
    /// </summary>
    public StatusIncidentState? State { get; init; }

    /// <summary>The severity; null (the default) is the template's, or Minor without one.</summary>
    public StatusIncidentSeverity? Severity { get; init; }

    /// <summary>
    /// The affected components of the page; null (the default) is the template's, or none without one. An empty list
    /// names none, also over a template's.
    /// </summary>
    public IReadOnlyList<Guid>? ComponentIds { get; init; }

    /// <summary>The incident in the host's platform this one is about, if any.</summary>
    public string? PlatformIncidentId { get; init; }

    /// <summary>
    /// Whether subscribers are notified. Default true. The first update records it (<see cref="StatusIncidentUpdate.NotifySubscribers"/>).
    /// A backfill (<see cref="StartedAt"/> given) notifies nobody, whatever this says, and its update records false.
    /// </summary>
    public bool NotifySubscribers { get; init; } = true;

    /// <summary>
    /// When the problem began, to backfill a past incident (as Statuspage's "backfill an incident" does); default null,
    /// now. Only with <see cref="State"/> Resolved (else <see cref="StatusKitValidationException"/> naming
    /// <c>startedAt</c>); not in the future and not before 1970-01-01 UTC. It becomes the incident's
    /// <see cref="StatusIncident.CreatedAt"/>, so the page, its history, feeds and API place the incident on its own dates.
    /// A backfill notifies no subscriber and moves no component status nor status history; its
    /// <see cref="StatusIncident.UpdatedAt"/> is the time it was recorded (now), as the page changed then.
    /// </summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>
    /// When the backfilled problem ended: the incident's <see cref="StatusIncident.ResolvedAt"/> and the time of its one
    /// update (Resolved, with <see cref="Message"/>). Default null, which is <see cref="StartedAt"/>. Only with
    /// <see cref="StartedAt"/> (else <see cref="StatusKitValidationException"/> naming <c>startedAt</c>), at or after it
    /// and not in the future (else naming <c>resolvedAt</c>).
    /// </summary>
    public DateTimeOffset? ResolvedAt { get; init; }
}
