using StatusKit.Abstractions;
using StatusKit.Model;

namespace StatusKit.TestSupport.Contract;

public abstract partial class StatusStoreContractTests
{
    [Fact]
    public async Task LoadPageContent_MissingPage_ReturnsNull()
    {
        await AddPageAsync();

        Assert.Null(await Store.LoadPageContentAsync(Guid.NewGuid(), 100, None));
    }

    [Fact]
    public async Task LoadPageContent_MaxUnresolvedIncidentsBelowOne_Throws()
    {
        var page = await AddPageAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.LoadPageContentAsync(page.Id, 0, None));
    }

    [Fact]
    public async Task LoadPageContent_ReturnsWhatTheListsReturn_OfThatPageOnly_NewestUnresolvedIncidentsUpToTheLimit()
    {
        var page = await AddPageAsync();
        var other = await AddPageAsync();
        await AddComponentAsync(page.Id, "Web", displayOrder: 2);
        await AddComponentAsync(page.Id, "API", displayOrder: 1);
        await AddComponentAsync(page.Id, "Auth", displayOrder: 1);
        await AddComponentAsync(other.Id, "Elsewhere");
        var oldest = TestData.Incident(page.Id, TestData.At(10));
        var newer = TestData.Incident(page.Id, TestData.At(20), StatusIncidentState.Monitoring);
        var newest = TestData.Incident(page.Id, TestData.At(30), StatusIncidentState.Investigating);
        foreach (var incident in new[]
                 {
                     oldest, newer, newest,
                     TestData.Incident(page.Id, TestData.At(40), StatusIncidentState.Resolved),
                     TestData.Incident(other.Id, TestData.At(50)),
                 })
        {
            await Store.AddStatusIncidentAsync(incident, [], None);
        }

        var later = await Store.AddMaintenanceWindowAsync(TestData.Window(page.Id, [], MaintenanceState.Completed, TestData.At(90)), None);
        var sooner = await Store.AddMaintenanceWindowAsync(TestData.Window(page.Id, [], MaintenanceState.Scheduled, TestData.At(60)), None);
        await Store.AddMaintenanceWindowAsync(TestData.Window(other.Id, []), None);

        var content = await Store.LoadPageContentAsync(page.Id, 2, None);

        Assert.NotNull(content);
        Assert.Equal(page, content.Page);
        Assert.Equal(await Store.ListComponentsAsync(page.Id, None), content.Components);
        Assert.Equal(["API", "Auth", "Web"], content.Components.Select(c => c.Name));
        Assert.Equal(2, content.UnresolvedIncidents.Count);
        StoreAssert.Same(newest, content.UnresolvedIncidents[0]);
        StoreAssert.Same(newer, content.UnresolvedIncidents[1]);
        Assert.Equal(2, content.MaintenanceWindows.Count);
        StoreAssert.Same(sooner, content.MaintenanceWindows[0]);
        StoreAssert.Same(later, content.MaintenanceWindows[1]);
    }
}
