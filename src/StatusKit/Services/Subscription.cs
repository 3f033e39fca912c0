using StatusKit.Model;

namespace StatusKit.Services;

/// <summary>A new subscription with the tokens that are shown only now (only their hashes are stored).</summary>
/// <param name="Subscriber">The stored subscriber.</param>
/// <param name="UnsubscribeToken">The unsubscribe token.</param>
/// <param name="VerificationToken">The verification token, unless the subscription was pre-verified.</param>
public sealed record Subscription(Subscriber Subscriber, string UnsubscribeToken, string? VerificationToken);
