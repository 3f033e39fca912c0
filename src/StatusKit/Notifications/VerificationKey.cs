using System.Globalization;
using StatusKit.Model;

namespace StatusKit.Notifications;

/// <summary>
/// The deduplication key of a subscription's verification message. It names the token the message carries (by its
/// hash), so the dispatcher can tell a message whose token is still the subscriber's from one that was replaced.
/// </summary>
internal static class VerificationKey
{
    /// <summary>The key of the verification message for <paramref name="subscriberId"/> carrying the token with <paramref name="verifyTokenHash"/>.</summary>
    public static string For(Guid subscriberId, string verifyTokenHash) =>
        string.Create(CultureInfo.InvariantCulture, $"verify|{subscriberId:N}|{verifyTokenHash}");

    /// <summary>
    /// Whether <paramref name="row"/> carries <paramref name="subscriber"/>'s current verification token: false once
    /// the subscriber subscribed again (a new token) or was verified (no token left).
    /// </summary>
    public static bool IsCurrent(Notification row, Subscriber subscriber) =>
        subscriber.VerifyTokenHash is { } hash
        && string.Equals(row.DeduplicationKey, For(subscriber.Id, hash), StringComparison.Ordinal);
}
