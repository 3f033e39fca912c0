namespace StatusKit.Engine;

/// <summary>
/// In-process stream of status changes (what the SSE endpoint and a host's own socket hub listen to). Every consumer
/// has its own bounded buffer: a slow consumer loses its own oldest events and is told so with a
/// <see cref="StatusChangeKind.Gap"/> event; it never blocks the engine or other consumers. A
/// <see cref="StatusChangeKind.PageDeleted"/> event is never lost that way: it reaches the consumer in its place.
/// </summary>
public interface IStatusChangeFeed
{
    /// <summary>
    /// The changes of one page (or of every page when <paramref name="pageId"/> is null) from now on, until
    /// <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    IAsyncEnumerable<StatusChanged> SubscribeAsync(Guid? pageId, CancellationToken cancellationToken);
}
