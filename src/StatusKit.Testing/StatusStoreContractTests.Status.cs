using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Status;

// The facts are public for xunit, not for callers; each fact's name is its specification, so facts carry no XML doc.
#pragma warning disable CS1591
namespace StatusKit.Testing;

public abstract partial class StatusStoreContractTests
{
    [Fact]
    public async Task LoadStatusInputs_ForTeam_ReturnsTeamComponentsTheirPagesAndOpenSignalsOfTheTeam()
    {
        var pageA = await AddPageAsync();
        var pageB = await AddPageAsync();
        var unrelatedPage = await AddPageAsync();
        var api = await AddComponentAsync(pageA.Id, teamId: "team-a");
        var web = await AddComponentAsync(pageB.Id, teamId: "team-a");
        await AddComponentAsync(pageA.Id, teamId: "team-b");
        await AddComponentAsync(pageA.Id, teamId: "TEAM-A");
        await AddComponentAsync(unrelatedPage.Id, teamId: null);
        var triggered = TestData.Signal(state: PlatformIncidentState.Triggered);
        var acknowledged = TestData.Signal(state: PlatformIncidentState.Acknowledged);
        await Store.ApplySignalAsync(triggered, None);
        await Store.ApplySignalAsync(acknowledged, None);
        await Store.ApplySignalAsync(TestData.Signal(state: PlatformIncidentState.Resolved), None);
        await Store.ApplySignalAsync(TestData.Signal(state: PlatformIncidentState.Closed), None);
        await Store.ApplySignalAsync(TestData.Signal(teamId: "team-b"), None);

        var inputs = await Store.LoadStatusInputsAsync(StatusScope.ForTeam("team-a"), None);

        StoreAssert.SameIds([api.Id, web.Id], inputs.Components.Select(c => c.Id));
        Assert.Contains(api, inputs.Components);
        StoreAssert.SameIds([pageA.Id, pageB.Id], inputs.Pages.Select(p => p.Id));
        Assert.Equal(
            new[] { triggered.IncidentId, acknowledged.IncidentId }.Order(StringComparer.Ordinal),
            inputs.OpenSignals.Select(s => s.IncidentId).Order(StringComparer.Ordinal));
        Assert.Contains(triggered, inputs.OpenSignals);
    }

    [Fact]
    public async Task LoadStatusInputs_ForPage_ReturnsInProgressWindowsUnresolvedIncidentsAndDeliverableSubscribersOfThePage()
    {
        var page = await AddPageAsync();
        var other = await AddPageAsync();
        var api = await AddComponentAsync(page.Id);
        await AddComponentAsync(other.Id);
        var running = await Store.AddMaintenanceWindowAsync(TestData.Window(page.Id, [api.Id], MaintenanceState.InProgress), [], None);
        await Store.AddMaintenanceWindowAsync(TestData.Window(page.Id, [api.Id], MaintenanceState.Scheduled), [], None);
        await Store.AddMaintenanceWindowAsync(TestData.Window(page.Id, [api.Id], MaintenanceState.Completed), [], None);
        await Store.AddMaintenanceWindowAsync(TestData.Window(other.Id, [], MaintenanceState.InProgress), [], None);
        var open = TestData.Incident(page.Id, state: StatusIncidentState.Monitoring);
        await Store.AddStatusIncidentAsync(open, [], None);
        await Store.AddStatusIncidentAsync(TestData.Incident(page.Id, state: StatusIncidentState.Resolved), [], None);
        await Store.AddStatusIncidentAsync(TestData.Incident(other.Id), [], None);
        var deliverable = TestData.Subscriber(page.Id);
        await Store.AddSubscriberAsync(deliverable, [], None);
        await Store.AddSubscriberAsync(TestData.Subscriber(page.Id) with { IsVerified = false }, [], None);
        await Store.AddSubscriberAsync(TestData.Subscriber(page.Id) with { IsActive = false }, [], None);
        await Store.AddSubscriberAsync(TestData.Subscriber(other.Id), [], None);

        var inputs = await Store.LoadStatusInputsAsync(StatusScope.ForPage(page.Id), None);

        Assert.Equal([api.Id], inputs.Components.Select(c => c.Id));
        Assert.Equal([page.Id], inputs.Pages.Select(p => p.Id));
        Assert.Equal([running.Id], inputs.InProgressWindows.Select(w => w.Id));
        StoreAssert.Same(running, inputs.InProgressWindows[0]);
        Assert.Equal([open.Id], inputs.UnresolvedIncidents.Select(i => i.Id));
        StoreAssert.Same(open, inputs.UnresolvedIncidents[0]);
        Assert.Equal([deliverable.Id], inputs.Subscribers.Select(s => s.Id));
    }

    [Fact]
    public async Task LoadStatusInputs_ForComponents_ReturnsOnlyThoseComponents()
    {
        var page = await AddPageAsync();
        var api = await AddComponentAsync(page.Id);
        await AddComponentAsync(page.Id);
        var other = await AddPageAsync();
        var web = await AddComponentAsync(other.Id, teamId: "team-c");

        var inputs = await Store.LoadStatusInputsAsync(StatusScope.ForComponents([api.Id, web.Id, Guid.NewGuid()]), None);

        StoreAssert.SameIds([api.Id, web.Id], inputs.Components.Select(c => c.Id));
        StoreAssert.SameIds([page.Id, other.Id], inputs.Pages.Select(p => p.Id));
    }

    [Fact]
    public async Task LoadStatusInputs_All_ReturnsEveryComponentOfEveryPage()
    {
        var first = await AddPageAsync();
        var second = await AddPageAsync();
        var a = await AddComponentAsync(first.Id);
        var b = await AddComponentAsync(second.Id, teamId: null);

        var inputs = await Store.LoadStatusInputsAsync(StatusScope.All, None);

        StoreAssert.SameIds([a.Id, b.Id], inputs.Components.Select(c => c.Id));
        StoreAssert.SameIds([first.Id, second.Id], inputs.Pages.Select(p => p.Id));
        Assert.Empty(inputs.OpenSignals);
    }

    [Fact]
    public async Task CommitStatus_MatchingOldStatus_SetsStatusAppendsHistoryAndEnqueuesNotifications()
    {
        var page = await AddPageAsync();
        var api = await AddComponentAsync(page.Id);
        var web = await AddComponentAsync(page.Id, status: ComponentStatus.DegradedPerformance);
        var at = TestData.At(10);
        var notification = TestData.Notification(page.Id);
        var commit = new StatusCommit(
            [
                Change(api, ComponentStatus.Operational, ComponentStatus.MajorOutage, at),
                Change(web, ComponentStatus.DegradedPerformance, ComponentStatus.Operational, at),
            ],
            [notification]);

        Assert.True(await Store.CommitStatusAsync(commit, None));

        var storedApi = await Store.GetComponentAsync(api.Id, None);
        Assert.Equal(ComponentStatus.MajorOutage, storedApi?.Status);
        StoreAssert.SameInstant(at, storedApi?.StatusUpdatedAt);
        Assert.Equal(api with { Status = ComponentStatus.MajorOutage, StatusUpdatedAt = at }, storedApi);
        Assert.Equal(ComponentStatus.Operational, (await Store.GetComponentAsync(web.Id, None))?.Status);
        var history = await Store.ListStatusHistoryAsync(page.Id, TestData.At(0), None);
        Assert.Equal(2, history.Count);
        var apiEntry = Assert.Single(history, h => h.ComponentId == api.Id);
        Assert.Equal((page.Id, ComponentStatus.Operational, ComponentStatus.MajorOutage, "incident inc-1"),
            (apiEntry.PageId, apiEntry.OldStatus, apiEntry.NewStatus, apiEntry.Cause));
        StoreAssert.SameInstant(at, apiEntry.At);
        Assert.Equal(notification, await Store.GetNotificationAsync(notification.Id, None));
    }

    [Fact]
    public async Task CommitStatus_HistoryIds_AreVersion7GuidsStampedWithTheChangeTime()
    {
        var page = await AddPageAsync();
        var api = await AddComponentAsync(page.Id);
        var at = TestData.At(17.5);

        await CommitAsync(api, ComponentStatus.Operational, ComponentStatus.PartialOutage, at);

        var entry = Assert.Single(await Store.ListStatusHistoryAsync(page.Id, TestData.At(0), None));
        Assert.Equal(7, entry.Id.Version);
        var milliseconds = Convert.ToInt64(entry.Id.ToString("N")[..12], 16);
        Assert.Equal(at.ToUnixTimeMilliseconds(), milliseconds);
    }

    [Fact]
    public async Task CommitStatus_StaleOldStatus_ReturnsFalse_AndWritesNoStatusNoHistoryNoNotification()
    {
        var page = await AddPageAsync();
        var api = await AddComponentAsync(page.Id);
        var web = await AddComponentAsync(page.Id, status: ComponentStatus.PartialOutage);
        var notification = TestData.Notification(page.Id);
        var commit = new StatusCommit(
            [
                Change(api, ComponentStatus.Operational, ComponentStatus.MajorOutage, TestData.At(10)),
                Change(web, ComponentStatus.Operational, ComponentStatus.MajorOutage, TestData.At(10)),
            ],
            [notification]);

        Assert.False(await Store.CommitStatusAsync(commit, None));

        Assert.Equal(api, await Store.GetComponentAsync(api.Id, None));
        Assert.Equal(web, await Store.GetComponentAsync(web.Id, None));
        Assert.Empty(await Store.ListStatusHistoryAsync(page.Id, TestData.At(-60), None));
        Assert.Null(await Store.GetNotificationAsync(notification.Id, None));
        Assert.Empty(await Store.ListNotificationsAsync(new NotificationQuery(), None));
    }

    [Fact]
    public async Task CommitStatus_SecondCommitFromTheSameOldStatus_ReturnsFalse()
    {
        var page = await AddPageAsync();
        var api = await AddComponentAsync(page.Id);
        await CommitAsync(api, ComponentStatus.Operational, ComponentStatus.MajorOutage, TestData.At(10));

        var lost = await Store.CommitStatusAsync(
            new StatusCommit([Change(api, ComponentStatus.Operational, ComponentStatus.PartialOutage, TestData.At(11))], []),
            None);

        Assert.False(lost);
        Assert.Equal(ComponentStatus.MajorOutage, (await Store.GetComponentAsync(api.Id, None))?.Status);
        Assert.Single(await Store.ListStatusHistoryAsync(page.Id, TestData.At(0), None));
    }

    [Fact]
    public async Task CommitStatus_DeletedComponent_ReturnsFalse_AndWritesNothing()
    {
        var page = await AddPageAsync();
        var api = await AddComponentAsync(page.Id);
        var gone = await AddComponentAsync(page.Id);
        await Store.DeleteComponentAsync(gone.Id, null, None);
        var notification = TestData.Notification(page.Id);

        var committed = await Store.CommitStatusAsync(
            new StatusCommit(
                [
                    Change(api, ComponentStatus.Operational, ComponentStatus.MajorOutage, TestData.At(10)),
                    Change(gone, ComponentStatus.Operational, ComponentStatus.MajorOutage, TestData.At(10)),
                ],
                [notification]),
            None);

        Assert.False(committed);
        Assert.Equal(api, await Store.GetComponentAsync(api.Id, None));
        Assert.Empty(await Store.ListStatusHistoryAsync(page.Id, TestData.At(0), None));
        Assert.Null(await Store.GetNotificationAsync(notification.Id, None));
    }

    [Fact]
    public async Task CommitStatus_Empty_ReturnsTrue_AndWritesNothing()
    {
        var page = await AddPageAsync();
        var api = await AddComponentAsync(page.Id);

        Assert.True(await Store.CommitStatusAsync(new StatusCommit([], []), None));

        Assert.Equal(api, await Store.GetComponentAsync(api.Id, None));
        Assert.Empty(await Store.ListStatusHistoryAsync(page.Id, TestData.At(-60), None));
        Assert.Empty(await Store.ListNotificationsAsync(new NotificationQuery(), None));
    }

    [Fact]
    public async Task CommitStatus_Notifications_FollowTheEnqueueRules()
    {
        var page = await AddPageAsync();
        var api = await AddComponentAsync(page.Id);
        var existing = await EnqueueAsync(TestData.Notification(page.Id, coalesceKey: "sub-1:api", notAfter: TestData.At(8)));
        var repeat = TestData.Notification(page.Id) with { DeduplicationKey = existing.DeduplicationKey };
        var coalesced = TestData.Notification(page.Id, coalesceKey: "sub-1:api", dueAt: TestData.At(12), subject: "latest");

        Assert.True(await Store.CommitStatusAsync(
            new StatusCommit([Change(api, ComponentStatus.Operational, ComponentStatus.MajorOutage, TestData.At(10))], [repeat, coalesced]),
            None));

        var rows = await Store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id }, None);
        var row = Assert.Single(rows);
        Assert.Equal(existing.Id, row.Id);
        Assert.Equal("latest", row.Content.Subject);
        StoreAssert.SameInstant(TestData.At(8), row.DueAt);
    }

    [Fact]
    public async Task ListStatusHistory_ReturnsEntriesSinceAndTheLatestEarlierEntryPerComponent_OrderedByTime()
    {
        var page = await AddPageAsync();
        var other = await AddPageAsync();
        var api = await AddComponentAsync(page.Id);
        var web = await AddComponentAsync(page.Id);
        var quiet = await AddComponentAsync(page.Id);
        var elsewhere = await AddComponentAsync(other.Id);
        await CommitAsync(api, ComponentStatus.Operational, ComponentStatus.DegradedPerformance, TestData.At(1));
        await CommitAsync(api, ComponentStatus.DegradedPerformance, ComponentStatus.MajorOutage, TestData.At(2));
        await CommitAsync(web, ComponentStatus.Operational, ComponentStatus.PartialOutage, TestData.At(3));
        await CommitAsync(api, ComponentStatus.MajorOutage, ComponentStatus.Operational, TestData.At(20));
        await CommitAsync(web, ComponentStatus.PartialOutage, ComponentStatus.Operational, TestData.At(15));
        await CommitAsync(elsewhere, ComponentStatus.Operational, ComponentStatus.MajorOutage, TestData.At(12));

        var history = await Store.ListStatusHistoryAsync(page.Id, TestData.At(10), None);

        Assert.Equal(
            [
                (api.Id, TestData.At(2).UtcTicks),
                (web.Id, TestData.At(3).UtcTicks),
                (web.Id, TestData.At(15).UtcTicks),
                (api.Id, TestData.At(20).UtcTicks),
            ],
            history.Select(h => (h.ComponentId, h.At.UtcTicks)));
        Assert.DoesNotContain(history, h => h.ComponentId == quiet.Id);
    }

    [Fact]
    public async Task ListStatusHistory_EntryExactlyAtSince_IsIncluded_AndOlderOnesOfThatComponentAreNot()
    {
        var page = await AddPageAsync();
        var api = await AddComponentAsync(page.Id);
        await CommitAsync(api, ComponentStatus.Operational, ComponentStatus.DegradedPerformance, TestData.At(1));
        await CommitAsync(api, ComponentStatus.DegradedPerformance, ComponentStatus.PartialOutage, TestData.At(2));
        await CommitAsync(api, ComponentStatus.PartialOutage, ComponentStatus.MajorOutage, TestData.At(10));

        var history = await Store.ListStatusHistoryAsync(page.Id, TestData.At(10), None);

        Assert.Equal(
            [TestData.At(2).UtcTicks, TestData.At(10).UtcTicks],
            history.Select(h => h.At.UtcTicks));
    }

    [Fact]
    public async Task ListStatusHistory_LatestEarlierEntry_OfAQuietComponentAndAfterTwoChangesInOneCommit()
    {
        var page = await AddPageAsync();
        var api = await AddComponentAsync(page.Id);
        var web = await AddComponentAsync(page.Id);
        await CommitAsync(web, ComponentStatus.Operational, ComponentStatus.DegradedPerformance, TestData.At(1));
        await CommitAsync(web, ComponentStatus.DegradedPerformance, ComponentStatus.PartialOutage, TestData.At(2));
        Assert.True(await Store.CommitStatusAsync(
            new StatusCommit(
                [
                    Change(api, ComponentStatus.Operational, ComponentStatus.DegradedPerformance, TestData.At(3)),
                    Change(api, ComponentStatus.DegradedPerformance, ComponentStatus.MajorOutage, TestData.At(4)),
                ],
                []),
            None));
        await CommitAsync(api, ComponentStatus.MajorOutage, ComponentStatus.Operational, TestData.At(8));

        var sinceSix = await Store.ListStatusHistoryAsync(page.Id, TestData.At(6), None);
        var betweenTheTwo = await Store.ListStatusHistoryAsync(page.Id, TestData.At(3.5), None);
        var afterAll = await Store.ListStatusHistoryAsync(page.Id, TestData.At(9), None);

        Assert.Equal(
            [(web.Id, TestData.At(2).UtcTicks), (api.Id, TestData.At(4).UtcTicks), (api.Id, TestData.At(8).UtcTicks)],
            sinceSix.Select(h => (h.ComponentId, h.At.UtcTicks)));
        Assert.Equal(
            [(web.Id, TestData.At(2).UtcTicks), (api.Id, TestData.At(3).UtcTicks), (api.Id, TestData.At(4).UtcTicks), (api.Id, TestData.At(8).UtcTicks)],
            betweenTheTwo.Select(h => (h.ComponentId, h.At.UtcTicks)));
        Assert.Equal(
            [(web.Id, ComponentStatus.PartialOutage), (api.Id, ComponentStatus.Operational)],
            afterAll.Select(h => (h.ComponentId, h.NewStatus)));
    }

    [Fact]
    public async Task ListStatusHistory_TwoChangesOfOneComponentInOneCommitAtTheSameInstant_AreInCommitOrder()
    {
        // Each component goes A→B→C in one commit, both changes stamped with the same instant: the history lists them
        // in that order, and from a later time the entry before it is the last one (the status is C, not B).
        // Sixteen components, so that an order left to chance fails all but once in 65,536 runs.
        var page = await AddPageAsync();
        var components = new List<Component>();
        var changes = new List<ComponentStatusChange>();
        for (var i = 0; i < 16; i++)
        {
            var component = await AddComponentAsync(page.Id);
            components.Add(component);
            changes.Add(Change(component, ComponentStatus.Operational, ComponentStatus.DegradedPerformance, TestData.At(5)));
            changes.Add(Change(component, ComponentStatus.DegradedPerformance, ComponentStatus.MajorOutage, TestData.At(5)));
        }

        Assert.True(await Store.CommitStatusAsync(new StatusCommit(changes, []), None));
        var sinceThen = await Store.ListStatusHistoryAsync(page.Id, TestData.At(5), None);
        var later = await Store.ListStatusHistoryAsync(page.Id, TestData.At(6), None);

        foreach (var component in components)
        {
            Assert.Equal(
                [ComponentStatus.DegradedPerformance, ComponentStatus.MajorOutage],
                sinceThen.Where(h => h.ComponentId == component.Id).Select(h => h.NewStatus));
            Assert.Equal([ComponentStatus.MajorOutage], later.Where(h => h.ComponentId == component.Id).Select(h => h.NewStatus));
        }
    }
}
