using StatusKit.Model;

namespace StatusKit.Services;

/// <summary>A subscription request.</summary>
public sealed record Subscribe
{
    /// <summary>The page.</summary>
    public required Guid PageId { get; init; }

    /// <summary>The channel.</summary>
    public required SubscriberChannel Channel { get; init; }

    /// <summary>An email address, a Slack incoming-webhook URL (https), a webhook URL, a Microsoft Teams workflow URL (https) or a Discord webhook URL.</summary>
    public required string Destination { get; init; }

    /// <summary>The components to follow; empty follows all.</summary>
    public IReadOnlyList<Guid> ComponentIds { get; init; } = [];

    /// <summary>The events to hear about. Default all.</summary>
    public NotificationEvents NotifyOn { get; init; } = NotificationEvents.All;

    /// <summary>
    /// Whether the subscription is active at once (an operator through the service or admin API). Default false: a
    /// verification message is sent and only the link in it activates the subscription (double opt-in).
    /// </summary>
    public bool PreVerified { get; init; }
}
