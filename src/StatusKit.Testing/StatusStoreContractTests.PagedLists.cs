using StatusKit.Abstractions;
using StatusKit.Model;

// The facts are public for xunit, not for callers; each fact's name is its specification, so facts carry no XML doc.
#pragma warning disable CS1591
namespace StatusKit.Testing;

public abstract partial class StatusStoreContractTests
{
    [Fact]
    public async Task ListMaintenanceWindows_ReturnsThePagesWindowsLatestOccurrenceStartFirst_FilteredByState()
    {
        var page = await AddPageAsync();
        var other = await AddPageAsync();
        var late = await AddWindowAsync(page.Id, MaintenanceState.Scheduled, 300);
        var early = await AddWindowAsync(page.Id, MaintenanceState.Completed, 100);
        var middle = await AddWindowAsync(page.Id, MaintenanceState.Scheduled, 200);
        var cancelled = await AddWindowAsync(page.Id, MaintenanceState.Cancelled, 150);
        await AddWindowAsync(other.Id, MaintenanceState.Scheduled, 250);

        var all = await Store.ListMaintenanceWindowsAsync(page.Id, new MaintenanceWindowQuery(), None);
        var scheduled = await Store.ListMaintenanceWindowsAsync(page.Id, new MaintenanceWindowQuery { State = MaintenanceState.Scheduled }, None);

        Assert.Equal([late.Id, middle.Id, cancelled.Id, early.Id], all.Select(w => w.Id));
        Assert.Equal([late.Id, middle.Id], scheduled.Select(w => w.Id));
        StoreAssert.Same(late, all[0]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(MaintenanceState.Completed)]
    public async Task ListMaintenanceWindows_SkipAndTake_PageThroughWithoutRepeatingOrMissing_EvenOnEqualStarts(MaintenanceState? state)
    {
        var page = await AddPageAsync();
        var ids = new List<Guid>();
        foreach (var minute in new[] { 100, 200, 200, 200, 300, 300, 400 })
        {
            ids.Add((await AddWindowAsync(page.Id, MaintenanceState.Completed, minute)).Id);
        }

        var pages = new List<IReadOnlyList<MaintenanceWindow>>();
        for (var skip = 0; skip < 8; skip += 2)
        {
            pages.Add(await Store.ListMaintenanceWindowsAsync(page.Id, new MaintenanceWindowQuery { State = state, Skip = skip, Take = 2 }, None));
        }

        var read = pages.SelectMany(p => p).ToList();
        Assert.Equal([2, 2, 2, 1], pages.Select(p => p.Count));
        Assert.Equal(ids.Order(), read.Select(w => w.Id).Order());
        Assert.Equal(read.Select(w => w.OccurrenceStartsAt).OrderDescending(), read.Select(w => w.OccurrenceStartsAt));
    }

    [Fact]
    public async Task ListMaintenanceWindows_TakeBelowOneOrNegativeSkip_ThrowsArgumentOutOfRange()
    {
        var page = await AddPageAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => Store.ListMaintenanceWindowsAsync(page.Id, new MaintenanceWindowQuery { Take = 0 }, None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => Store.ListMaintenanceWindowsAsync(page.Id, new MaintenanceWindowQuery { Skip = -1 }, None));
    }

    [Fact]
    public async Task ListOpenMaintenanceWindowsOfAPage_ReturnsItsScheduledAndInProgressWindows_ByOccurrenceStart()
    {
        var page = await AddPageAsync();
        var other = await AddPageAsync();
        var scheduled = await AddWindowAsync(page.Id, MaintenanceState.Scheduled, 300);
        var running = await AddWindowAsync(page.Id, MaintenanceState.InProgress, 100);
        await AddWindowAsync(page.Id, MaintenanceState.Completed, 50);
        await AddWindowAsync(page.Id, MaintenanceState.Cancelled, 200);
        await AddWindowAsync(other.Id, MaintenanceState.Scheduled, 150);

        var open = await Store.ListOpenMaintenanceWindowsAsync(page.Id, None);

        Assert.Equal([running.Id, scheduled.Id], open.Select(w => w.Id));
        StoreAssert.Same(running, open[0]);
    }

    [Fact]
    public async Task ListSubscribersPaged_ReturnsThePagesSubscribersNewestFirst()
    {
        var page = await AddPageAsync();
        var other = await AddPageAsync();
        var second = TestData.Subscriber(page.Id, createdAt: TestData.At(20));
        var first = TestData.Subscriber(page.Id, createdAt: TestData.At(10));
        var third = TestData.Subscriber(page.Id, createdAt: TestData.At(30));
        foreach (var subscriber in new[] { second, third, first, TestData.Subscriber(other.Id, createdAt: TestData.At(25)) })
        {
            await Store.AddSubscriberAsync(subscriber, [], None);
        }

        var listed = await Store.ListSubscribersAsync(page.Id, 0, 10, None);

        Assert.Equal([third.Id, second.Id, first.Id], listed.Select(s => s.Id));
        StoreAssert.Same(third, listed[0]);
    }

    [Fact]
    public async Task ListSubscribersPaged_SkipAndTake_PageThroughWithoutRepeatingOrMissing_EvenOnEqualCreationTimes()
    {
        var page = await AddPageAsync();
        var ids = new List<Guid>();
        foreach (var minute in new[] { 10, 20, 20, 20, 30, 30, 40 })
        {
            var subscriber = TestData.Subscriber(page.Id, createdAt: TestData.At(minute));
            await Store.AddSubscriberAsync(subscriber, [], None);
            ids.Add(subscriber.Id);
        }

        var pages = new List<IReadOnlyList<Subscriber>>();
        for (var skip = 0; skip < 8; skip += 2)
        {
            pages.Add(await Store.ListSubscribersAsync(page.Id, skip, 2, None));
        }

        var read = pages.SelectMany(p => p).ToList();
        Assert.Equal([2, 2, 2, 1], pages.Select(p => p.Count));
        Assert.Equal(ids.Order(), read.Select(s => s.Id).Order());
        Assert.Equal(read.Select(s => s.CreatedAt).OrderDescending(), read.Select(s => s.CreatedAt));
    }

    [Fact]
    public async Task ListSubscribersPaged_TakeBelowOneOrNegativeSkip_ThrowsArgumentOutOfRange()
    {
        var page = await AddPageAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ListSubscribersAsync(page.Id, 0, 0, None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ListSubscribersAsync(page.Id, -1, 1, None));
    }
}
