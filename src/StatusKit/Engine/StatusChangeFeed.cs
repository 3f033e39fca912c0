using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using StatusKit.Configuration;

namespace StatusKit.Engine;

/// <summary>
/// The default <see cref="IStatusChangeFeed"/>: one bounded, drop-oldest channel per consumer, which never loses a
/// <see cref="StatusChangeKind.PageDeleted"/> event: a consumer frees what it holds of the page on it, and nothing
/// would tell it again.
/// </summary>
internal sealed class StatusChangeFeed : IStatusChangeFeed
{
    private readonly Lock _gate = new();
    private readonly int _bufferSize;
    private Subscription[] _subscriptions = [];
    private long _sequence;

    public StatusChangeFeed(IOptions<StatusPagesOptions> options) => _bufferSize = options.Value.ChangeFeedBufferSize;

    /// <summary>The number of current consumers.</summary>
    public int ConsumerCount => Volatile.Read(ref _subscriptions).Length;

    /// <summary>Publishes an event to every interested consumer without waiting for any of them.</summary>
    public void Publish(StatusChanged change)
    {
        var stamped = change with { Sequence = Interlocked.Increment(ref _sequence) };
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            if (subscription.PageId is null || subscription.PageId == stamped.PageId)
            {
                if (stamped.Kind == StatusChangeKind.PageDeleted)
                {
                    // Kept aside first, so it is there before any newer event that could push it out of the channel.
                    subscription.Deletions.Enqueue(stamped);
                }

                subscription.Writer.TryWrite(stamped);
            }
        }
    }

    public async IAsyncEnumerable<StatusChanged> SubscribeAsync(Guid? pageId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var subscription = new Subscription(pageId, _bufferSize);
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions, subscription];
        }

        try
        {
            while (await subscription.Reader.WaitToReadAsync(cancellationToken))
            {
                while (subscription.Reader.TryRead(out var change))
                {
                    // A deletion published before this change that the channel dropped comes first, in its place.
                    while (subscription.Deletions.TryPeek(out var deletion) && deletion.Sequence <= change.Sequence)
                    {
                        subscription.Deletions.TryDequeue(out _);
                        if (deletion.Sequence < change.Sequence)
                        {
                            yield return deletion;
                        }
                    }

                    var dropped = Interlocked.Exchange(ref subscription.Dropped, 0);
                    if (dropped > 0)
                    {
                        yield return new StatusChanged
                        {
                            Kind = StatusChangeKind.Gap,
                            PageId = change.PageId,
                            DroppedCount = dropped,
                            At = change.At,
                        };
                    }

                    yield return change;
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                _subscriptions = [.. _subscriptions.Where(s => s != subscription)];
            }
        }
    }

    private sealed class Subscription
    {
        public long Dropped;

        public Subscription(Guid? pageId, int capacity)
        {
            PageId = pageId;
            var channel = Channel.CreateBounded<StatusChanged>(
                new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
                dropped =>
                {
                    // A dropped deletion is not lost (it waits in Deletions), so the gap does not count it.
                    if (dropped.Kind != StatusChangeKind.PageDeleted)
                    {
                        Interlocked.Increment(ref Dropped);
                    }
                });
            Reader = channel.Reader;
            Writer = channel.Writer;
        }

        public Guid? PageId { get; }

        /// <summary>The deletions published to this consumer and not yet read, oldest first.</summary>
        public ConcurrentQueue<StatusChanged> Deletions { get; } = new();

        public ChannelReader<StatusChanged> Reader { get; }

        public ChannelWriter<StatusChanged> Writer { get; }
    }
}
