using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Status;

// The facts are public for xunit, not for callers; each fact's name is its specification, so facts carry no XML doc.
#pragma warning disable CS1591
namespace StatusKit.Testing;

/// <summary>
/// Optimistic concurrency of pages, components, status incidents and subscribers: an update is a compare-and-set on
/// the record's version, and every write that changes a record's stored fields moves its version.
/// </summary>
public abstract partial class StatusStoreContractTests
{
    [Fact]
    public async Task Add_AnyVersionGiven_StoresEachVersionedRecordAtVersion1()
    {
        var page = TestData.Page() with { Version = 9 };
        await Store.AddPageAsync(page, None);
        var component = TestData.Component(page.Id) with { Version = 9 };
        await Store.AddComponentAsync(component, None);
        var incident = TestData.Incident(page.Id) with { Version = 9 };
        await Store.AddStatusIncidentAsync(incident, [], None);
        var subscriber = TestData.Subscriber(page.Id) with { Version = 9 };
        await Store.AddSubscriberAsync(subscriber, [], None);

        Assert.Equal(1, (await Store.GetPageAsync(page.Id, None))!.Version);
        Assert.Equal(1, (await Store.GetComponentAsync(component.Id, None))!.Version);
        Assert.Equal(1, (await Store.GetStatusIncidentAsync(incident.Id, None))!.Version);
        Assert.Equal(1, (await Store.GetSubscriberAsync(subscriber.Id, None))!.Version);
    }

    [Fact]
    public async Task UpdatePage_EachUpdateFromTheStoredVersion_MovesTheVersionOn()
    {
        var page = await AddPageAsync();

        var second = await Store.UpdatePageAsync(page with { Name = "Second" }, None);
        var third = await Store.UpdatePageAsync(second with { Name = "Third" }, None);

        Assert.Equal([2L, 3L], [second.Version, third.Version]);
        Assert.Equal(third, await Store.GetPageAsync(page.Id, None));
    }

    [Fact]
    public async Task UpdatePage_StaleVersion_ThrowsConcurrency_AndChangesNothing()
    {
        var page = await AddPageAsync();
        var current = await Store.UpdatePageAsync(page with { Name = "First writer" }, None);

        await Assert.ThrowsAsync<StatusKitConcurrencyException>(
            () => Store.UpdatePageAsync(page with { Description = "Second writer, read before the first" }, None));

        Assert.Equal(current, await Store.GetPageAsync(page.Id, None));
    }

    [Fact]
    public async Task UpdatePage_StaleVersionAndTakenSlug_ThrowsConcurrency_BeforeLookingAtTheSlug()
    {
        await AddPageAsync(slug: "taken");
        var page = await AddPageAsync(slug: "mine");
        await Store.UpdatePageAsync(page with { Name = "First writer" }, None);

        await Assert.ThrowsAsync<StatusKitConcurrencyException>(() => Store.UpdatePageAsync(page with { Slug = "taken" }, None));
    }

    [Fact]
    public async Task UpdateComponent_StaleVersion_ThrowsConcurrency_AndChangesNothing()
    {
        var page = await AddPageAsync();
        var component = await AddComponentAsync(page.Id);
        var current = await Store.UpdateComponentAsync(component with { ManualStatus = ComponentStatus.MajorOutage }, None);

        await Assert.ThrowsAsync<StatusKitConcurrencyException>(
            () => Store.UpdateComponentAsync(component with { Name = "Renamed from a stale read" }, None));

        Assert.Equal(current, await Store.GetComponentAsync(component.Id, None));
        Assert.Equal(2, current.Version);
    }

    [Fact]
    public async Task UpdateStatusIncident_StaleVersion_ThrowsConcurrency_AndChangesNothing()
    {
        var page = await AddPageAsync();
        var incident = TestData.Incident(page.Id);
        await Store.AddStatusIncidentAsync(incident, [], None);
        var current = await Store.UpdateStatusIncidentAsync(incident with { Title = "First writer" }, None);

        await Assert.ThrowsAsync<StatusKitConcurrencyException>(
            () => Store.UpdateStatusIncidentAsync(incident with { Severity = StatusIncidentSeverity.Critical }, None));

        StoreAssert.Same(current, await Store.GetStatusIncidentAsync(incident.Id, None));
        Assert.Equal(2, current.Version);
    }

    [Fact]
    public async Task UpdateSubscriber_StaleVersion_ThrowsConcurrency_ChangesNothing_AndEnqueuesNothing()
    {
        var page = await AddPageAsync();
        var subscriber = TestData.Subscriber(page.Id);
        await Store.AddSubscriberAsync(subscriber, [], None);
        var current = await Store.UpdateSubscriberAsync(subscriber with { IsActive = false }, [], None);

        await Assert.ThrowsAsync<StatusKitConcurrencyException>(
            () => Store.UpdateSubscriberAsync(
                subscriber with { NotifyOn = NotificationEvents.All },
                [TestData.Notification(page.Id, subscriber.Id)],
                None));

        StoreAssert.Same(current, await Store.GetSubscriberAsync(subscriber.Id, None));
        Assert.Empty(await Store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id }, None));
    }

    [Fact]
    public async Task AppendStatusIncidentUpdate_MovesTheVersion_SoAnUpdateReadBeforeItIsStale()
    {
        var page = await AddPageAsync();
        var incident = TestData.Incident(page.Id);
        await Store.AddStatusIncidentAsync(incident, [], None);

        var appended = await Store.AppendStatusIncidentUpdateAsync(
            incident.Id, new StatusIncidentUpdate(Guid.NewGuid(), TestData.At(20), StatusIncidentState.Monitoring, "Fixed."), [], None);

        Assert.Equal(2, appended.Version);
        await Assert.ThrowsAsync<StatusKitConcurrencyException>(() => Store.UpdateStatusIncidentAsync(incident with { Title = "Stale" }, None));
        Assert.Equal(3, (await Store.UpdateStatusIncidentAsync(appended with { Title = "Fresh" }, None)).Version);
    }

    [Fact]
    public async Task ReorderComponents_MovesTheVersionOfEachComponentWhoseOrderChanges_AndOnlyThose()
    {
        var page = await AddPageAsync();
        var a = await AddComponentAsync(page.Id, "A", displayOrder: 0);
        var b = await AddComponentAsync(page.Id, "B", displayOrder: 1);
        var c = await AddComponentAsync(page.Id, "C", displayOrder: 2);

        await Store.ReorderComponentsAsync(page.Id, [b.Id, a.Id, c.Id], null, None);

        Assert.Equal(2, (await Store.GetComponentAsync(a.Id, None))!.Version);
        Assert.Equal(2, (await Store.GetComponentAsync(b.Id, None))!.Version);
        Assert.Equal(1, (await Store.GetComponentAsync(c.Id, None))!.Version);
        await Assert.ThrowsAsync<StatusKitConcurrencyException>(() => Store.UpdateComponentAsync(a with { Name = "Stale" }, None));
    }

    [Fact]
    public async Task ReorderComponents_ThatChangesAnOrder_MovesThePagesVersion_AndOneThatChangesNoneDoesNot()
    {
        var page = await AddPageAsync();
        var a = await AddComponentAsync(page.Id, "A", displayOrder: 0);
        var b = await AddComponentAsync(page.Id, "B", displayOrder: 1);

        var returnedAfterReorder = await Store.ReorderComponentsAsync(page.Id, [b.Id, a.Id], null, None);
        var afterReorder = (await Store.GetPageAsync(page.Id, None))!.Version;
        var returnedAfterSameOrder = await Store.ReorderComponentsAsync(page.Id, [b.Id, a.Id], null, None);

        Assert.Equal((2L, 2L), (afterReorder, (await Store.GetPageAsync(page.Id, None))!.Version));
        Assert.Equal((2L, 2L), (returnedAfterReorder, returnedAfterSameOrder));
        await Assert.ThrowsAsync<StatusKitConcurrencyException>(() => Store.UpdatePageAsync(page with { Name = "Stale" }, None));
    }

    [Fact]
    public async Task ReorderComponents_AtAStaleExpectedPageVersion_ThrowsConcurrency_AndChangesNothing()
    {
        var page = await AddPageAsync();
        var a = await AddComponentAsync(page.Id, "A", displayOrder: 0);
        var b = await AddComponentAsync(page.Id, "B", displayOrder: 1);
        await Store.ReorderComponentsAsync(page.Id, [b.Id, a.Id], 1, None);

        await Assert.ThrowsAsync<StatusKitConcurrencyException>(() => Store.ReorderComponentsAsync(page.Id, [a.Id, b.Id], 1, None));

        var components = await Store.ListComponentsAsync(page.Id, None);
        Assert.Equal([b.Id, a.Id], components.Select(c => c.Id));
        Assert.Equal([2L, 2L], components.Select(c => c.Version));
        Assert.Equal(2, (await Store.GetPageAsync(page.Id, None))!.Version);
    }

    [Fact]
    public async Task ReorderComponents_AtTheExpectedPageVersion_EvenChangingNoOrder_Applies()
    {
        var page = await AddPageAsync();
        var a = await AddComponentAsync(page.Id, "A", displayOrder: 0);
        var b = await AddComponentAsync(page.Id, "B", displayOrder: 1);

        var unchanged = await Store.ReorderComponentsAsync(page.Id, [a.Id, b.Id], 1, None);
        var changed = await Store.ReorderComponentsAsync(page.Id, [b.Id, a.Id], 1, None);

        Assert.Equal([b.Id, a.Id], (await Store.ListComponentsAsync(page.Id, None)).Select(c => c.Id));
        Assert.Equal(2, (await Store.GetPageAsync(page.Id, None))!.Version);
        Assert.Equal((1L, 2L), (unchanged, changed));
    }

    [Fact]
    public async Task ReorderComponents_ReturnsThePagesVersionAsItLeftIt_NotAsALaterEditMovedIt()
    {
        var page = await AddPageAsync();
        var a = await AddComponentAsync(page.Id, "A", displayOrder: 0);
        var b = await AddComponentAsync(page.Id, "B", displayOrder: 1);
        var edited = await Store.UpdatePageAsync(page with { Name = "Renamed" }, None);

        var reordered = await Store.ReorderComponentsAsync(page.Id, [b.Id, a.Id], null, None);
        await Store.UpdatePageAsync((await Store.GetPageAsync(page.Id, None))! with { Name = "Renamed again" }, None);

        Assert.Equal((2L, 3L, 4L), (edited.Version, reordered, (await Store.GetPageAsync(page.Id, None))!.Version));
    }

    [Fact]
    public async Task CommitStatus_DoesNotMoveTheComponentsVersion_SoAnEditReadBeforeTheRecomputeStillApplies()
    {
        var page = await AddPageAsync();
        var component = await AddComponentAsync(page.Id);

        await CommitAsync(component, ComponentStatus.Operational, ComponentStatus.MajorOutage, TestData.At(5));

        var updated = await Store.UpdateComponentAsync(component with { Name = "Renamed" }, None);
        Assert.Equal(2, updated.Version);
        Assert.Equal(ComponentStatus.MajorOutage, updated.Status);
    }

    [Fact]
    public async Task TouchPage_DoesNotMoveThePagesVersion_SoAnEditReadBeforeItStillApplies()
    {
        var page = await AddPageAsync();

        await Store.TouchPageAsync(page.Id, TestData.At(30), None);

        Assert.Equal(1, (await Store.GetPageAsync(page.Id, None))!.Version);
        Assert.Equal(2, (await Store.UpdatePageAsync(page with { Name = "Renamed" }, None)).Version);
    }

    [Fact]
    public async Task DeleteComponent_ThenAnIncidentUpdateComputedBeforeIt_IsStale_AndCannotWriteTheIdBack()
    {
        var page = await AddPageAsync();
        var doomed = await AddComponentAsync(page.Id, "Doomed");
        var kept = await AddComponentAsync(page.Id, "Kept");
        var incident = TestData.Incident(page.Id) with { ComponentIds = [doomed.Id, kept.Id] };
        await Store.AddStatusIncidentAsync(incident, [], None);
        var staleRetitle = incident with { Title = "Computed before the delete" };

        Assert.True(await Store.DeleteComponentAsync(doomed.Id, null, None));

        await Assert.ThrowsAsync<StatusKitConcurrencyException>(() => Store.UpdateStatusIncidentAsync(staleRetitle, None));
        Assert.Equal([kept.Id], (await Store.GetStatusIncidentAsync(incident.Id, None))!.ComponentIds);
    }

    [Fact]
    public async Task DeleteComponent_ThenASubscriberUpdateComputedBeforeIt_IsStale_AndCannotWriteTheIdBack()
    {
        var page = await AddPageAsync();
        var doomed = await AddComponentAsync(page.Id, "Doomed");
        var kept = await AddComponentAsync(page.Id, "Kept");
        var subscriber = TestData.Subscriber(page.Id) with { ComponentIds = [doomed.Id, kept.Id] };
        await Store.AddSubscriberAsync(subscriber, [], None);
        var staleVerify = subscriber with { IsVerified = true, VerifyTokenHash = null };

        Assert.True(await Store.DeleteComponentAsync(doomed.Id, null, None));

        await Assert.ThrowsAsync<StatusKitConcurrencyException>(() => Store.UpdateSubscriberAsync(staleVerify, [], None));
        Assert.Equal([kept.Id], (await Store.GetSubscriberAsync(subscriber.Id, None))!.ComponentIds);
    }

    [Fact]
    public async Task DeleteComponent_LeavesTheVersionsOfRecordsThatDidNotNameIt()
    {
        var page = await AddPageAsync();
        var doomed = await AddComponentAsync(page.Id, "Doomed");
        var kept = await AddComponentAsync(page.Id, "Kept");
        var incident = TestData.Incident(page.Id) with { ComponentIds = [kept.Id] };
        await Store.AddStatusIncidentAsync(incident, [], None);
        var subscriber = TestData.Subscriber(page.Id) with { ComponentIds = [kept.Id] };
        await Store.AddSubscriberAsync(subscriber, [], None);

        Assert.True(await Store.DeleteComponentAsync(doomed.Id, null, None));

        Assert.Equal(1, (await Store.GetStatusIncidentAsync(incident.Id, None))!.Version);
        Assert.Equal(1, (await Store.GetSubscriberAsync(subscriber.Id, None))!.Version);
        Assert.Equal(1, (await Store.GetComponentAsync(kept.Id, None))!.Version);
    }
}
