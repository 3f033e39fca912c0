using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace StatusKit.Notifications.Dispatching;

/// <summary>
/// The in-process resilience of one dispatcher, built with Polly: a timeout around each send (a safety net over the
/// notifier's own timeout, shorter than the lease so a send never outlives it) and a short retry of transient store
/// failures. The persistent retry schedule across attempts is the outbox's (<see cref="RetrySchedule"/>), not Polly's.
/// </summary>
internal sealed class DispatchResilience
{
    private static readonly TimeSpan MinimumTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaximumTimeout = TimeSpan.FromDays(1);

    public DispatchResilience(NotificationOptions options, TimeProvider time, ILogger logger)
    {
        SendTimeout = Clamp(options.LeaseDuration / 2);
        Send = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddTimeout(SendTimeout)
            .Build();
        Store = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = 3,
                Delay = TimeSpan.FromMilliseconds(200),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    Log.StoreRetry(logger, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception);
                    return default;
                },
            })
            .Build();
    }

    /// <summary>How long one send may take: half the lease, so the lease still holds when the outcome is recorded.</summary>
    public TimeSpan SendTimeout { get; }

    /// <summary>Wraps each notifier call.</summary>
    public ResiliencePipeline Send { get; }

    /// <summary>Wraps each outbox call (claim, complete, release, reads).</summary>
    public ResiliencePipeline Store { get; }

    /// <summary>
    /// Store failures worth an immediate retry: not cancellations, not StatusKit's own errors (not found, conflict,
    /// validation) and not argument errors, which a retry cannot fix.
    /// </summary>
    private static bool IsTransient(Exception exception) =>
        exception is not (OperationCanceledException or StatusKitException or ArgumentException or InvalidOperationException);

    private static TimeSpan Clamp(TimeSpan timeout) =>
        timeout < MinimumTimeout ? MinimumTimeout : timeout > MaximumTimeout ? MaximumTimeout : timeout;
}
