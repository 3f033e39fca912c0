using StatusKit.Model;

namespace StatusKit.Services;

/// <summary>A subscription request.</summary>
public sealed record Subscribe
{
    /// <summary>The page.</summary>
    public required Guid PageId { get; init; }

    /// <summary>The channel.</summary>
    public required SubscriberChannel Channel { get; init; }

    /// <summary>An email address, a Slack incoming-webhook URL (https), a webhook URL, a Microsoft Teams workflow URL (https), a Discord webhook URL or a mobile phone number with its country code, one its country gives out (SMS; kept in E.164).</summary>
    public required string Destination { get; init; }

    /// <summary>The components to follow; empty follows all. Must be empty with <see cref="StatusIncidentId"/>.</summary>
    public IReadOnlyList<Guid> ComponentIds { get; init; } = [];

    /// <summary>The events to hear about. Default all; must be all with <see cref="StatusIncidentId"/>.</summary>
    public NotificationEvents NotifyOn { get; init; } = NotificationEvents.All;

    /// <summary>
    /// A public status incident of the page to follow instead of the page: the subscriber hears only that incident's
    /// updates, resolution and postmortem (<see cref="Subscriber.StatusIncidentId"/>). A resolved incident may be
    /// followed too (its postmortem may come). Default null: the page.
    /// </summary>
    public Guid? StatusIncidentId { get; init; }

    /// <summary>
    /// Whether the subscription is active at once (an operator through the service or admin API). Default false: a
    /// verification message is sent and only the link in it activates the subscription (double opt-in).
    /// </summary>
    public bool PreVerified { get; init; }
}
