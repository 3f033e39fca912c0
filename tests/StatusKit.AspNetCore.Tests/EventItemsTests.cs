using System.Text.Json;
using StatusKit.AspNetCore.Events;
using StatusKit.Engine;
using StatusKit.Status;

namespace StatusKit.AspNetCore.Tests;

/// <summary>The Server-Sent Event each change is sent as: made once, whatever number of streams it is written to.</summary>
public sealed class EventItemsTests
{
    private readonly EventIds _ids = new();

    [Fact]
    public void Of_TheSameChangeForEveryStream_IsMadeOnce()
    {
        var items = new EventItems(_ids);
        var change = ComponentChange(sequence: 7);

        var first = items.Of(change);
        var second = items.Of(change);

        Assert.NotNull(first);
        Assert.Same(first.Value.Data, second!.Value.Data);
    }

    [Fact]
    public void Of_AComponentChange_IsAStatusEventWithTheChangesIdAndStatus()
    {
        var change = ComponentChange(sequence: 42);

        var item = new EventItems(_ids).Of(change)!.Value;

        Assert.Equal("status", item.EventType);
        Assert.Equal(_ids.Format(42), item.EventId);
        using var data = JsonDocument.Parse(item.Data);
        Assert.Equal(change.ComponentId.ToString(), data.RootElement.GetProperty("component_id").GetString());
        Assert.Equal("major_outage", data.RootElement.GetProperty("status").GetString());
        Assert.Equal("operational", data.RootElement.GetProperty("old_status").GetString());
    }

    [Fact]
    public void Of_AGap_IsNoEvent()
    {
        var gap = new StatusChanged { Kind = StatusChangeKind.Gap, PageId = Guid.NewGuid(), DroppedCount = 3 };

        Assert.Null(new EventItems(_ids).Of(gap));
    }

    private static StatusChanged ComponentChange(long sequence) => new()
    {
        Kind = StatusChangeKind.Component,
        PageId = Guid.NewGuid(),
        ComponentId = Guid.NewGuid(),
        ComponentName = "API",
        OldStatus = ComponentStatus.Operational,
        NewStatus = ComponentStatus.MajorOutage,
        At = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero),
        SnapshotVersion = "v1",
        Sequence = sequence,
    };
}
