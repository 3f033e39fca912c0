using StatusKit.Engine;
using StatusKit.Status;
using StatusKit.TestSupport;

namespace StatusKit.Tests.Engine;

/// <summary>
/// What a host's change feed tells its consumers of one page, from <see cref="Start"/> until <see cref="HeardAsync"/>,
/// which publishes the page's deletion as a marker after everything told before it and reads up to that marker.
/// </summary>
internal sealed class FeedRecording
{
    private readonly StatusKitHarness _host;
    private readonly Guid _pageId;
    private readonly IAsyncEnumerator<StatusChanged> _feed;
    private readonly Task<bool> _first;

    private FeedRecording(StatusKitHarness host, Guid pageId, IAsyncEnumerator<StatusChanged> feed)
    {
        _host = host;
        _pageId = pageId;
        _feed = feed;
        _first = feed.MoveNextAsync().AsTask(); // subscribes
    }

    public static FeedRecording Start(StatusKitHarness host, Guid pageId, CancellationToken cancellationToken) =>
        new(host, pageId, host.Get<IStatusChangeFeed>().SubscribeAsync(pageId, cancellationToken).GetAsyncEnumerator(cancellationToken));

    /// <summary>Everything the feed told of the page since <see cref="Start"/>, in order; the recording ends.</summary>
    public async Task<List<StatusChanged>> HeardAsync()
    {
        _host.Get<StatusChangeFeed>().Publish(new StatusChanged { Kind = StatusChangeKind.PageDeleted, PageId = _pageId });
        var heard = new List<StatusChanged>();
        for (var more = await _first; more && _feed.Current.Kind != StatusChangeKind.PageDeleted; more = await _feed.MoveNextAsync())
        {
            heard.Add(_feed.Current);
        }

        await _feed.DisposeAsync();
        return heard;
    }
}
