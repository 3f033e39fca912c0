namespace StatusKit.Engine;

/// <summary>
/// Carries page changes between hosts that share one store, so that every host's change feed (and so its SSE clients)
/// sees the status changes another host committed, and its page snapshots are rebuilt at once rather than when their
/// cache entry expires. Register one with <c>UseStatusChangeBackplane()</c>; without one, each host sees only its own
/// changes (enough for one host, or for hosts sharing an <c>IDistributedCache</c> whose clients poll).
/// </summary>
/// <remarks>
/// Delivery is best effort and at most once: a change a host misses (its connection was down) reaches its pages at the
/// next change or when the snapshot's time to live ends. Implementations must not hand a host its own changes back.
/// </remarks>
public interface IStatusChangeBackplane
{
    /// <summary>Sends a change committed on this host to the other hosts. Called after the commit, off the engine's path.</summary>
    Task PublishAsync(PageChange change, CancellationToken cancellationToken);

    /// <summary>
    /// The changes the other hosts publish from now on, until <paramref name="cancellationToken"/> is cancelled. Throws
    /// when the connection is lost; StatusKit then logs it and subscribes again after
    /// <see cref="Configuration.StatusPagesOptions.BackplaneRetryDelay"/>.
    /// </summary>
    IAsyncEnumerable<PageChange> SubscribeAsync(CancellationToken cancellationToken);
}
