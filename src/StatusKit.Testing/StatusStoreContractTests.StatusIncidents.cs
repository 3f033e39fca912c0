using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Notifications;

// The facts are public for xunit, not for callers; each fact's name is its specification, so facts carry no XML doc.
#pragma warning disable CS1591
namespace StatusKit.Testing;

public abstract partial class StatusStoreContractTests
{
    [Fact]
    public async Task AddStatusIncident_ThenGet_ReturnsEveryFieldWithTheTimeline()
    {
        var page = await AddPageAsync();
        var incident = TestData.Incident(page.Id);

        await Store.AddStatusIncidentAsync(incident, [], None);

        StoreAssert.Same(incident, await Store.GetStatusIncidentAsync(incident.Id, None));
    }

    [Fact]
    public async Task AddStatusIncident_ResolvedWithNullableFieldsNull_RoundTrips()
    {
        var page = await AddPageAsync();
        var incident = TestData.Incident(page.Id, state: StatusIncidentState.Resolved) with
        {
            PlatformIncidentId = null,
            ComponentIds = [],
        };

        await Store.AddStatusIncidentAsync(incident, [], None);

        StoreAssert.Same(incident, await Store.GetStatusIncidentAsync(incident.Id, None));
    }

    [Fact]
    public async Task AddStatusIncident_ResolvedWithItsWholePastTimelineAndAPostmortem_RoundTrips()
    {
        // An incident imported from Statuspage: added resolved, with several updates told to nobody and its postmortem.
        var page = await AddPageAsync();
        var started = TestData.At(0).AddDays(-400);
        var incident = TestData.Incident(page.Id, started, StatusIncidentState.Resolved) with
        {
            PlatformIncidentId = "statuspage:p1wz6c0hmd3f",
            Updates =
            [
                new StatusIncidentUpdate(Guid.NewGuid(), started, StatusIncidentState.Investigating, "Looking.") { NotifySubscribers = false },
                new StatusIncidentUpdate(Guid.NewGuid(), started.AddMinutes(10), StatusIncidentState.Identified, "Found it.") { NotifySubscribers = false },
                new StatusIncidentUpdate(Guid.NewGuid(), started.AddMinutes(30), StatusIncidentState.Monitoring, "Watching.") { NotifySubscribers = false },
                new StatusIncidentUpdate(Guid.NewGuid(), started.AddMinutes(50), StatusIncidentState.Resolved, "Fixed.") { NotifySubscribers = false },
            ],
            ResolvedAt = started.AddMinutes(50),
            UpdatedAt = TestData.At(90),
            Postmortem = "What happened.\n\nWhat we changed.",
            PostmortemPublishedAt = started.AddDays(2),
        };

        await Store.AddStatusIncidentAsync(incident, [], None);

        StoreAssert.Same(incident, await Store.GetStatusIncidentAsync(incident.Id, None));
        Assert.Empty(await Store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id }, None));
    }

    [Fact]
    public async Task AddStatusIncident_IdTaken_ThrowsConflict_AndKeepsTheStoredOne()
    {
        var page = await AddPageAsync();
        var incident = TestData.Incident(page.Id, state: StatusIncidentState.Resolved);
        await Store.AddStatusIncidentAsync(incident, [], None);

        await Assert.ThrowsAsync<StatusKitConflictException>(() => Store.AddStatusIncidentAsync(incident with { Title = "Another" }, [], None));

        StoreAssert.Same(incident, await Store.GetStatusIncidentAsync(incident.Id, None));
    }

    [Fact]
    public async Task AddStatusIncident_MissingPage_ThrowsNotFound_AndEnqueuesNothing()
    {
        var incident = TestData.Incident(Guid.NewGuid());

        await Assert.ThrowsAsync<StatusKitNotFoundException>(
            () => Store.AddStatusIncidentAsync(incident, [TestData.Notification(incident.PageId)], None));

        Assert.Null(await Store.GetStatusIncidentAsync(incident.Id, None));
        Assert.Empty(await Store.ListNotificationsAsync(new NotificationQuery { PageId = incident.PageId }, None));
    }

    [Fact]
    public async Task AddStatusIncident_WithNotifications_StoresThemWithTheIncident()
    {
        var page = await AddPageAsync();
        var incident = TestData.Incident(page.Id);
        var notice = TestData.Notification(page.Id, subject: "New incident");

        await Store.AddStatusIncidentAsync(incident, [notice, notice with { Id = Guid.NewGuid() }], None);

        StoreAssert.Same(incident, await Store.GetStatusIncidentAsync(incident.Id, None));
        var stored = Assert.Single(await Store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id }, None));
        Assert.Equal((notice.Id, "New incident"), (stored.Id, stored.Content.Subject));
    }

    [Fact]
    public async Task AppendStatusIncidentUpdate_WithNotifications_StoresThemWithTheUpdate()
    {
        var page = await AddPageAsync();
        var incident = TestData.Incident(page.Id);
        await Store.AddStatusIncidentAsync(incident, [], None);
        var update = new StatusIncidentUpdate(Guid.NewGuid(), TestData.At(20), StatusIncidentState.Resolved, "Fixed.");
        var notice = TestData.Notification(page.Id, subject: "Resolved");

        var stored = await Store.AppendStatusIncidentUpdateAsync(incident.Id, update, [notice], None);

        Assert.Equal(StatusIncidentState.Resolved, stored.State);
        Assert.Equal(notice.Id, Assert.Single(await Store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id }, None)).Id);
    }

    [Fact]
    public async Task GetStatusIncident_Missing_ReturnsNull()
    {
        Assert.Null(await Store.GetStatusIncidentAsync(Guid.NewGuid(), None));
    }

    [Fact]
    public async Task UpdateStatusIncident_ReplacesDescriptiveFields_AndKeepsTimelineStateAndResolution()
    {
        var page = await AddPageAsync();
        var incident = TestData.Incident(page.Id);
        await Store.AddStatusIncidentAsync(incident, [], None);
        var changed = incident with
        {
            Title = "API errors (EU only)",
            Message = "Only EU customers are affected.",
            Severity = StatusIncidentSeverity.Critical,
            ComponentIds = [Guid.NewGuid()],
            PlatformIncidentId = null,
            UpdatedAt = TestData.At(30),
            State = StatusIncidentState.Resolved,
            ResolvedAt = TestData.At(30),
            Updates = [],
        };

        var returned = await Store.UpdateStatusIncidentAsync(changed, None);

        var expected = changed with { State = incident.State, ResolvedAt = incident.ResolvedAt, Updates = incident.Updates, Version = 2 };
        StoreAssert.Same(expected, returned);
        StoreAssert.Same(expected, await Store.GetStatusIncidentAsync(incident.Id, None));
    }

    [Fact]
    public async Task UpdateStatusIncident_Missing_ThrowsNotFound()
    {
        var page = await AddPageAsync();

        await Assert.ThrowsAsync<StatusKitNotFoundException>(
            () => Store.UpdateStatusIncidentAsync(TestData.Incident(page.Id), None));
    }

    [Fact]
    public async Task AppendStatusIncidentUpdate_AddsToTheEndWithoutRewritingEarlierUpdates_AndMovesTheState()
    {
        var page = await AddPageAsync();
        var incident = TestData.Incident(page.Id);
        await Store.AddStatusIncidentAsync(incident, [], None);
        var update = new StatusIncidentUpdate(Guid.NewGuid(), TestData.At(20), StatusIncidentState.Monitoring, "A fix is deployed.");

        var returned = await Store.AppendStatusIncidentUpdateAsync(incident.Id, update, [], None);

        var expected = incident with
        {
            Updates = [.. incident.Updates, update],
            State = StatusIncidentState.Monitoring,
            UpdatedAt = update.At,
            ResolvedAt = null,
            Version = 2,
        };
        StoreAssert.Same(expected, returned);
        StoreAssert.Same(expected, await Store.GetStatusIncidentAsync(incident.Id, None));
    }

    [Fact]
    public async Task StatusIncidentUpdates_KeepWhetherSubscribersWereToBeNotified_WhenAddedAndWhenAppended()
    {
        var page = await AddPageAsync();
        var incident = TestData.Incident(page.Id);
        incident = incident with { Updates = [incident.Updates[0] with { NotifySubscribers = false }, incident.Updates[1]] };
        await Store.AddStatusIncidentAsync(incident, [], None);
        var silent = new StatusIncidentUpdate(Guid.NewGuid(), TestData.At(20), StatusIncidentState.Monitoring, "Watching.") { NotifySubscribers = false };
        var told = new StatusIncidentUpdate(Guid.NewGuid(), TestData.At(30), StatusIncidentState.Resolved, "Fixed.");

        await Store.AppendStatusIncidentUpdateAsync(incident.Id, silent, [], None);
        var returned = await Store.AppendStatusIncidentUpdateAsync(incident.Id, told, [], None);

        Assert.Equal([false, true, false, true], returned.Updates.Select(u => u.NotifySubscribers));
        Assert.Equal([false, true, false, true], (await Store.GetStatusIncidentAsync(incident.Id, None))!.Updates.Select(u => u.NotifySubscribers));
        Assert.Equal(
            [false, true, false, true],
            (await Store.ListStatusIncidentsAsync(page.Id, new StatusIncidentQuery(), None)).Single().Updates.Select(u => u.NotifySubscribers));
    }

    [Fact]
    public async Task AppendStatusIncidentUpdate_Resolved_SetsResolvedAt_AndReopeningClearsIt()
    {
        var page = await AddPageAsync();
        var incident = TestData.Incident(page.Id);
        await Store.AddStatusIncidentAsync(incident, [], None);

        var resolved = await Store.AppendStatusIncidentUpdateAsync(
            incident.Id,
            new StatusIncidentUpdate(Guid.NewGuid(), TestData.At(30), StatusIncidentState.Resolved, "Resolved."),
            [],
            None);
        var reopened = await Store.AppendStatusIncidentUpdateAsync(
            incident.Id,
            new StatusIncidentUpdate(Guid.NewGuid(), TestData.At(40), StatusIncidentState.Investigating, "Errors are back."),
            [],
            None);

        Assert.Equal(StatusIncidentState.Resolved, resolved.State);
        StoreAssert.SameInstant(TestData.At(30), resolved.ResolvedAt);
        Assert.Equal(StatusIncidentState.Investigating, reopened.State);
        Assert.Null(reopened.ResolvedAt);
        StoreAssert.SameInstant(TestData.At(40), reopened.UpdatedAt);
        Assert.Equal(
            [.. incident.Updates.Select(u => u.Message), "Resolved.", "Errors are back."],
            (await Store.GetStatusIncidentAsync(incident.Id, None))!.Updates.Select(u => u.Message));
    }

    [Fact]
    public async Task AppendStatusIncidentUpdate_MissingIncident_ThrowsNotFound_AndEnqueuesNothing()
    {
        var update = new StatusIncidentUpdate(Guid.NewGuid(), TestData.At(1), StatusIncidentState.Identified, "x");

        var page = await AddPageAsync();

        await Assert.ThrowsAsync<StatusKitNotFoundException>(
            () => Store.AppendStatusIncidentUpdateAsync(Guid.NewGuid(), update, [TestData.Notification(page.Id)], None));

        Assert.Empty(await Store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id }, None));
    }

    [Fact]
    public async Task ListStatusIncidents_ReturnsThePagesIncidentsNewestFirst()
    {
        var page = await AddPageAsync();
        var other = await AddPageAsync();
        var oldest = await AddIncidentAsync(page.Id, TestData.At(0));
        var newest = await AddIncidentAsync(page.Id, TestData.At(60));
        var middle = await AddIncidentAsync(page.Id, TestData.At(30));
        await AddIncidentAsync(other.Id, TestData.At(45));

        var listed = await Store.ListStatusIncidentsAsync(page.Id, new StatusIncidentQuery(), None);

        Assert.Equal([newest.Id, middle.Id, oldest.Id], listed.Select(i => i.Id));
        StoreAssert.Same(newest, listed[0]);
    }

    [Fact]
    public async Task ListStatusIncidents_FiltersByStateUnresolvedAndCreatedSince()
    {
        var page = await AddPageAsync();
        var resolvedOld = await AddIncidentAsync(page.Id, TestData.At(0), StatusIncidentState.Resolved);
        var monitoring = await AddIncidentAsync(page.Id, TestData.At(10), StatusIncidentState.Monitoring);
        var identified = await AddIncidentAsync(page.Id, TestData.At(20), StatusIncidentState.Identified);
        var resolvedNew = await AddIncidentAsync(page.Id, TestData.At(30), StatusIncidentState.Resolved);

        async Task<IEnumerable<Guid>> Ids(StatusIncidentQuery query) =>
            (await Store.ListStatusIncidentsAsync(page.Id, query, None)).Select(i => i.Id);

        Assert.Equal([monitoring.Id], await Ids(new StatusIncidentQuery { State = StatusIncidentState.Monitoring }));
        Assert.Equal([identified.Id, monitoring.Id], await Ids(new StatusIncidentQuery { Unresolved = true }));
        Assert.Equal([resolvedNew.Id, resolvedOld.Id], await Ids(new StatusIncidentQuery { Unresolved = false }));
        Assert.Equal([resolvedNew.Id, identified.Id], await Ids(new StatusIncidentQuery { CreatedSince = TestData.At(20) }));
        Assert.Equal([identified.Id], await Ids(new StatusIncidentQuery { CreatedSince = TestData.At(20), Unresolved = true }));
    }

    [Fact]
    public async Task AddStatusIncident_BackfilledLongBeforeItWasRecorded_KeepsItsPastTimes_AndIsListedByThem()
    {
        var page = await AddPageAsync();
        var recent = await AddIncidentAsync(page.Id, TestData.At(60), StatusIncidentState.Resolved);
        var started = DateTimeOffset.UnixEpoch;
        var resolved = started.AddHours(1);
        var backfill = TestData.Incident(page.Id, started, StatusIncidentState.Resolved) with
        {
            Updates = [new StatusIncidentUpdate(Guid.NewGuid(), resolved, StatusIncidentState.Resolved, "Over.")],
            ResolvedAt = resolved,
            UpdatedAt = TestData.At(90),
        };

        await Store.AddStatusIncidentAsync(backfill, [], None);

        StoreAssert.Same(backfill, await Store.GetStatusIncidentAsync(backfill.Id, None));
        Assert.Equal([recent.Id, backfill.Id], (await Store.ListStatusIncidentsAsync(page.Id, new StatusIncidentQuery(), None)).Select(i => i.Id));
        Assert.Equal([recent.Id], (await Store.ListStatusIncidentsAsync(page.Id, new StatusIncidentQuery { CreatedSince = started.AddMilliseconds(1) }, None)).Select(i => i.Id));
    }

    [Fact]
    public async Task ListStatusIncidents_NotResolvedBefore_KeepsTheUnresolved_AndThoseResolvedAtOrAfterIt_WhenEverCreated()
    {
        var page = await AddPageAsync();
        var resolvedBefore = await AddIncidentAsync(page.Id, TestData.At(0), StatusIncidentState.Resolved);      // resolved at 5
        var resolvedAt = await AddIncidentAsync(page.Id, TestData.At(5), StatusIncidentState.Resolved);          // resolved at 10
        var longOpen = await AddIncidentAsync(page.Id, TestData.At(1), StatusIncidentState.Monitoring);
        var longResolved = TestData.Incident(page.Id, TestData.At(2), StatusIncidentState.Resolved) with { ResolvedAt = TestData.At(40) };
        await Store.AddStatusIncidentAsync(longResolved, [], None);
        var newer = await AddIncidentAsync(page.Id, TestData.At(30), StatusIncidentState.Resolved);

        async Task<IEnumerable<Guid>> Ids(StatusIncidentQuery query) =>
            (await Store.ListStatusIncidentsAsync(page.Id, query, None)).Select(i => i.Id);

        Assert.Equal([newer.Id, resolvedAt.Id, longResolved.Id, longOpen.Id], await Ids(new StatusIncidentQuery { NotResolvedBefore = TestData.At(10) }));
        Assert.Equal([newer.Id, longResolved.Id, longOpen.Id], await Ids(new StatusIncidentQuery { NotResolvedBefore = TestData.At(10).AddMilliseconds(1) }));
        Assert.Equal([resolvedAt.Id, longResolved.Id], await Ids(new StatusIncidentQuery { NotResolvedBefore = TestData.At(10), Skip = 1, Take = 2 }));
        Assert.Equal([newer.Id], await Ids(new StatusIncidentQuery { NotResolvedBefore = TestData.At(10), CreatedSince = TestData.At(30) }));
        Assert.Equal([longOpen.Id], await Ids(new StatusIncidentQuery { NotResolvedBefore = TestData.At(41) }));
        Assert.Contains(resolvedBefore.Id, await Ids(new StatusIncidentQuery()));
    }

    [Fact]
    public async Task ListStatusIncidents_SkipAndTake_PageThroughNewestFirst()
    {
        var page = await AddPageAsync();
        var ids = new List<Guid>();
        for (var minute = 0; minute < 5; minute++)
        {
            ids.Add((await AddIncidentAsync(page.Id, TestData.At(minute))).Id);
        }

        ids.Reverse();
        var firstPage = await Store.ListStatusIncidentsAsync(page.Id, new StatusIncidentQuery { Take = 2 }, None);
        var secondPage = await Store.ListStatusIncidentsAsync(page.Id, new StatusIncidentQuery { Skip = 2, Take = 2 }, None);
        var lastPage = await Store.ListStatusIncidentsAsync(page.Id, new StatusIncidentQuery { Skip = 4, Take = 2 }, None);

        Assert.Equal(ids[..2], firstPage.Select(i => i.Id));
        Assert.Equal(ids[2..4], secondPage.Select(i => i.Id));
        Assert.Equal(ids[4..], lastPage.Select(i => i.Id));
    }

    [Fact]
    public async Task ListStatusIncidents_TakeBelowOneOrNegativeSkip_ThrowsArgumentOutOfRange()
    {
        var page = await AddPageAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => Store.ListStatusIncidentsAsync(page.Id, new StatusIncidentQuery { Take = 0 }, None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => Store.ListStatusIncidentsAsync(page.Id, new StatusIncidentQuery { Skip = -1 }, None));
    }

    [Fact]
    public async Task DeleteStatusIncident_RemovesIt_AndReportsWhetherItExisted()
    {
        var page = await AddPageAsync();
        var incident = await AddIncidentAsync(page.Id, TestData.At(0));

        Assert.True(await Store.DeleteStatusIncidentAsync(incident.Id, null, None));
        Assert.False(await Store.DeleteStatusIncidentAsync(incident.Id, null, None));
        Assert.Null(await Store.GetStatusIncidentAsync(incident.Id, None));
    }

    private async Task<StatusIncident> AddIncidentAsync(
        Guid pageId,
        DateTimeOffset createdAt,
        StatusIncidentState state = StatusIncidentState.Identified)
    {
        var incident = TestData.Incident(pageId, createdAt, state);
        await Store.AddStatusIncidentAsync(incident, [], None);
        return incident;
    }
}
