using System.Text.Json.Serialization;
using StatusKit.Model;

namespace StatusKit.Services;

/// <summary>
/// Changes to what a subscriber hears about (<see cref="SubscriberService.UpdateAsync"/>); a null property leaves that
/// field as it is. The destination, channel and tokens never change: a new destination is a new subscription.
/// </summary>
public sealed record UpdateSubscriber
{
    /// <summary>The components to follow, each on the subscriber's page; empty follows all of them.</summary>
    public IReadOnlyList<Guid>? ComponentIds { get; init; }

    /// <summary>The events to hear about: at least one, as when subscribing.</summary>
    public NotificationEvents? NotifyOn { get; init; }

    /// <summary>
    /// The <see cref="Subscriber.Version"/> the change was made against (an HTTP <c>If-Match</c>). When given and no
    /// longer stored, the update throws <see cref="StatusKitConcurrencyException"/> and changes nothing; when null, a
    /// concurrent change is reloaded and this change applied to it again.
    /// </summary>
    [JsonIgnore]
    public long? ExpectedVersion { get; init; }
}
