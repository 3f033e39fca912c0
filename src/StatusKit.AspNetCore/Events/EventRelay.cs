using System.Threading.Channels;
using Microsoft.Extensions.Options;
using StatusKit.Engine;

namespace StatusKit.AspNetCore.Events;

/// <summary>
/// Fans the change feed out to the SSE clients of each page and keeps the last few events of each page, so a client
/// that reconnects with <c>Last-Event-ID</c> gets what it missed. Attaching reads the buffer and joins the live
/// stream under one lock, so no event is missed or repeated in between.
/// </summary>
internal sealed class EventRelay
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, PageChannel> _pages = [];
    private readonly int _bufferSize;
    private long _highest;

    public EventRelay(IOptions<StatusPageEndpointOptions> options) => _bufferSize = options.Value.ReplayBufferSize;

    /// <summary>
    /// Passes one feed event to the page's buffer and listeners. A deleted page's listeners are woken (each stream then
    /// finds the page gone and ends) and its buffer dropped.
    /// </summary>
    public void Publish(StatusChanged change)
    {
        lock (_gate)
        {
            if (change.Kind == StatusChangeKind.PageDeleted)
            {
                if (_pages.Remove(change.PageId, out var deleted))
                {
                    foreach (var listener in deleted.Listeners)
                    {
                        listener.Writer.TryWrite(change);
                    }
                }

                return;
            }

            var page = PageOf(change.PageId);
            if (change.Kind == StatusChangeKind.Gap)
            {
                // The relay itself fell behind: the lost events come before the next one, whatever its number.
                page.GapPending = true;
            }
            else
            {
                _highest = Math.Max(_highest, change.Sequence);
                if (page.GapPending)
                {
                    page.EvictedThrough = change.Sequence - 1;
                    page.GapPending = false;
                }

                page.Buffer.Enqueue(change);
                if (page.Buffer.Count > _bufferSize)
                {
                    page.EvictedThrough = Math.Max(page.EvictedThrough, page.Buffer.Dequeue().Sequence);
                }
            }

            foreach (var listener in page.Listeners)
            {
                listener.Writer.TryWrite(change);
            }
        }
    }

    /// <summary>
    /// Joins the live stream of a page. With <paramref name="lastEventId"/>, the events after it come first; when some
    /// are no longer buffered the attachment says so
    /// (<see cref="EventAttachment.Incomplete"/>) and the client reloads.
    /// </summary>
    public EventAttachment Attach(Guid pageId, long? lastEventId) => Attach(pageId, lastEventId, unknownLastEvent: false);

    /// <summary>
    /// Joins the live stream of a page for a client whose <c>Last-Event-ID</c> is not one of this run's: what it
    /// missed cannot be told, so nothing is replayed and the attachment is <see cref="EventAttachment.Incomplete"/>.
    /// </summary>
    public EventAttachment AttachAfterUnknownEvent(Guid pageId) => Attach(pageId, null, unknownLastEvent: true);

    private EventAttachment Attach(Guid pageId, long? lastEventId, bool unknownLastEvent)
    {
        var channel = Channel.CreateBounded<StatusChanged>(new BoundedChannelOptions(_bufferSize)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = false,
        });
        lock (_gate)
        {
            var page = PageOf(pageId);
            page.Listeners.Add(channel);
            List<StatusChanged> replay = [];
            var incomplete = unknownLastEvent;
            if (lastEventId is { } last)
            {
                replay.AddRange(page.Buffer.Where(e => e.Sequence > last));
                incomplete = last < page.EvictedThrough || last > _highest || page.GapPending;
            }

            return new EventAttachment(replay, incomplete, channel.Reader, () => Detach(pageId, channel));
        }
    }

    private void Detach(Guid pageId, Channel<StatusChanged> channel)
    {
        lock (_gate)
        {
            if (_pages.TryGetValue(pageId, out var page))
            {
                page.Listeners.Remove(channel);
            }
        }
    }

    private PageChannel PageOf(Guid pageId)
    {
        if (!_pages.TryGetValue(pageId, out var page))
        {
            page = new PageChannel();
            _pages[pageId] = page;
        }

        return page;
    }

    private sealed class PageChannel
    {
        public Queue<StatusChanged> Buffer { get; } = new();

        public List<Channel<StatusChanged>> Listeners { get; } = [];

        /// <summary>The newest sequence number that was evicted from the buffer or lost.</summary>
        public long EvictedThrough { get; set; }

        public bool GapPending { get; set; }
    }
}
