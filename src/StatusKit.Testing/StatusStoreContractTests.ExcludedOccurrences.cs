using StatusKit.Abstractions;
using StatusKit.Model;

// The facts are public for xunit, not for callers; each fact's name is its specification, so facts carry no XML doc.
#pragma warning disable CS1591
namespace StatusKit.Testing;

public abstract partial class StatusStoreContractTests
{
    /// <summary>
    /// Wall-clock starts a store must keep exactly: with seconds, one the spring-forward night skips in Berlin (a store
    /// that converted it to an instant would move it), one in the fall-back fold, and one far ahead, out of order.
    /// </summary>
    private static readonly DateTime[] Exclusions =
    [
        new(2026, 3, 29, 2, 30, 15),
        new(2026, 10, 25, 2, 30, 0),
        new(2099, 12, 31, 23, 59, 59),
        new(2026, 1, 19, 10, 0, 0),
    ];

    [Fact]
    public async Task AddMaintenanceWindow_WithExcludedOccurrences_ReadsThemBackAsTheSameWallClockTimes_InTheirOrder()
    {
        var page = await AddPageAsync();
        var window = TestData.Window(page.Id) with { ExcludedOccurrences = Exclusions };

        await Store.AddMaintenanceWindowAsync(window, [], None);

        var expected = window with { Version = 1 };
        StoreAssert.Same(expected, await Store.GetMaintenanceWindowAsync(window.Id, None));
        StoreAssert.Same(expected, Assert.Single(await Store.ListMaintenanceWindowsAsync(page.Id, new MaintenanceWindowQuery(), None)));
        StoreAssert.Same(expected, Assert.Single(await Store.ListOpenMaintenanceWindowsAsync(None), w => w.Id == window.Id));
        StoreAssert.Same(expected, Assert.Single((await Store.LoadPageContentAsync(page.Id, 10, None))!.MaintenanceWindows));
    }

    [Fact]
    public async Task AddMaintenanceWindow_WithoutExcludedOccurrences_ReadsBackAnEmptyList()
    {
        var page = await AddPageAsync();
        var window = TestData.Window(page.Id) with { ExcludedOccurrences = [] };

        await Store.AddMaintenanceWindowAsync(window, [], None);

        Assert.Empty((await Store.GetMaintenanceWindowAsync(window.Id, None))!.ExcludedOccurrences);
    }

    [Fact]
    public async Task TryUpdateMaintenanceWindow_NewExcludedOccurrences_ReplaceTheStoredOnes_AndAnEmptyListClearsThem()
    {
        var page = await AddPageAsync();
        var v1 = await Store.AddMaintenanceWindowAsync(TestData.Window(page.Id), [], None);

        var v2 = await Store.TryUpdateMaintenanceWindowAsync(v1 with { ExcludedOccurrences = Exclusions }, [], None);
        StoreAssert.Same(v1 with { ExcludedOccurrences = Exclusions, Version = 2 }, await Store.GetMaintenanceWindowAsync(v1.Id, None));

        await Store.TryUpdateMaintenanceWindowAsync(v2! with { ExcludedOccurrences = [] }, [], None);
        StoreAssert.Same(v1 with { ExcludedOccurrences = [], Version = 3 }, await Store.GetMaintenanceWindowAsync(v1.Id, None));
    }

    [Fact]
    public async Task AddMaintenanceWindow_DoesNotAliasTheCallersExcludedOccurrences()
    {
        var page = await AddPageAsync();
        var exclusions = new List<DateTime>(Exclusions);
        var window = TestData.Window(page.Id) with { ExcludedOccurrences = exclusions };
        await Store.AddMaintenanceWindowAsync(window, [], None);

        exclusions.Clear();

        Assert.Equal(Exclusions, (await Store.GetMaintenanceWindowAsync(window.Id, None))!.ExcludedOccurrences);
    }

    [Fact]
    public async Task DeleteComponent_KeepsTheExcludedOccurrencesOfTheWindowsThatCoveredIt()
    {
        var page = await AddPageAsync();
        var component = await AddComponentAsync(page.Id, "Database");
        var window = await Store.AddMaintenanceWindowAsync(
            TestData.Window(page.Id, [component.Id], MaintenanceState.Scheduled) with { ExcludedOccurrences = Exclusions }, [], None);

        await Store.DeleteComponentAsync(component.Id, null, None);

        Assert.Equal(Exclusions, (await Store.GetMaintenanceWindowAsync(window.Id, None))!.ExcludedOccurrences);
    }
}
