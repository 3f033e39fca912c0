using StatusKit.Model;
using StatusKit.Status;

namespace StatusKit.Notifications;

/// <summary>The channel-neutral content of a notification, rendered by each <see cref="Abstractions.INotifier"/>.</summary>
public sealed record NotificationContent
{
    private static readonly IReadOnlyList<NotificationComponent> NoComponents = Array.Empty<NotificationComponent>();
    private readonly IReadOnlyList<NotificationComponent> _affectedComponents = NoComponents;

    /// <summary>What the notification is about.</summary>
    public required NotificationKind Kind { get; init; }

    /// <summary>For component changes, the subscriber event (degraded, outage, maintenance, resolved).</summary>
    public NotificationEvents Event { get; init; }

    /// <summary>A one-line subject.</summary>
    public required string Subject { get; init; }

    /// <summary>The plain-text body.</summary>
    public required string Body { get; init; }

    /// <summary>The page's name.</summary>
    public required string PageName { get; init; }

    /// <summary>The page's slug.</summary>
    public required string PageSlug { get; init; }

    /// <summary>
    /// The tag of the language the fixed words of <see cref="Subject"/> and <see cref="Body"/> are written in: the page's
    /// <see cref="StatusPage.Language"/> when the notice was planned (<c>de</c>, <c>fr</c>, <c>es</c>), or null for
    /// English (also on every webhook notice, which machines read, and on notices stored before this property existed).
    /// The built-in notifiers write their own words (link labels, footers) in it too; a custom notifier can do the same.
    /// </summary>
    public string? Language { get; init; }

    /// <summary>The component, for component changes.</summary>
    public Guid? ComponentId { get; init; }

    /// <summary>The component's name, for component changes.</summary>
    public string? ComponentName { get; init; }

    /// <summary>The status the subscriber was last told about, for component changes.</summary>
    public ComponentStatus? OldStatus { get; init; }

    /// <summary>The new status, for component changes.</summary>
    public ComponentStatus? NewStatus { get; init; }

    /// <summary>The public status incident, for incident notices.</summary>
    public Guid? StatusIncidentId { get; init; }

    /// <summary>The maintenance window, for maintenance notices.</summary>
    public Guid? MaintenanceWindowId { get; init; }

    /// <summary>
    /// For status incident and maintenance notices, the components the incident or window affects, in the page's display
    /// order, leaving out any deleted before the notice was planned (the same ones the body's "Affected components"
    /// paragraph names); empty for every other notice, which names its one component in <see cref="ComponentId"/>.
    /// Empty on notices stored before this property existed. Records compare lists by reference, not element-wise, so an
    /// empty or null list is kept as the one shared empty list: contents without components still compare equal however
    /// they were built or read back.
    /// </summary>
    public IReadOnlyList<NotificationComponent> AffectedComponents
    {
        get => _affectedComponents;
        init => _affectedComponents = value is null || value.Count == 0 ? NoComponents : value;
    }

    /// <summary>
    /// Set on the maintenance notice sent as its window is deleted (the cancellation of a Scheduled window, the completion
    /// of one in progress): the window's own page is gone by the time it goes out, so it links to the status page.
    /// </summary>
    public bool MaintenanceWindowDeleted { get; init; }

    /// <summary>
    /// Set on a <see cref="NotificationKind.StatusIncidentPostmortem"/> notice of a postmortem published again over an
    /// earlier text (a correction): its subject says <c>Postmortem updated</c>, so a correction whose changes lie beyond
    /// the notice's excerpt does not repeat the first notice word for word. A correction that merges into a subscriber's
    /// notice of the first publication still queued leaves that notice a first publication (this false), as the
    /// subscriber never read the earlier text. False on every other notice, and on notices stored before it existed.
    /// </summary>
    public bool PostmortemUpdated { get; init; }

    /// <summary>The start of the occurrence a maintenance notice is about (for a rescheduled notice, its new start).</summary>
    public DateTimeOffset? OccurrenceStartsAt { get; init; }

    /// <summary>The end of the occurrence a maintenance notice is about (for a rescheduled notice, its new end).</summary>
    public DateTimeOffset? OccurrenceEndsAt { get; init; }

    /// <summary>The start the occurrence had before it was moved, for <see cref="NotificationKind.MaintenanceRescheduled"/>.</summary>
    public DateTimeOffset? PreviousOccurrenceStartsAt { get; init; }

    /// <summary>The end the occurrence had before it was moved, for <see cref="NotificationKind.MaintenanceRescheduled"/>.</summary>
    public DateTimeOffset? PreviousOccurrenceEndsAt { get; init; }

    /// <summary>
    /// The start of the window's next occurrence, for a <see cref="NotificationKind.MaintenanceCompleted"/> notice that
    /// is also that occurrence's reminder (a window that recurs more often than the reminder lead time; its body ends
    /// with <c>Next occurrence: …</c>); null for every other notice, and on notices stored before this property existed.
    /// </summary>
    public DateTimeOffset? NextOccurrenceStartsAt { get; init; }

    /// <summary>The end of the next occurrence <see cref="NextOccurrenceStartsAt"/> starts; null with it.</summary>
    public DateTimeOffset? NextOccurrenceEndsAt { get; init; }

    /// <summary>
    /// A link for the reader: the page (for a status incident or a maintenance window, its own page, unless it was deleted
    /// before the notice went out), or the verification link for <see cref="NotificationKind.SubscriptionVerification"/>.
    /// But for the verification link, set by the dispatcher as it sends the notice.
    /// </summary>
    public string? Link { get; init; }

    /// <summary>When the underlying change happened.</summary>
    public required DateTimeOffset OccurredAt { get; init; }
}
