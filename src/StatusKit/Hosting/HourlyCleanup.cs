using Microsoft.Extensions.Hosting;

namespace StatusKit.Hosting;

/// <summary>
/// An hourly clean-up (unconfirmed subscriptions, old audit entries, old metric points): a hosted service that, once the
/// host has started, deletes what is older than its age limit, then again every <see cref="Interval"/> on one
/// <see cref="TimeProvider"/> timer. A failing pass is logged by the subclass and tried again after
/// <see cref="RetryDelay"/>; stopping the host cancels a pass without logging a failure.
/// </summary>
internal abstract class HourlyCleanup : BackgroundService
{
    /// <summary>How often the pass runs.</summary>
    internal static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>How long after a failure the pass runs again.</summary>
    internal static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(1);

    private readonly TimeProvider _time;
    private readonly TimeSpan _age;
    private readonly IHostApplicationLifetime? _lifetime;
    private readonly PassSignal _signal = new();

    /// <param name="time">The clock of the pass and of its timer.</param>
    /// <param name="age">How old what the pass deletes must be.</param>
    /// <param name="lifetime">The host's lifetime, whose start the loop waits for; null runs at once (tests).</param>
    protected HourlyCleanup(TimeProvider time, TimeSpan age, IHostApplicationLifetime? lifetime)
    {
        _time = time;
        _age = age;
        _lifetime = lifetime;
    }

    /// <summary>
    /// One pass: deletes what is older than the age limit, logs how many when any, and returns how many. Failures
    /// propagate (the hosted loop logs them and retries).
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var removed = await DeleteOlderThanAsync(_time.GetUtcNow() - _age, cancellationToken);
        if (removed > 0)
        {
            LogRemoved(removed);
        }

        return removed;
    }

    /// <summary>Completes when the hosted loop has run every pass it was woken for and sleeps (for tests).</summary>
    internal Task WhenIdleAsync(CancellationToken cancellationToken) => _signal.WhenIdleAsync(cancellationToken);

    /// <summary>Deletes what is older than <paramref name="cutoff"/> and returns how many rows went.</summary>
    protected abstract Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>Logs that a pass deleted <paramref name="count"/> rows (never called with 0).</summary>
    protected abstract void LogRemoved(int count);

    /// <summary>Logs a failed pass and when it runs again.</summary>
    protected abstract void LogFailed(DateTimeOffset retryAt, Exception exception);

    /// <inheritdoc />
    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_lifetime is not null && !await HostStartup.WaitForStartedAsync(_lifetime, stoppingToken))
        {
            return;
        }

        await _signal.RunAsync(
            _time,
            async cancellationToken =>
            {
                await RunOnceAsync(cancellationToken);
                return _time.GetUtcNow() + Interval;
            },
            ex =>
            {
                var retryAt = _time.GetUtcNow() + RetryDelay;
                LogFailed(retryAt, ex);
                return retryAt;
            },
            stoppingToken);
    }
}
