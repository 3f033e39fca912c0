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
    Uri? UnsubscribeUrl);
