using StatusKit.Model;
using StatusKit.Notifications;

namespace StatusKit.Services;

/// <summary>What a new public status incident needs.</summary>
public sealed record CreateStatusIncident
{
    /// <summary>The page to post it on.</summary>
    public required Guid PageId { get; init; }

    /// <summary>The headline (required, at most 200 characters).</summary>
    public required string Title { get; init; }

    /// <summary>The first message (required).</summary>
    public required string Message { get; init; }

    /// <summary>
    /// The state the incident starts in, which its first update announces. Default Investigating; Identified or
    /// Monitoring when the cause is already known, or Resolved to record a problem that is already over: such an
    /// incident gets its <see cref="StatusIncident.ResolvedAt"/> at creation, implies no component status, and is shown
    /// only in the page's history. Its notice (<see cref="NotificationKind.StatusIncidentCreated"/>, subject "Resolved
    /// incident: …") is the <see cref="NotificationEvents.Resolved"/> event, as a resolution's is.
    /// </summary>
    public StatusIncidentState State { get; init; } = StatusIncidentState.Investigating;

    /// <summary>The severity. Default Minor.</summary>
    public StatusIncidentSeverity Severity { get; init; } = StatusIncidentSeverity.Minor;

    /// <summary>The affected components of the page.</summary>
    public IReadOnlyList<Guid> ComponentIds { get; init; } = [];

    /// <summary>The incident in the host's platform this one is about, if any.</summary>
    public string? PlatformIncidentId { get; init; }

    /// <summary>Whether subscribers are notified. Default true. The first update records it (<see cref="StatusIncidentUpdate.NotifySubscribers"/>).</summary>
    public bool NotifySubscribers { get; init; } = true;
}
