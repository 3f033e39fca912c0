using Microsoft.Extensions.Hosting;

namespace StatusKit.Hosting;

/// <summary>
/// The hosted loop of an hourly clean-up pass (unconfirmed subscriptions, old audit entries, old metric points): once
/// the host has started, it runs the pass, then again every <see cref="Interval"/> on one <see cref="TimeProvider"/>
/// timer. A failing pass is reported to its owner, which logs it, and tried again after <see cref="RetryDelay"/>;
/// stopping the host cancels a pass without reporting a failure.
/// </summary>
internal sealed class HourlyPass(TimeProvider time, IHostApplicationLifetime? lifetime)
{
    /// <summary>How often the pass runs.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>How long after a failure the pass runs again.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(1);

    private readonly PassSignal _signal = new();

    /// <summary>Completes when the loop has run every pass it was woken for and sleeps (for tests).</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken) => _signal.WhenIdleAsync(cancellationToken);

    /// <summary>
    /// Runs <paramref name="pass"/> until <paramref name="stoppingToken"/> is cancelled; a pass that fails (even a store
    /// call cancelled by something other than the host) is given to <paramref name="failed"/> with when it runs again.
    /// </summary>
    public async Task RunAsync(Func<CancellationToken, Task> pass, Action<DateTimeOffset, Exception> failed, CancellationToken stoppingToken)
    {
        if (lifetime is not null && !await HostStartup.WaitForStartedAsync(lifetime, stoppingToken))
        {
            return;
        }

        await _signal.RunAsync(
            time,
            async cancellationToken =>
            {
                await pass(cancellationToken);
                return time.GetUtcNow() + Interval;
            },
            ex =>
            {
                var retryAt = time.GetUtcNow() + RetryDelay;
                failed(retryAt, ex);
                return retryAt;
            },
            stoppingToken);
    }
}
