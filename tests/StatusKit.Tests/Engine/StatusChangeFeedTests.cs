using StatusKit.Engine;
using StatusKit.Model;
using StatusKit.Services;
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
    public async Task DeletingAPage_TellsTheFeedItIsGone_WhileForgettingAPageThatNeverExistedTellsNothing()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme", ("API", "a", null));
        await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var feed = kit.Get<IStatusChangeFeed>().SubscribeAsync(null, cts.Token).GetAsyncEnumerator(cts.Token);
        var first = feed.MoveNextAsync(); // subscribes

        Assert.True(await kit.Pages.DeleteAsync(page.Id));
        Assert.Null(await kit.Reader.GetSnapshotAsync(Guid.NewGuid(), CancellationToken.None));
        ((StatusChangeFeed)kit.Get<IStatusChangeFeed>()).Publish(new StatusChanged { Kind = StatusChangeKind.Gap, PageId = page.Id, Cause = "end" });
        var events = new List<StatusChanged>();
        Assert.True(await first);
        while (feed.Current.Cause != "end")
        {
            events.Add(feed.Current);
            Assert.True(await feed.MoveNextAsync());
        }

        await feed.DisposeAsync();
        var deleted = Assert.Single(events);
        Assert.Equal((StatusChangeKind.PageDeleted, page.Id, kit.Clock.GetUtcNow()), (deleted.Kind, deleted.PageId, deleted.At));
    }

    [Fact]
    public async Task AGroupsStatus_IsPublishedWhenItChanges_AndNotWhenAWorseMemberHidesTheChange()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        await kit.Components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "Cards", GroupName = "Payments", TeamId = "a" });
        await kit.Components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "Payouts", GroupName = "Payments", TeamId = "b" });
        await kit.Components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "API", TeamId = "b" });
        await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var feed = kit.Get<IStatusChangeFeed>().SubscribeAsync(page.Id, cts.Token).GetAsyncEnumerator(cts.Token);
        var first = feed.MoveNextAsync(); // subscribes

        await kit.ReportAndSettleAsync(kit.Signal("INC-1", "a", "Critical", PlatformIncidentState.Triggered, 1));
        await kit.ReportAndSettleAsync(kit.Signal("INC-2", "b", "Medium", PlatformIncidentState.Triggered, 1));
        await kit.ReportAndSettleAsync(kit.Signal("INC-1", "a", "Critical", PlatformIncidentState.Resolved, 2));
        ((StatusChangeFeed)kit.Get<IStatusChangeFeed>()).Publish(new StatusChanged { Kind = StatusChangeKind.Gap, PageId = page.Id, Cause = "end" });
        var events = new List<StatusChanged>();
        Assert.True(await first);
        while (feed.Current.Cause != "end")
        {
            events.Add(feed.Current);
            Assert.True(await feed.MoveNextAsync());
        }

        await feed.DisposeAsync();

        // Payouts' degradation hides under Cards' outage; when Cards recovers the group shows Payouts' degradation.
        var groups = events.Where(e => e.Kind == StatusChangeKind.Group).Select(e => (e.GroupName, e.OldStatus, e.NewStatus)).ToList();
        Assert.Equal(
            [("Payments", ComponentStatus.Operational, ComponentStatus.MajorOutage), ("Payments", ComponentStatus.MajorOutage, ComponentStatus.DegradedPerformance)],
            groups);
        var snapshot = await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None);
        Assert.Equal(ComponentStatus.DegradedPerformance, snapshot!.GroupStatuses()["Payments"]);
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

        // The reader may take events while the burst fills its buffer (on a busy machine more than once, so the loss
        // may come as more than one gap); either way it ends with the newest four, and every event it missed is
        // reported in a gap.
        var received = new List<StatusChanged>();
        Assert.True(await pending);
        received.Add(slow.Current);
        while (received[^1].Cause != "#10" && await slow.MoveNextAsync())
        {
            received.Add(slow.Current);
        }

        await slow.DisposeAsync();
        var delivered = received.Where(e => e.Kind == StatusChangeKind.Component).Select(e => e.Cause).ToList();
        var gaps = received.Where(e => e.Kind == StatusChangeKind.Gap).ToList();
        Assert.NotEmpty(gaps);
        Assert.Equal(["#7", "#8", "#9", "#10"], delivered.TakeLast(4));
        Assert.Equal(10, delivered.Count + gaps.Sum(g => g.DroppedCount));
        Assert.Equal(0, feed.ConsumerCount);
    }

    [Fact]
    public async Task AConsumerThatFallsBehind_LosesItsOldestStatusEvents_ButNeverAPageDeletion()
    {
        var feed = new StatusChangeFeed(Microsoft.Extensions.Options.Options.Create(new StatusKit.Configuration.StatusPagesOptions { ChangeFeedBufferSize = 2 }));
        var deleted = Guid.NewGuid();
        var other = Guid.NewGuid();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var consumer = feed.SubscribeAsync(null, cts.Token).GetAsyncEnumerator(cts.Token);
        var first = consumer.MoveNextAsync(); // subscribes
        feed.Publish(new StatusChanged { Kind = StatusChangeKind.Page, PageId = other, Cause = "first" });
        Assert.True(await first); // the consumer now holds "first" and reads nothing more until asked

        feed.Publish(new StatusChanged { Kind = StatusChangeKind.PageDeleted, PageId = deleted });
        for (var i = 0; i < 10; i++)
        {
            feed.Publish(new StatusChanged { Kind = StatusChangeKind.Page, PageId = other, NewStatus = ComponentStatus.MajorOutage, Cause = i == 9 ? "end" : "busy" });
        }

        var heard = new List<StatusChanged>();
        while (await consumer.MoveNextAsync())
        {
            heard.Add(consumer.Current);
            if (consumer.Current.Cause == "end")
            {
                break;
            }
        }

        await consumer.DisposeAsync();
        Assert.Equal(StatusChangeKind.PageDeleted, heard[0].Kind);
        Assert.Equal(deleted, heard[0].PageId);
        // Eleven published behind "first" into room for two: nine dropped, and of those only the deletion came back.
        Assert.Equal(8, Assert.Single(heard, e => e.Kind == StatusChangeKind.Gap).DroppedCount);
    }
}
