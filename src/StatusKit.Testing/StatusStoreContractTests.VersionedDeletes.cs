using StatusKit.Model;
using StatusKit.Status;

// The facts are public for xunit, not for callers; each fact's name is its specification, so facts carry no XML doc.
#pragma warning disable CS1591
namespace StatusKit.Testing;

/// <summary>
/// Deletes with an expected version: a page, component, status incident, subscriber or maintenance window is deleted
/// only at that version, in the delete itself, so a change that lands after the caller read the record is never lost.
/// </summary>
public abstract partial class StatusStoreContractTests
{
    /// <summary>One record of each versioned kind, added at version 1, and how to edit, find and delete it.</summary>
    private sealed record Deletable(
        string Kind,
        Func<Task> EditAsync,
        Func<Task<bool>> ExistsAsync,
        Func<long?, Task<bool>> DeleteAsync);

    private async Task<IReadOnlyList<Deletable>> AddOneOfEachAsync()
    {
        var page = await AddPageAsync();
        var component = await AddComponentAsync(page.Id, "API");
        var incident = TestData.Incident(page.Id);
        await Store.AddStatusIncidentAsync(incident, [], None);
        var subscriber = TestData.Subscriber(page.Id);
        await Store.AddSubscriberAsync(subscriber, [], None);
        var window = await Store.AddMaintenanceWindowAsync(TestData.Window(page.Id), [], None);

        // The page comes last: deleting it deletes the others.
        return
        [
            new("component",
                () => Store.UpdateComponentAsync(component with { Name = "Edited" }, None),
                async () => await Store.GetComponentAsync(component.Id, None) is not null,
                v => Store.DeleteComponentAsync(component.Id, v, None)),
            new("incident",
                () => Store.UpdateStatusIncidentAsync(incident with { Title = "Edited" }, None),
                async () => await Store.GetStatusIncidentAsync(incident.Id, None) is not null,
                v => Store.DeleteStatusIncidentAsync(incident.Id, v, None)),
            new("subscriber",
                () => Store.UpdateSubscriberAsync(subscriber with { IsActive = false }, [], None),
                async () => await Store.GetSubscriberAsync(subscriber.Id, None) is not null,
                v => Store.DeleteSubscriberAsync(subscriber.Id, v, None)),
            new("window",
                () => Store.TryUpdateMaintenanceWindowAsync(window with { Title = "Edited" }, [], None),
                async () => await Store.GetMaintenanceWindowAsync(window.Id, None) is not null,
                v => Store.DeleteMaintenanceWindowAsync(window.Id, v, [], None)),
            new("page",
                () => Store.UpdatePageAsync(page with { Name = "Edited" }, None),
                async () => await Store.GetPageAsync(page.Id, None) is not null,
                v => Store.DeletePageAsync(page.Id, v, None)),
        ];
    }

    [Fact]
    public async Task Delete_AtAnExpectedVersionSomeoneMovedOn_ThrowsConcurrency_AndDeletesNothing()
    {
        var records = await AddOneOfEachAsync();
        foreach (var record in records)
        {
            await record.EditAsync();
        }

        foreach (var record in records)
        {
            await Assert.ThrowsAsync<StatusKitConcurrencyException>(() => record.DeleteAsync(1));
            Assert.True(await record.ExistsAsync(), record.Kind);
        }
    }

    [Fact]
    public async Task Delete_AtTheStoredVersion_Deletes()
    {
        var records = await AddOneOfEachAsync();

        foreach (var record in records)
        {
            Assert.True(await record.DeleteAsync(1), record.Kind);
            Assert.False(await record.ExistsAsync(), record.Kind);
        }
    }

    [Fact]
    public async Task Delete_OfAMissingRecord_WithAnExpectedVersion_ReturnsFalse()
    {
        var records = await AddOneOfEachAsync();
        foreach (var record in records)
        {
            Assert.True(await record.DeleteAsync(null), record.Kind);
        }

        foreach (var record in records)
        {
            Assert.False(await record.DeleteAsync(1), record.Kind);
        }
    }

    [Fact]
    public async Task DeleteComponent_AtAStaleExpectedVersion_LeavesItsHistoryAndTheRecordsThatNameIt()
    {
        var page = await AddPageAsync();
        var component = await AddComponentAsync(page.Id, "API");
        await CommitAsync(component, ComponentStatus.Operational, ComponentStatus.MajorOutage, TestData.At(5));
        var incident = TestData.Incident(page.Id) with { ComponentIds = [component.Id] };
        await Store.AddStatusIncidentAsync(incident, [], None);
        await Store.UpdateComponentAsync(component with { Name = "Renamed" }, None);

        await Assert.ThrowsAsync<StatusKitConcurrencyException>(() => Store.DeleteComponentAsync(component.Id, 1, None));

        var stored = (await Store.GetStatusIncidentAsync(incident.Id, None))!;
        Assert.Equal([component.Id], stored.ComponentIds);
        Assert.Equal(1, stored.Version);
        Assert.NotEmpty(await Store.ListStatusHistoryAsync(page.Id, TestData.At(0), None));
    }
}
