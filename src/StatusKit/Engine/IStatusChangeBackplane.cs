namespace StatusKit.Engine;

/// <summary>
/// Carries page changes between hosts that share one store, so that every host's change feed (and so its SSE clients)
/// sees the status changes another host committed, and its page snapshots are rebuilt at once rather than when their
/// cache entry expires. Register one with <c>UseStatusChangeBackplane()</c>; without one, each host sees only its own
/// changes (enough for one host, or for hosts sharing an <c>IDistributedCache</c> whose clients poll).
/// </summary>
/// <remarks>
/// Delivery is best effort and at most once, so a host catches up itself: each time a subscription starts listening
/// (the first time, and again after a lost connection) the backplane yields <see cref="PageChange.Resync"/>, and the
/// host then rebuilds every page snapshot it holds from the store and tells its feed what changed meanwhile. A backplane
/// that never yields it leaves a change a host missed to reach its pages at the next change or when the snapshot's time
/// to live ends. Implementations must not hand a host its own changes back.
/// </remarks>
public interface IStatusChangeBackplane
{
    /// <summary>Sends a change committed on this host to the other hosts. Called after the commit, off the engine's path.</summary>
    Task PublishAsync(PageChange change, CancellationToken cancellationToken);

    /// <summary>
    /// The changes the other hosts publish from now on, until <paramref name="cancellationToken"/> is cancelled, led by
    /// <see cref="PageChange.Resync"/> once listening (yield it only when every change published from then on will be
    /// delivered). Throws when the connection is lost; StatusKit then logs it and subscribes again after
    /// <see cref="Configuration.StatusPagesOptions.BackplaneRetryDelay"/>.
    /// </summary>
    IAsyncEnumerable<PageChange> SubscribeAsync(CancellationToken cancellationToken);
}
