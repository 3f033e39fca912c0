namespace StatusKit.Abstractions;

/// <summary>
/// Starts and ends maintenance windows at their times. The default implementation is a hosted service that sleeps
/// until the next due transition on the injected <see cref="TimeProvider"/>; a host may replace it with one backed by
/// Quartz.NET or Hangfire (see docs/maintenance.md). Whatever runs the timers, a transition is applied through the
/// store's compare-and-set, so it happens exactly once.
/// </summary>
public interface IMaintenanceScheduler
{
    /// <summary>
    /// Tells the scheduler that a window was created, changed, cancelled or deleted, so it re-reads its due times
    /// (the default wakes up early). Idempotent; never throws for a missing window.
    /// </summary>
    ValueTask WindowChangedAsync(Guid windowId, CancellationToken cancellationToken);

    /// <summary>
    /// Applies every transition due at or before now, once. Returns the number applied by this call. The default's
    /// timer calls this; tests and external schedulers may call it directly.
    /// </summary>
    Task<int> RunDueTransitionsAsync(CancellationToken cancellationToken);
}
