using System.Threading.Channels;
using Microsoft.Extensions.Options;
using StatusKit.Engine;

namespace StatusKit.AspNetCore.Events;

/// <summary>
/// Fans the change feed out to the SSE clients of each page and keeps the last few events of each page, so a client
/// that reconnects with <c>Last-Event-ID</c> gets what it missed. Attaching reads the buffer and joins the live
/// stream under one lock, so no event is missed or repeated in between.
/// </summary>
/// <remarks>
/// A page is held (its buffer and listeners) only while it has a stream open, and for
/// <see cref="StatusPageEndpointOptions.ReplayBufferRetention"/> after its last stream closed, so a browser that reconnects after a dropped connection still resumes; then it is
/// freed, at the next event, stream or close, under the same lock as a stream that opens at that moment (which keeps it
/// instead). Events of a page held by nobody are not kept. What the relay no longer holds is summed up in one number,
/// the newest sequence it forgot: a client whose <c>Last-Event-ID</c> is older than that, on a page it holds no
/// events of, is told to reload (<see cref="EventAttachment.Incomplete"/>) rather than resumed with events missing.
/// </remarks>
internal sealed class EventRelay
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, PageChannel> _pages = [];

    // The pages whose last stream closed, in the order they did; each entry stands only while its page is still idle
    // since that moment (a stream that opened meanwhile makes it stale).
    private readonly Queue<(Guid PageId, PageChannel Page, DateTimeOffset IdleSince)> _idle = new();
    private readonly int _bufferSize;

    // How long a page's events stay held after its last stream closed, for a browser's reconnection.
    private readonly TimeSpan _reconnectGrace;
    private readonly TimeProvider _time;
    private long _highest;

    // The newest sequence of an event the relay passed on but holds no more (a freed page's, or one of a page held by
    // nobody): a page held anew may have had any event up to it.
    private long _forgottenThrough;

    // Whether the feed said events were lost and no event has come since: the lost ones come before the next.
    private bool _gapPending;

    public EventRelay(IOptions<StatusPageEndpointOptions> options, TimeProvider time)
    {
        _bufferSize = options.Value.ReplayBufferSize;
        _reconnectGrace = options.Value.ReplayBufferRetention;
        _time = time;
    }

    /// <summary>The number of pages held: with a stream open, or within the grace after their last one closed.</summary>
    public int PageCount
    {
        get
        {
            lock (_gate)
            {
                return _pages.Count;
            }
        }
    }

    /// <summary>
    /// Passes one feed event to the page's buffer and listeners. A deleted page's listeners are woken (each stream then
    /// finds the page gone and ends) and its buffer dropped.
    /// </summary>
    public void Publish(StatusChanged change)
    {
        lock (_gate)
        {
            FreeIdlePages();
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

            if (change.Kind == StatusChangeKind.Gap)
            {
                // The relay itself fell behind: the lost events may have been any page's, and come before the next
                // event, whatever its number. Every open stream is told (its client reloads).
                _gapPending = true;
                foreach (var held in _pages.Values)
                {
                    foreach (var listener in held.Listeners)
                    {
                        listener.Writer.TryWrite(change);
                    }
                }

                return;
            }

            _highest = Math.Max(_highest, change.Sequence);
            if (_gapPending)
            {
                // Any page, held now or anew later, may have lost events up to just before this one.
                foreach (var held in _pages.Values)
                {
                    held.EvictedThrough = Math.Max(held.EvictedThrough, change.Sequence - 1);
                }

                _forgottenThrough = Math.Max(_forgottenThrough, change.Sequence - 1);
                _gapPending = false;
            }

            if (!_pages.TryGetValue(change.PageId, out var page))
            {
                // Nobody listens to the page: its event is not kept.
                _forgottenThrough = Math.Max(_forgottenThrough, change.Sequence);
                return;
            }

            page.Buffer.Enqueue(change);
            if (page.Buffer.Count > _bufferSize)
            {
                page.EvictedThrough = Math.Max(page.EvictedThrough, page.Buffer.Dequeue().Sequence);
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
            FreeIdlePages();
            if (!_pages.TryGetValue(pageId, out var page))
            {
                // Held anew: any event up to the newest one forgotten may have been this page's.
                page = new PageChannel { EvictedThrough = _forgottenThrough };
                _pages[pageId] = page;
            }

            page.IdleSince = null;
            page.Listeners.Add(channel);
            List<StatusChanged> replay = [];
            var incomplete = unknownLastEvent;
            if (lastEventId is { } last)
            {
                replay.AddRange(page.Buffer.Where(e => e.Sequence > last));
                incomplete = last < page.EvictedThrough || last > _highest || _gapPending;
            }

            return new EventAttachment(replay, incomplete, channel.Reader, () => Detach(pageId, channel));
        }
    }

    private void Detach(Guid pageId, Channel<StatusChanged> channel)
    {
        lock (_gate)
        {
            if (_pages.TryGetValue(pageId, out var page) && page.Listeners.Remove(channel) && page.Listeners.Count == 0)
            {
                var now = _time.GetUtcNow();
                page.IdleSince = now;
                _idle.Enqueue((pageId, page, now));
            }

            FreeIdlePages();
        }
    }

    // Frees the pages whose last stream closed at least the grace ago and that no stream opened since. Under _gate.
    private void FreeIdlePages()
    {
        var now = _time.GetUtcNow();
        while (_idle.TryPeek(out var idle) && now - idle.IdleSince >= _reconnectGrace)
        {
            _idle.Dequeue();
            if (idle.Page.IdleSince == idle.IdleSince
                && _pages.TryGetValue(idle.PageId, out var page) && ReferenceEquals(page, idle.Page))
            {
                _pages.Remove(idle.PageId);
                var newest = page.Buffer.Count > 0 ? page.Buffer.Max(e => e.Sequence) : 0;
                _forgottenThrough = Math.Max(_forgottenThrough, Math.Max(newest, page.EvictedThrough));
            }
        }
    }

    private sealed class PageChannel
    {
        public Queue<StatusChanged> Buffer { get; } = new();

        public List<Channel<StatusChanged>> Listeners { get; } = [];

        /// <summary>The newest sequence number that was evicted from the buffer or lost.</summary>
        public long EvictedThrough { get; set; }

        /// <summary>When its last stream closed, while none is open; null while one is.</summary>
        public DateTimeOffset? IdleSince { get; set; }
    }
}
