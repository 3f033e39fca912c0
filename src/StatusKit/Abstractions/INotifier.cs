using StatusKit.Model;
using StatusKit.Notifications;

namespace StatusKit.Abstractions;

/// <summary>
/// Delivers notifications over one channel. The dispatcher calls it with retries, backoff and dead-lettering around
/// it; an implementation makes one attempt and reports what happened, and should not throw for delivery failures.
/// </summary>
public interface INotifier
{
    /// <summary>
    /// The channel this notifier serves. One notifier per channel is used: the host's own when it registered one (it
    /// replaces StatusKit's built-in webhook, Slack, Teams, Discord, email or SMS notifier), else the built-in one.
    /// </summary>
    SubscriberChannel Channel { get; }

    /// <summary>Makes one delivery attempt.</summary>
    Task<NotificationResult> SendAsync(NotificationMessage message, CancellationToken cancellationToken);
}
