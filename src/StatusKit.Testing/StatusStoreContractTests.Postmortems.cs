using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Notifications;

// The facts are public for xunit, not for callers; each fact's name is its specification, so facts carry no XML doc.
#pragma warning disable CS1591
namespace StatusKit.Testing;

public abstract partial class StatusStoreContractTests
{
    [Fact]
    public async Task UpdateStatusIncident_WithAPostmortem_StoresItsTextAndTime_AndMovesTheVersion()
    {
        var page = await AddPageAsync();
        var incident = TestData.Incident(page.Id, state: StatusIncidentState.Resolved);
        await Store.AddStatusIncidentAsync(incident, [], None);
        var published = incident with
        {
            Postmortem = "What happened.\n\nWhat we changed: <b>ü</b> & more.",
            PostmortemPublishedAt = TestData.At(90),
            UpdatedAt = TestData.At(90),
        };

        var returned = await Store.UpdateStatusIncidentAsync(published, None);

        var expected = published with { Version = 2 };
        StoreAssert.Same(expected, returned);
        StoreAssert.Same(expected, await Store.GetStatusIncidentAsync(incident.Id, None));
        StoreAssert.Same(expected, (await Store.ListStatusIncidentsAsync(page.Id, new StatusIncidentQuery(), None)).Single(i => i.Id == incident.Id));
    }

    [Fact]
    public async Task UpdateStatusIncident_WithNotifications_StoresThemWithTheChange()
    {
        var page = await AddPageAsync();
        var incident = TestData.Incident(page.Id, state: StatusIncidentState.Resolved);
        await Store.AddStatusIncidentAsync(incident, [], None);
        var published = incident with { Postmortem = "What happened.", PostmortemPublishedAt = TestData.At(90), UpdatedAt = TestData.At(90) };
        var notice = TestData.Notification(page.Id, subject: "Postmortem");

        var returned = await Store.UpdateStatusIncidentAsync(published, [notice], None);

        StoreAssert.Same(published with { Version = 2 }, returned);
        var stored = Assert.Single(await Store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id }, None));
        Assert.Equal((notice.Id, "Postmortem"), (stored.Id, stored.Content.Subject));
    }

    [Fact]
    public async Task UpdateStatusIncident_WithNotifications_AtAStaleVersionOrMissing_EnqueuesNothing()
    {
        var page = await AddPageAsync();
        var incident = TestData.Incident(page.Id, state: StatusIncidentState.Resolved);
        await Store.AddStatusIncidentAsync(incident, [], None);
        await Store.UpdateStatusIncidentAsync(incident with { Title = "Moved on" }, None);

        await Assert.ThrowsAsync<StatusKitConcurrencyException>(
            () => Store.UpdateStatusIncidentAsync(incident with { Postmortem = "Stale." }, [TestData.Notification(page.Id)], None));
        await Assert.ThrowsAsync<StatusKitNotFoundException>(
            () => Store.UpdateStatusIncidentAsync(TestData.Incident(page.Id), [TestData.Notification(page.Id)], None));

        Assert.Empty(await Store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id }, None));
        Assert.Null((await Store.GetStatusIncidentAsync(incident.Id, None))!.Postmortem);
    }

    [Fact]
    public async Task UpdateStatusIncident_WithoutThePostmortem_ClearsItsTextAndTime()
    {
        var page = await AddPageAsync();
        var incident = TestData.Incident(page.Id, state: StatusIncidentState.Resolved) with
        {
            Postmortem = "What happened.",
            PostmortemPublishedAt = TestData.At(90),
        };
        await Store.AddStatusIncidentAsync(incident, [], None);
        StoreAssert.Same(incident with { Version = 1 }, await Store.GetStatusIncidentAsync(incident.Id, None));

        var returned = await Store.UpdateStatusIncidentAsync(incident with { Postmortem = null, PostmortemPublishedAt = null, UpdatedAt = TestData.At(95) }, None);

        Assert.Null(returned.Postmortem);
        Assert.Null(returned.PostmortemPublishedAt);
        var stored = await Store.GetStatusIncidentAsync(incident.Id, None);
        Assert.Equal((null, null, 2L), (stored!.Postmortem, stored.PostmortemPublishedAt, stored.Version));
    }

    [Fact]
    public async Task AppendStatusIncidentUpdate_KeepsThePostmortem()
    {
        var page = await AddPageAsync();
        var incident = TestData.Incident(page.Id, state: StatusIncidentState.Resolved) with
        {
            Postmortem = "What happened.",
            PostmortemPublishedAt = TestData.At(90),
        };
        await Store.AddStatusIncidentAsync(incident, [], None);

        var appended = await Store.AppendStatusIncidentUpdateAsync(
            incident.Id, new StatusIncidentUpdate(Guid.NewGuid(), TestData.At(100), StatusIncidentState.Investigating, "It is back."), [], None);

        Assert.Equal(("What happened.", TestData.At(90)), (appended.Postmortem, appended.PostmortemPublishedAt));
        var stored = await Store.GetStatusIncidentAsync(incident.Id, None);
        Assert.Equal(("What happened.", TestData.At(90)), (stored!.Postmortem, stored.PostmortemPublishedAt));
    }
}
