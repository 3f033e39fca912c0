using Microsoft.Extensions.Options;
using StatusKit.AspNetCore.Events;
using StatusKit.Engine;
using StatusKit.Status;

namespace StatusKit.AspNetCore.Tests;

public sealed class EventRelayTests
{
    [Fact]
    public void A_deleted_page_wakes_its_listeners_and_leaves_no_events_to_replay()
    {
        var relay = new EventRelay(Options.Create(new StatusPageEndpointOptions()));
        var pageId = Guid.NewGuid();
        relay.Publish(new StatusChanged { Kind = StatusChangeKind.Component, PageId = pageId, ComponentId = Guid.NewGuid(), NewStatus = ComponentStatus.MajorOutage, Sequence = 1 });
        using var listening = relay.Attach(pageId, null);

        relay.Publish(new StatusChanged { Kind = StatusChangeKind.PageDeleted, PageId = pageId, Sequence = 2 });
        using var resumed = relay.Attach(pageId, 0);

        Assert.True(listening.Live.TryRead(out var woken));
        Assert.Equal(StatusChangeKind.PageDeleted, woken.Kind);
        Assert.Empty(resumed.Replay);
    }
}
