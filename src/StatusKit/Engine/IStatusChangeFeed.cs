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
    /// <remarks>
    /// "From now on" starts when the enumeration does (its first <c>MoveNextAsync</c>), and a change is passed only to
    /// the consumers listening when it is made. A host consumer that must see every change from start-up (a socket hub
    /// in a <c>BackgroundService</c>) starts enumerating in its <c>StartAsync</c>, as StatusKit's own SSE relay does:
    /// <c>ExecuteAsync</c> runs on the thread pool some time after the host started, and a change made before it got
    /// there would be missed without any <see cref="StatusChangeKind.Gap"/>.
    /// </remarks>
    IAsyncEnumerable<StatusChanged> SubscribeAsync(Guid? pageId, CancellationToken cancellationToken);
}
