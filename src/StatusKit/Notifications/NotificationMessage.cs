using StatusKit.Model;

namespace StatusKit.Notifications;

/// <summary>What an <see cref="Abstractions.INotifier"/> is asked to send: one notification to one subscriber.</summary>
/// <param name="NotificationId">The outbox row id; stable across retries, so receivers can de-duplicate.</param>
/// <param name="Attempt">The attempt number, starting at 1.</param>
/// <param name="Subscriber">The recipient.</param>
/// <param name="Content">What to say.</param>
/// <param name="UnsubscribeUrl">The one-click unsubscribe link, when the host has a public base address.</param>
public sealed record NotificationMessage(
    Guid NotificationId,
    int Attempt,
    Subscriber Subscriber,
    NotificationContent Content,
    Uri? UnsubscribeUrl)
{
    /// <summary>
    /// The link where the subscriber changes its events and components instead of unsubscribing (the page's
    /// <c>subscriptions/manage</c>, with the token of <see cref="UnsubscribeUrl"/>), when links can be built; null
    /// otherwise. The email, Slack, Teams and Discord notifiers show it next to their unsubscribe link, on every notice but a
    /// confirmation request.
    /// </summary>
    public Uri? ManageUrl { get; init; }
}
