namespace StatusKit.Notifications;

/// <summary>The result of one delivery attempt.</summary>
public sealed record NotificationResult
{
    private NotificationResult(NotificationResultKind kind, string? error, TimeSpan? retryAfter)
    {
        Kind = kind;
        Error = error;
        RetryAfter = retryAfter;
    }

    /// <summary>What happened.</summary>
    public NotificationResultKind Kind { get; }

    /// <summary>Why the attempt failed, for logs and the dead-letter record.</summary>
    public string? Error { get; }

    /// <summary>How long the receiver asked us to wait (HTTP Retry-After), if it did.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The receiver accepted it.</summary>
    public static NotificationResult Delivered { get; } = new(NotificationResultKind.Delivered, null, null);

    /// <summary>A failure worth retrying (timeouts, 5xx, 429).</summary>
    public static NotificationResult Retry(string error, TimeSpan? retryAfter = null) =>
        new(NotificationResultKind.Retry, error, retryAfter);

    /// <summary>A failure that will not get better by retrying (4xx other than 408/410/429): dead-letter at once.</summary>
    public static NotificationResult Permanent(string error) => new(NotificationResultKind.Permanent, error, null);

    /// <summary>The destination no longer exists (HTTP 410): dead-letter and deactivate the subscriber.</summary>
    public static NotificationResult Gone(string error) => new(NotificationResultKind.Gone, error, null);
}
