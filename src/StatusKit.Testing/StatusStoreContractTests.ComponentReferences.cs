using StatusKit.Model;

// The facts are public for xunit, not for callers; each fact's name is its specification, so facts carry no XML doc.
#pragma warning disable CS1591
namespace StatusKit.Testing;

/// <summary>What deleting a component does to the records that name it: no record keeps a deleted component's id.</summary>
public abstract partial class StatusStoreContractTests
{
    [Fact]
    public async Task DeleteComponent_RemovesItsIdFromThePagesStatusIncidents_AndKeepsTheIncidents()
    {
        var page = await AddPageAsync();
        var doomed = await AddComponentAsync(page.Id, "Doomed");
        var kept = await AddComponentAsync(page.Id, "Kept");
        var both = TestData.Incident(page.Id) with { ComponentIds = [doomed.Id, kept.Id] };
        var onlyDoomed = TestData.Incident(page.Id, state: StatusIncidentState.Resolved) with { ComponentIds = [doomed.Id] };
        var onlyKept = TestData.Incident(page.Id) with { ComponentIds = [kept.Id] };
        foreach (var incident in new[] { both, onlyDoomed, onlyKept })
        {
            await Store.AddStatusIncidentAsync(incident, [], None);
        }

        Assert.True(await Store.DeleteComponentAsync(doomed.Id, null, None));

        // Each changed incident moves to its next version, so an update computed before cannot write the id back.
        StoreAssert.Same(both with { ComponentIds = [kept.Id], Version = 2 }, await Store.GetStatusIncidentAsync(both.Id, None));
        StoreAssert.Same(onlyDoomed with { ComponentIds = [], Version = 2 }, await Store.GetStatusIncidentAsync(onlyDoomed.Id, None));
        StoreAssert.Same(onlyKept, await Store.GetStatusIncidentAsync(onlyKept.Id, None));
    }

    [Fact]
    public async Task DeleteComponent_RemovesItsIdFromThePagesMaintenanceWindows_AndCountsThatAsAChangeOfTheWindow()
    {
        var page = await AddPageAsync();
        var doomed = await AddComponentAsync(page.Id, "Doomed");
        var kept = await AddComponentAsync(page.Id, "Kept");
        var both = await Store.AddMaintenanceWindowAsync(TestData.Window(page.Id, [kept.Id, doomed.Id]), [], None);
        var onlyDoomed = await Store.AddMaintenanceWindowAsync(TestData.Window(page.Id, [doomed.Id], MaintenanceState.InProgress), [], None);
        var onlyKept = await Store.AddMaintenanceWindowAsync(TestData.Window(page.Id, [kept.Id]), [], None);

        Assert.True(await Store.DeleteComponentAsync(doomed.Id, null, None));

        // The version moves on, so a transition computed from the window as it was (with the deleted id) loses its
        // compare-and-set instead of writing the id back.
        StoreAssert.Same(both with { ComponentIds = [kept.Id], Version = both.Version + 1 }, await Store.GetMaintenanceWindowAsync(both.Id, None));
        StoreAssert.Same(onlyDoomed with { ComponentIds = [], Version = onlyDoomed.Version + 1 }, await Store.GetMaintenanceWindowAsync(onlyDoomed.Id, None));
        StoreAssert.Same(onlyKept, await Store.GetMaintenanceWindowAsync(onlyKept.Id, None));
    }

    [Fact]
    public async Task DeleteComponent_ThenATransitionComputedBeforeIt_LosesItsCompareAndSet_AndCannotWriteTheIdBack()
    {
        var page = await AddPageAsync();
        var doomed = await AddComponentAsync(page.Id, "Doomed");
        var kept = await AddComponentAsync(page.Id, "Kept");
        var window = await Store.AddMaintenanceWindowAsync(TestData.Window(page.Id, [kept.Id, doomed.Id]), [], None);
        var staleStart = window with { State = MaintenanceState.InProgress };

        Assert.True(await Store.DeleteComponentAsync(doomed.Id, null, None));

        Assert.Null(await Store.TryUpdateMaintenanceWindowAsync(staleStart, [], None));
        Assert.Equal([kept.Id], (await Store.GetMaintenanceWindowAsync(window.Id, None))!.ComponentIds);
    }

    [Fact]
    public async Task DeleteComponent_RemovesItsIdFromSubscribersThatFollowOtherComponentsToo_WhoStayActive()
    {
        var page = await AddPageAsync();
        var doomed = await AddComponentAsync(page.Id, "Doomed");
        var kept = await AddComponentAsync(page.Id, "Kept");
        var subscriber = TestData.Subscriber(page.Id) with { ComponentIds = [doomed.Id, kept.Id] };
        await Store.AddSubscriberAsync(subscriber, [], None);

        Assert.True(await Store.DeleteComponentAsync(doomed.Id, null, None));

        StoreAssert.Same(subscriber with { ComponentIds = [kept.Id], Version = 2 }, await Store.GetSubscriberAsync(subscriber.Id, None));
    }

    [Fact]
    public async Task DeleteComponent_SubscriberThatFollowedOnlyIt_IsDeactivated_NotWidenedToEveryComponent()
    {
        var page = await AddPageAsync();
        var doomed = await AddComponentAsync(page.Id, "Doomed");
        await AddComponentAsync(page.Id, "Kept");
        var verified = TestData.Subscriber(page.Id) with { ComponentIds = [doomed.Id] };
        var unverified = TestData.Subscriber(page.Id) with { ComponentIds = [doomed.Id], IsVerified = false };
        var followsAll = TestData.Subscriber(page.Id) with { ComponentIds = [] };
        var stopped = TestData.Subscriber(page.Id) with { ComponentIds = [doomed.Id], IsActive = false, DeactivationReason = SubscriberDeactivationReason.Operator };
        foreach (var subscriber in new[] { verified, unverified, followsAll, stopped })
        {
            await Store.AddSubscriberAsync(subscriber, [], None);
        }

        Assert.True(await Store.DeleteComponentAsync(doomed.Id, null, None));

        // An empty list means "every component": left active, these two would start hearing about everything.
        // They say why they stopped, so no operator turns them back on to follow everything; one already stopped keeps its reason.
        var deleted = SubscriberDeactivationReason.ComponentsDeleted;
        StoreAssert.Same(verified with { ComponentIds = [], IsActive = false, DeactivationReason = deleted, Version = 2 }, await Store.GetSubscriberAsync(verified.Id, None));
        StoreAssert.Same(unverified with { ComponentIds = [], IsActive = false, DeactivationReason = deleted, Version = 2 }, await Store.GetSubscriberAsync(unverified.Id, None));
        StoreAssert.Same(followsAll, await Store.GetSubscriberAsync(followsAll.Id, None));
        StoreAssert.Same(stopped with { ComponentIds = [], Version = 2 }, await Store.GetSubscriberAsync(stopped.Id, None));
    }

    [Fact]
    public async Task DeleteComponent_LeavesRecordsOfOtherPagesAlone()
    {
        var page = await AddPageAsync();
        var other = await AddPageAsync();
        var doomed = await AddComponentAsync(page.Id, "Doomed");
        var otherComponent = await AddComponentAsync(other.Id, "Other");
        var incident = TestData.Incident(other.Id) with { ComponentIds = [otherComponent.Id] };
        await Store.AddStatusIncidentAsync(incident, [], None);
        var window = await Store.AddMaintenanceWindowAsync(TestData.Window(other.Id, [otherComponent.Id]), [], None);
        var subscriber = TestData.Subscriber(other.Id) with { ComponentIds = [otherComponent.Id] };
        await Store.AddSubscriberAsync(subscriber, [], None);

        Assert.True(await Store.DeleteComponentAsync(doomed.Id, null, None));

        StoreAssert.Same(incident, await Store.GetStatusIncidentAsync(incident.Id, None));
        StoreAssert.Same(window, await Store.GetMaintenanceWindowAsync(window.Id, None));
        StoreAssert.Same(subscriber, await Store.GetSubscriberAsync(subscriber.Id, None));
    }
}
