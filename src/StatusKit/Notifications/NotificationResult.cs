namespace StatusKit.Notifications;

/// <summary>The result of one delivery attempt.</summary>
public sealed record NotificationResult
{
    private NotificationResult(NotificationResultKind kind, string? error, TimeSpan? retryAfter, bool isDestinationFailure)
    {
        Kind = kind;
        Error = error;
        RetryAfter = retryAfter;
        IsDestinationFailure = isDestinationFailure;
    }

    /// <summary>What happened.</summary>
    public NotificationResultKind Kind { get; }

    /// <summary>Why the attempt failed, for logs and the dead-letter record.</summary>
    public string? Error { get; }

    /// <summary>How long the receiver asked us to wait (HTTP Retry-After), if it did.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>
    /// Whether the attempt failed at the destination: the subscriber's endpoint or mailbox answered an error, could not
    /// be reached, or its address cannot be used. False (the default of every failure) when the sending side failed:
    /// the notifier, its configuration or the host's own infrastructure, such as its mail server. Always false for
    /// <see cref="Delivered"/> and true for <see cref="Gone"/>. The dispatcher logs the dead letter of a destination
    /// failure as a warning (event 1319; the subscriber's problem, not the host's) and any other as an error (1306).
    /// </summary>
    public bool IsDestinationFailure { get; }

    /// <summary>The receiver accepted it.</summary>
    public static NotificationResult Delivered { get; } = new(NotificationResultKind.Delivered, null, null, false);

    /// <summary>A failure worth retrying (timeouts, 5xx, 429).</summary>
    public static NotificationResult Retry(string error, TimeSpan? retryAfter = null) =>
        new(NotificationResultKind.Retry, error, retryAfter, false);

    /// <summary>A failure that will not get better by retrying (4xx other than 408/410/429): dead-letter at once.</summary>
    public static NotificationResult Permanent(string error) => new(NotificationResultKind.Permanent, error, null, false);

    /// <summary>The destination no longer exists (HTTP 410): dead-letter and deactivate the subscriber.</summary>
    public static NotificationResult Gone(string error) => new(NotificationResultKind.Gone, error, null, true);

    /// <summary>
    /// This failure, marked as the destination's (see <see cref="IsDestinationFailure"/>): what a notifier answers when
    /// the subscriber's side failed, e.g. <c>NotificationResult.Retry("HTTP 503").AtDestination()</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">This is <see cref="Delivered"/>, which is no failure.</exception>
    public NotificationResult AtDestination() => Kind == NotificationResultKind.Delivered
        ? throw new InvalidOperationException("A delivered notification did not fail; only a failure can be the destination's.")
        : new(Kind, Error, RetryAfter, true);
}
