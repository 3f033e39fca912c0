using Microsoft.Extensions.Hosting;

namespace StatusKit.Hosting;

/// <summary>
/// A hosted service that runs passes one at a time: once the host has started, then whenever the previous pass said
/// the next is due (one <see cref="TimeProvider"/> timer) or something woke it (<see cref="Wake"/>). A pass that throws
/// is logged by the subclass and tried again after the retry delay; stopping the host cancels a pass without logging a
/// failure. The manual-status expiry and the upstream poller are such loops.
/// </summary>
internal abstract class WokenPassLoop : BackgroundService
{
    private readonly TimeProvider _time;
    private readonly IHostApplicationLifetime? _lifetime;
    private readonly TimeSpan _retryDelay;
    private readonly PassSignal _signal = new();
    private readonly SemaphoreSlim _passLock = new(1, 1);

    /// <param name="time">The clock of the passes and of their timer.</param>
    /// <param name="lifetime">The host's lifetime, whose start the loop waits for; null runs at once (tests).</param>
    /// <param name="retryDelay">How long after a failed pass the next one runs.</param>
    protected WokenPassLoop(TimeProvider time, IHostApplicationLifetime? lifetime, TimeSpan retryDelay)
    {
        _time = time;
        _lifetime = lifetime;
        _retryDelay = retryDelay;
    }

    /// <summary>Asks for a pass now (or right after the one running).</summary>
    public void Wake() => _signal.Wake();

    /// <summary>
    /// One pass (never two at once, whoever calls): returns when the next one is due. Failures propagate (the hosted
    /// loop logs them and retries).
    /// </summary>
    public async Task<DateTimeOffset> RunOnceAsync(CancellationToken cancellationToken)
    {
        await _passLock.WaitAsync(cancellationToken);
        try
        {
            return await RunPassAsync(cancellationToken);
        }
        finally
        {
            _passLock.Release();
        }
    }

    /// <summary>Completes when the hosted loop has run every pass it was woken for and sleeps (for tests).</summary>
    internal Task WhenIdleAsync(CancellationToken cancellationToken) => _signal.WhenIdleAsync(cancellationToken);

    /// <inheritdoc />
    public override void Dispose()
    {
        _passLock.Dispose();
        base.Dispose();
    }

    /// <summary>The pass itself, under the pass lock: returns when the next one is due.</summary>
    protected abstract Task<DateTimeOffset> RunPassAsync(CancellationToken cancellationToken);

    /// <summary>Logs a failed pass and when it runs again.</summary>
    protected abstract void LogPassFailed(DateTimeOffset retryAt, Exception exception);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_lifetime is not null && !await HostStartup.WaitForStartedAsync(_lifetime, stoppingToken))
        {
            return;
        }

        await _signal.RunAsync(
            _time,
            RunOnceAsync,
            ex =>
            {
                var retryAt = _time.GetUtcNow() + _retryDelay;
                LogPassFailed(retryAt, ex);
                return retryAt;
            },
            stoppingToken);
    }
}
