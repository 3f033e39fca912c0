using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using StatusKit.Engine;
using StatusKit.Status;

namespace StatusKit.AspNetCore.Events;

/// <summary>
/// The Server-Sent Event each change of the feed is sent as, made once for every stream of its page: during an outage
/// its readers keep the page open, and each change is then written to each of their streams. Held as long as the change
/// itself (the relay's buffer and the streams' queues hold it), by reference.
/// </summary>
internal sealed class EventItems
{
    private readonly ConditionalWeakTable<StatusChanged, Made> _made = [];
    private readonly ConditionalWeakTable<StatusChanged, Made>.CreateValueCallback _make;
    private readonly EventIds _ids;

    public EventItems(EventIds ids)
    {
        _ids = ids;
        _make = change => new Made(Make(change));
    }

    /// <summary>The event <paramref name="change"/> is sent as; null for one no stream is told as such (a gap).</summary>
    public SseItem<string>? Of(StatusChanged change) => _made.GetValue(change, _make).Item;

    private SseItem<string>? Make(StatusChanged change)
    {
        var id = _ids.Format(change.Sequence);
        switch (change.Kind)
        {
            case StatusChangeKind.Component when change.ComponentId is { } componentId:
            {
                var data = new ComponentStatusEvent(
                    componentId.ToString(),
                    change.ComponentName ?? string.Empty,
                    change.NewStatus.ToApiName(),
                    change.NewStatus.ToDisplayName(),
                    change.OldStatus.ToApiName(),
                    change.At,
                    change.SnapshotVersion);
                return new SseItem<string>(JsonSerializer.Serialize(data, EventJsonContext.Default.ComponentStatusEvent), "status") { EventId = id };
            }

            case StatusChangeKind.Group when change.GroupName is { } group:
            {
                var data = new GroupStatusEvent(
                    DerivedIds.ForGroup(change.PageId, group).ToString(),
                    group,
                    change.NewStatus.ToApiName(),
                    change.NewStatus.ToDisplayName(),
                    change.OldStatus.ToApiName(),
                    change.At,
                    change.SnapshotVersion);
                return new SseItem<string>(JsonSerializer.Serialize(data, EventJsonContext.Default.GroupStatusEvent), "group") { EventId = id };
            }

            case StatusChangeKind.Page:
            {
                var status = PageStatus.For(change.NewStatus);
                var data = new PageStatusEvent(change.PageId.ToString(), status.Status.ToApiName(), status.Indicator.ToApiName(), status.Description, change.At, change.SnapshotVersion);
                return new SseItem<string>(JsonSerializer.Serialize(data, EventJsonContext.Default.PageStatusEvent), "page") { EventId = id };
            }

            case StatusChangeKind.Content:
            {
                var data = new ContentChangedEvent(change.At, change.SnapshotVersion);
                return new SseItem<string>(JsonSerializer.Serialize(data, EventJsonContext.Default.ContentChangedEvent), "content") { EventId = id };
            }

            default:
                return null;
        }
    }

    private sealed record Made(SseItem<string>? Item);
}
