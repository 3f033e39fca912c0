namespace StatusKit.Notifications;

/// <summary>What a dispatcher records after an attempt. Only the current lease owner may record it.</summary>
/// <param name="NotificationId">The row.</param>
/// <param name="LeaseOwner">The dispatcher that holds the lease.</param>
/// <param name="State">
/// <see cref="NotificationState.Pending"/> to retry at <paramref name="NextAttemptAt"/>; otherwise the final state.
/// </param>
/// <param name="At">When the attempt finished.</param>
/// <param name="Attempts">The attempt count to store.</param>
/// <param name="Error">The error of a failed attempt.</param>
/// <param name="NextAttemptAt">When to try again, for <see cref="NotificationState.Pending"/>.</param>
public sealed record NotificationOutcome(
    Guid NotificationId,
    string LeaseOwner,
    NotificationState State,
    DateTimeOffset At,
    int Attempts,
    string? Error = null,
    DateTimeOffset? NextAttemptAt = null);
