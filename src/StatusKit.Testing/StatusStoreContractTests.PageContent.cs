using StatusKit.Abstractions;
using StatusKit.Model;

// The facts are public for xunit, not for callers; each fact's name is its specification, so facts carry no XML doc.
#pragma warning disable CS1591
namespace StatusKit.Testing;

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

        var later = await Store.AddMaintenanceWindowAsync(TestData.Window(page.Id, [], MaintenanceState.InProgress, TestData.At(90)), [], None);
        var sooner = await Store.AddMaintenanceWindowAsync(TestData.Window(page.Id, [], MaintenanceState.Scheduled, TestData.At(60)), [], None);
        await Store.AddMaintenanceWindowAsync(TestData.Window(other.Id, []), [], None);

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

    [Fact]
    public async Task LoadPageContent_ReturnsOnlyTheOpenWindows_AndTheLatestUpdateOfAnyWindow_EndedOnesIncluded()
    {
        var page = await AddPageAsync();
        var other = await AddPageAsync();
        var scheduled = await Store.AddMaintenanceWindowAsync(TestData.Window(page.Id, [], MaintenanceState.Scheduled, TestData.At(90)), [], None);
        var inProgress = await Store.AddMaintenanceWindowAsync(TestData.Window(page.Id, [], MaintenanceState.InProgress, TestData.At(60)), [], None);
        await Store.AddMaintenanceWindowAsync(
            TestData.Window(page.Id, [], MaintenanceState.Completed, TestData.At(10)) with { UpdatedAt = TestData.At(50) }, [], None);
        await Store.AddMaintenanceWindowAsync(TestData.Window(page.Id, [], MaintenanceState.Cancelled, TestData.At(20)), [], None);
        await Store.AddMaintenanceWindowAsync(TestData.Window(other.Id, []) with { UpdatedAt = TestData.At(80) }, [], None);

        var content = await Store.LoadPageContentAsync(page.Id, 100, None);

        Assert.Equal([inProgress.Id, scheduled.Id], content!.MaintenanceWindows.Select(w => w.Id));
        Assert.Equal(TestData.At(50), content.LatestMaintenanceChange);
    }

    [Fact]
    public async Task LoadPageContent_PageWithoutWindows_HasNoLatestMaintenanceChange()
    {
        var page = await AddPageAsync();
        var other = await AddPageAsync();
        await Store.AddMaintenanceWindowAsync(TestData.Window(other.Id, []), [], None);

        var content = await Store.LoadPageContentAsync(page.Id, 100, None);

        Assert.Empty(content!.MaintenanceWindows);
        Assert.Null(content.LatestMaintenanceChange);
    }

    [Fact]
    public async Task LoadPageContent_LatestIncidentChange_IsTheLatestUpdateOfAnyOfThePagesIncidents_ResolvedOnesIncluded()
    {
        var page = await AddPageAsync();
        var other = await AddPageAsync();
        var open = TestData.Incident(page.Id, TestData.At(10));
        var resolvedLater = TestData.Incident(page.Id, TestData.At(20));
        foreach (var incident in new[] { open, resolvedLater, TestData.Incident(other.Id, TestData.At(90)) })
        {
            await Store.AddStatusIncidentAsync(incident, [], None);
        }

        await Store.AppendStatusIncidentUpdateAsync(
            resolvedLater.Id, new StatusIncidentUpdate(Guid.NewGuid(), TestData.At(40), StatusIncidentState.Resolved, "Fixed."), [], None);

        var content = await Store.LoadPageContentAsync(page.Id, 100, None);

        Assert.Equal(TestData.At(40), content!.LatestIncidentChange);
        StoreAssert.SameIds([open.Id], content.UnresolvedIncidents.Select(i => i.Id));
    }

    [Fact]
    public async Task LoadPageContent_PageWithoutIncidents_HasNoLatestIncidentChange()
    {
        var page = await AddPageAsync();
        var other = await AddPageAsync();
        await Store.AddStatusIncidentAsync(TestData.Incident(other.Id), [], None);

        var content = await Store.LoadPageContentAsync(page.Id, 100, None);

        Assert.Null(content!.LatestIncidentChange);
    }

    [Fact]
    public async Task AfterDeletes_EveryPageReadReturnsOnlyWhatRemains()
    {
        var page = await AddPageAsync();
        var gone = await AddPageAsync();
        var component = await AddComponentAsync(page.Id);
        var keptWindow = await Store.AddMaintenanceWindowAsync(TestData.Window(page.Id, [component.Id], MaintenanceState.InProgress), [], None);
        var deletedWindow = await Store.AddMaintenanceWindowAsync(TestData.Window(page.Id, [component.Id], MaintenanceState.InProgress), [], None);
        var keptIncident = TestData.Incident(page.Id, TestData.At(1));
        var deletedIncident = TestData.Incident(page.Id, TestData.At(2));
        var keptSubscriber = TestData.Subscriber(page.Id);
        var deletedSubscriber = TestData.Subscriber(page.Id);
        foreach (var incident in new[] { keptIncident, deletedIncident, TestData.Incident(gone.Id) })
        {
            await Store.AddStatusIncidentAsync(incident, [], None);
        }

        foreach (var subscriber in new[] { keptSubscriber, deletedSubscriber, TestData.Subscriber(gone.Id) })
        {
            await Store.AddSubscriberAsync(subscriber, [], None);
        }

        await Store.AddMaintenanceWindowAsync(TestData.Window(gone.Id, []), [], None);

        Assert.True(await Store.DeleteMaintenanceWindowAsync(deletedWindow.Id, null, [], None));
        Assert.True(await Store.DeleteStatusIncidentAsync(deletedIncident.Id, null, None));
        Assert.True(await Store.DeleteSubscriberAsync(deletedSubscriber.Id, null, None));
        Assert.True(await Store.DeletePageAsync(gone.Id, null, None));

        var content = await Store.LoadPageContentAsync(page.Id, 100, None);
        var inputs = await Store.LoadStatusInputsAsync(StatusScope.ForPage(page.Id), None);
        StoreAssert.SameIds([keptWindow.Id], (await Store.ListMaintenanceWindowsAsync(page.Id, new MaintenanceWindowQuery(), None)).Select(w => w.Id));
        StoreAssert.SameIds([keptWindow.Id], content!.MaintenanceWindows.Select(w => w.Id));
        StoreAssert.SameIds([keptWindow.Id], inputs.InProgressWindows.Select(w => w.Id));
        StoreAssert.SameIds([keptIncident.Id], (await Store.ListStatusIncidentsAsync(page.Id, new StatusIncidentQuery(), None)).Select(i => i.Id));
        StoreAssert.SameIds([keptIncident.Id], content.UnresolvedIncidents.Select(i => i.Id));
        StoreAssert.SameIds([keptIncident.Id], inputs.UnresolvedIncidents.Select(i => i.Id));
        StoreAssert.SameIds([keptSubscriber.Id], (await Store.ListSubscribersAsync(page.Id, None)).Select(s => s.Id));
        StoreAssert.SameIds([keptSubscriber.Id], inputs.Subscribers.Select(s => s.Id));
        Assert.Null(await Store.LoadPageContentAsync(gone.Id, 100, None));
        Assert.Empty(await Store.ListMaintenanceWindowsAsync(gone.Id, new MaintenanceWindowQuery(), None));
        Assert.Empty(await Store.ListStatusIncidentsAsync(gone.Id, new StatusIncidentQuery(), None));
        Assert.Empty(await Store.ListSubscribersAsync(gone.Id, None));
    }
}
