namespace StatusKit.Engine;

/// <summary>
/// Recomputes component statuses. Work is queued and coalesced: requests for the same scope that arrive while one
/// is waiting are served by one recompute. Each method's task completes when a recompute that started after the call
/// has committed.
/// </summary>
public interface IStatusEngine
{
    /// <summary>Recomputes every component of a page.</summary>
    Task RecomputePageAsync(Guid pageId, CancellationToken cancellationToken);

    /// <summary>Recomputes every component of every page.</summary>
    Task RecomputeAllAsync(CancellationToken cancellationToken);

    /// <summary>Recomputes the given components (a maintenance window's, a public incident's), naming the cause in history.</summary>
    Task RecomputeComponentsAsync(IReadOnlyList<Guid> componentIds, string cause, CancellationToken cancellationToken);

    /// <summary>Completes when no queued recompute is waiting or running (scheduled retries excluded).</summary>
    Task WhenIdleAsync(CancellationToken cancellationToken);
}
