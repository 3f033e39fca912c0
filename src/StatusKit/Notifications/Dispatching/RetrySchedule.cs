namespace StatusKit.Notifications.Dispatching;

/// <summary>
/// The persistent retry schedule of the outbox: the delay after a failed attempt is
/// <see cref="NotificationOptions.RetryDelays"/>[attempt - 1] spread by ± <see cref="NotificationOptions.RetryJitter"/>,
/// and at least the receiver's Retry-After; past the last delay there is no next attempt (dead letter).
/// </summary>
internal sealed class RetrySchedule
{
    private readonly TimeSpan[] _delays;
    private readonly double _jitter;
    private readonly Random _random;
    private readonly Lock _gate = new();

    public RetrySchedule(IEnumerable<TimeSpan> delays, double jitter, Random random)
    {
        _delays = [.. delays];
        _jitter = jitter;
        _random = random;
    }

    /// <summary>How many retries the schedule allows after the first attempt.</summary>
    public int Retries => _delays.Length;

    /// <summary>
    /// The wait after failed attempt number <paramref name="failedAttempt"/> (1-based), or null when it was the last.
    /// </summary>
    public TimeSpan? DelayAfter(int failedAttempt, TimeSpan? retryAfter)
    {
        if (failedAttempt < 1 || failedAttempt > _delays.Length)
        {
            return null;
        }

        var delay = _delays[failedAttempt - 1];
        if (_jitter > 0)
        {
            double spread;
            lock (_gate)
            {
                spread = (_random.NextDouble() * 2) - 1;
            }

            delay = TimeSpan.FromTicks((long)(delay.Ticks * (1 + (_jitter * spread))));
        }

        return retryAfter is { } asked && asked > delay ? asked : delay;
    }

    /// <summary>How long a row waits when its channel has no notifier: the first retry delay (a configuration error is not the receiver's fault, so no attempt is counted).</summary>
    public TimeSpan MissingNotifierDelay(TimeSpan pollInterval) => _delays.Length > 0 ? _delays[0] : pollInterval;
}
