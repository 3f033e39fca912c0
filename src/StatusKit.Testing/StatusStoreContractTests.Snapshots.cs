using StatusKit.Model;
using StatusKit.Status;

// The facts are public for xunit, not for callers; each fact's name is its specification, so facts carry no XML doc.
#pragma warning disable CS1591
namespace StatusKit.Testing;

public abstract partial class StatusStoreContractTests
{
    [Fact]
    public async Task AddedAggregates_DoNotAliasTheCallersLists()
    {
        var page = await AddPageAsync();
        var componentIds = new List<Guid> { Guid.NewGuid() };
        var window = TestData.Window(page.Id, componentIds);
        await Store.AddMaintenanceWindowAsync(window, [], None);
        var subscriberComponents = new List<Guid> { Guid.NewGuid() };
        var subscriber = TestData.Subscriber(page.Id) with { ComponentIds = subscriberComponents };
        await Store.AddSubscriberAsync(subscriber, [], None);
        var expectedWindowIds = componentIds.ToArray();
        var expectedSubscriberIds = subscriberComponents.ToArray();

        componentIds.Add(Guid.NewGuid());
        subscriberComponents.Clear();

        Assert.Equal(expectedWindowIds, (await Store.GetMaintenanceWindowAsync(window.Id, None))?.ComponentIds);
        Assert.Equal(expectedSubscriberIds, (await Store.GetSubscriberAsync(subscriber.Id, None))?.ComponentIds);
    }

    [Fact]
    public async Task ReturnedLists_AreSnapshots_ThatLaterWritesDoNotChange()
    {
        var page = await AddPageAsync();
        var first = await AddComponentAsync(page.Id, "First");
        var listed = await Store.ListComponentsAsync(page.Id, None);

        await AddComponentAsync(page.Id, "Second");
        await CommitAsync(first, ComponentStatus.Operational, ComponentStatus.MajorOutage, TestData.At(1));

        var snapshot = Assert.Single(listed);
        Assert.Equal(first, snapshot);
        Assert.Equal(2, (await Store.ListComponentsAsync(page.Id, None)).Count);
    }

    [Fact]
    public async Task ReturnedIncident_IsNotChangedByALaterAppend()
    {
        var page = await AddPageAsync();
        var incident = TestData.Incident(page.Id);
        await Store.AddStatusIncidentAsync(incident, [], None);
        var before = await Store.GetStatusIncidentAsync(incident.Id, None);

        await Store.AppendStatusIncidentUpdateAsync(
            incident.Id,
            new StatusIncidentUpdate(Guid.NewGuid(), TestData.At(30), StatusIncidentState.Resolved, "Resolved."),
            [],
            None);

        StoreAssert.Same(incident, before);
    }
}
