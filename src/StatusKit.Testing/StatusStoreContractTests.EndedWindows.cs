using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Status;

// The facts are public for xunit, not for callers; each fact's name is its specification, so facts carry no XML doc.
#pragma warning disable CS1591
namespace StatusKit.Testing;

/// <summary>
/// When a window switched its components into or out of Under Maintenance (<see cref="MaintenanceWindow.StatusSwitchedAt"/>)
/// is stored with it, and the recompute's inputs carry the windows that ended while a component in scope was Under
/// Maintenance (<see cref="StatusInputs.EndedWindows"/>), so any recompute can tell that a window's notice told its
/// components' return.
/// </summary>
public abstract partial class StatusStoreContractTests
{
    [Fact]
    public async Task MaintenanceWindow_StatusSwitchedAt_IsStoredByTheAddAndTheCompareAndSet()
    {
        var page = await AddPageAsync();
        var added = await Store.AddMaintenanceWindowAsync(TestData.Window(page.Id) with { StatusSwitchedAt = TestData.At(61) }, [], None);

        var switched = await Store.TryUpdateMaintenanceWindowAsync(added with { StatusSwitchedAt = TestData.At(121) }, [], None);
        var afterSwitch = await Store.GetMaintenanceWindowAsync(added.Id, None);
        var cleared = await Store.TryUpdateMaintenanceWindowAsync(switched! with { StatusSwitchedAt = null }, [], None);
        var afterClear = await Store.GetMaintenanceWindowAsync(added.Id, None);

        Assert.Equal(TestData.At(61), added.StatusSwitchedAt);
        Assert.Equal(TestData.At(121), afterSwitch!.StatusSwitchedAt);
        Assert.NotNull(cleared);
        Assert.Null(afterClear!.StatusSwitchedAt);
    }

    [Fact]
    public async Task LoadStatusInputs_AComponentUnderMaintenance_ReturnsTheWindowsOfItsPagesThatEndedSinceItChanged()
    {
        var page = await AddPageAsync();
        var other = await AddPageAsync();
        var api = await AddComponentAsync(page.Id);
        var web = await AddComponentAsync(page.Id);
        await CommitAsync(api, ComponentStatus.Operational, ComponentStatus.UnderMaintenance, TestData.At(60));
        await CommitAsync(web, ComponentStatus.Operational, ComponentStatus.UnderMaintenance, TestData.At(90));
        async Task<MaintenanceWindow> AddAsync(Guid pageId, MaintenanceState state, double? switchedAt) =>
            await Store.AddMaintenanceWindowAsync(
                TestData.Window(pageId, [api.Id], state) with { StatusSwitchedAt = switchedAt is { } m ? TestData.At(m) : null }, [], None);
        var completed = await AddAsync(page.Id, MaintenanceState.Completed, 120);
        var sinceTheEarliest = await AddAsync(page.Id, MaintenanceState.Scheduled, 60);
        var cancelled = await AddAsync(page.Id, MaintenanceState.Cancelled, 75);
        await AddAsync(page.Id, MaintenanceState.Completed, 59); // before either component changed
        await AddAsync(page.Id, MaintenanceState.Scheduled, null); // never switched
        var inProgress = await AddAsync(page.Id, MaintenanceState.InProgress, 120); // not ended
        await AddAsync(other.Id, MaintenanceState.Completed, 120); // another page

        var inputs = await Store.LoadStatusInputsAsync(StatusScope.ForPage(page.Id), None);

        StoreAssert.SameIds([completed.Id, sinceTheEarliest.Id, cancelled.Id], inputs.EndedWindows.Select(w => w.Id));
        StoreAssert.Same(completed, inputs.EndedWindows.Single(w => w.Id == completed.Id));
        Assert.Equal([inProgress.Id], inputs.InProgressWindows.Select(w => w.Id));
    }

    [Fact]
    public async Task LoadStatusInputs_NoComponentInScopeUnderMaintenance_ReturnsNoEndedWindows()
    {
        var page = await AddPageAsync();
        var api = await AddComponentAsync(page.Id);
        var web = await AddComponentAsync(page.Id);
        await CommitAsync(api, ComponentStatus.Operational, ComponentStatus.MajorOutage, TestData.At(60));
        await CommitAsync(web, ComponentStatus.Operational, ComponentStatus.UnderMaintenance, TestData.At(60));
        await Store.AddMaintenanceWindowAsync(TestData.Window(page.Id, [api.Id], MaintenanceState.Completed) with { StatusSwitchedAt = TestData.At(120) }, [], None);

        var ofApi = await Store.LoadStatusInputsAsync(StatusScope.ForComponents([api.Id]), None);
        var ofWeb = await Store.LoadStatusInputsAsync(StatusScope.ForComponents([web.Id]), None);

        Assert.Empty(ofApi.EndedWindows);
        Assert.Single(ofWeb.EndedWindows);
    }
}
