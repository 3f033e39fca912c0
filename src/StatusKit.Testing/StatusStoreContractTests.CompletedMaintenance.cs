using StatusKit.Model;

// The facts are public for xunit, not for callers; each fact's name is its specification, so facts carry no XML doc.
#pragma warning disable CS1591
namespace StatusKit.Testing;

public abstract partial class StatusStoreContractTests
{
    [Fact]
    public async Task ListCompletedMaintenanceWindows_ReturnsOnlyThePagesCompletedWindows_LatestOccurrenceStartFirst()
    {
        var page = await AddPageAsync();
        var other = await AddPageAsync();
        var early = await AddWindowAsync(page.Id, MaintenanceState.Completed, 100);
        var late = await AddWindowAsync(page.Id, MaintenanceState.Completed, 300);
        var middle = await AddWindowAsync(page.Id, MaintenanceState.Completed, 200);
        await AddWindowAsync(page.Id, MaintenanceState.Scheduled, 400);
        await AddWindowAsync(page.Id, MaintenanceState.InProgress, 350);
        await AddWindowAsync(page.Id, MaintenanceState.Cancelled, 250);
        await AddWindowAsync(other.Id, MaintenanceState.Completed, 500);

        var completed = await Store.ListCompletedMaintenanceWindowsAsync(page.Id, 0, 10, None);

        Assert.Equal([late.Id, middle.Id, early.Id], completed.Select(w => w.Id));
        StoreAssert.Same(late, completed[0]);
    }

    [Fact]
    public async Task ListCompletedMaintenanceWindows_SkipAndTake_PageThroughWithoutRepeatingOrMissing_EvenOnEqualStarts()
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
            pages.Add(await Store.ListCompletedMaintenanceWindowsAsync(page.Id, skip, 2, None));
        }

        var read = pages.SelectMany(p => p).ToList();
        Assert.Equal([2, 2, 2, 1], pages.Select(p => p.Count));
        Assert.Equal(ids.Order(), read.Select(w => w.Id).Order());
        Assert.Equal(read.Select(w => w.OccurrenceStartsAt).OrderDescending(), read.Select(w => w.OccurrenceStartsAt));
        Assert.Empty(await Store.ListCompletedMaintenanceWindowsAsync(page.Id, 7, 2, None));
    }

    [Fact]
    public async Task ListCompletedMaintenanceWindows_TakeBelowOneOrNegativeSkip_ThrowsArgumentOutOfRange()
    {
        var page = await AddPageAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ListCompletedMaintenanceWindowsAsync(page.Id, 0, 0, None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ListCompletedMaintenanceWindowsAsync(page.Id, -1, 1, None));
    }

    private async Task<MaintenanceWindow> AddWindowAsync(Guid pageId, MaintenanceState state, int minute) =>
        await Store.AddMaintenanceWindowAsync(TestData.Window(pageId, state: state, occurrenceStartsAt: TestData.At(minute)), [], None);
}
