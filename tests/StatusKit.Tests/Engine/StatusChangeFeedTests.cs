using StatusKit.Engine;
using StatusKit.Model;
using StatusKit.Status;
using StatusKit.TestSupport;

namespace StatusKit.Tests.Engine;

public sealed class StatusChangeFeedTests
{
    [Fact]
    public async Task ASubscriber_ReceivesComponentAndPageChangesOfItsPage()
    {
        await using var kit = new StatusKitHarness();
        var (page, components) = await kit.CreatePageAsync("Acme", ("API", "a", null));
        await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var events = new List<StatusChanged>();
        var feed = kit.Get<IStatusChangeFeed>().SubscribeAsync(page.Id, cts.Token).GetAsyncEnumerator(cts.Token);
        var first = feed.MoveNextAsync();

        await kit.ReportAndSettleAsync(kit.Signal("INC-1", "a", "Critical", PlatformIncidentState.Triggered, 1));
        Assert.True(await first);
        events.Add(feed.Current);
        Assert.True(await feed.MoveNextAsync());
        events.Add(feed.Current);
        await feed.DisposeAsync();

        var component = Assert.Single(events, e => e.Kind == StatusChangeKind.Component);
        Assert.Equal((components[0].Id, ComponentStatus.MajorOutage), (component.ComponentId!.Value, component.NewStatus));
        Assert.Equal("API", component.ComponentName);
        var pageEvent = Assert.Single(events, e => e.Kind == StatusChangeKind.Page);
        Assert.Equal(ComponentStatus.MajorOutage, pageEvent.NewStatus);
        Assert.True(pageEvent.Sequence > component.Sequence);
    }

    [Fact]
    public async Task ASlowConsumer_LosesItsOwnOldestEvents_IsToldSo_AndNeverBlocksThePublisher()
    {
        var feed = new StatusChangeFeed(Microsoft.Extensions.Options.Options.Create(new Configuration.StatusPagesOptions { ChangeFeedBufferSize = 4 }));
        var pageId = Guid.NewGuid();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var slow = feed.SubscribeAsync(pageId, cts.Token).GetAsyncEnumerator(cts.Token);
        var pending = slow.MoveNextAsync(); // subscribes

        for (var i = 1; i <= 10; i++)
        {
            feed.Publish(new StatusChanged { Kind = StatusChangeKind.Component, PageId = pageId, NewStatus = ComponentStatus.MajorOutage, Cause = $"#{i}" });
        }

        // The reader may have taken the first event before the burst filled its buffer; either way it ends with the
        // newest four, and what it missed is reported as a gap.
        var received = new List<StatusChanged>();
        Assert.True(await pending);
        received.Add(slow.Current);
        while (received[^1].Cause != "#10" && await slow.MoveNextAsync())
        {
            received.Add(slow.Current);
        }

        await slow.DisposeAsync();
        var delivered = received.Where(e => e.Kind == StatusChangeKind.Component).Select(e => e.Cause).ToList();
        var gap = Assert.Single(received, e => e.Kind == StatusChangeKind.Gap);
        Assert.Equal(["#7", "#8", "#9", "#10"], delivered.TakeLast(4));
        Assert.Equal(10, delivered.Count + gap.DroppedCount);
        Assert.Equal(0, feed.ConsumerCount);
    }
}
