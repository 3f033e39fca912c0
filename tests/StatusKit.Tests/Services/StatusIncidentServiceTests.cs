using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Services;
using StatusKit.Status;
using StatusKit.TestSupport;
using static StatusKit.Tests.Services.ServiceAssert;

namespace StatusKit.Tests.Services;

public sealed class StatusIncidentServiceTests
{
    [Fact]
    public async Task Create_StartsInvestigating_WithTheMessageAsTheFirstUpdate()
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));

        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident
        {
            PageId = page.Id, Title = " Slow API ", Message = "Looking into it", Severity = StatusIncidentSeverity.Major,
            ComponentIds = [c[0].Id], PlatformIncidentId = "INC-9",
        });

        Assert.Equal(StatusIncidentState.Investigating, incident.State);
        Assert.Equal("Slow API", incident.Title);
        Assert.Equal("INC-9", incident.PlatformIncidentId);
        var update = Assert.Single(incident.Updates);
        Assert.Equal((StatusIncidentState.Investigating, "Looking into it", kit.Clock.GetUtcNow()), (update.State, update.Message, update.At));
        Assert.Null(incident.ResolvedAt);
        Assert.Equal(incident.Id, (await kit.Incidents.GetAsync(incident.Id))!.Id);
    }

    [Theory]
    [InlineData(StatusIncidentState.Identified)]
    [InlineData(StatusIncidentState.Monitoring)]
    public async Task Create_InAnotherState_StartsThere_WithTheFirstUpdateInIt_AndMovesTheComponents(StatusIncidentState state)
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));

        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident
        {
            PageId = page.Id, Title = "Slow API", Message = "A bad deploy; rolling back", Severity = StatusIncidentSeverity.Major,
            ComponentIds = [c[0].Id], State = state,
        });

        Assert.Equal(state, incident.State);
        Assert.Equal((state, "A bad deploy; rolling back"), (Assert.Single(incident.Updates).State, incident.Updates[0].Message));
        Assert.Null(incident.ResolvedAt);
        Assert.Equal(state, (await kit.Incidents.GetAsync(incident.Id))!.State);
        Assert.Equal(ComponentStatus.PartialOutage, (await kit.Components.GetAsync(c[0].Id))!.Status);
    }

    [Fact]
    public async Task Create_Resolved_RecordsAPastProblem_WithItsResolutionTime_AndImpliesNoComponentStatus()
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));

        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident
        {
            PageId = page.Id, Title = "Login errors last night", Message = "Between 02:00 and 02:20 logins failed.", Severity = StatusIncidentSeverity.Critical,
            ComponentIds = [c[0].Id], State = StatusIncidentState.Resolved,
        });

        Assert.Equal((StatusIncidentState.Resolved, kit.Clock.GetUtcNow()), (incident.State, incident.ResolvedAt));
        Assert.Equal(StatusIncidentState.Resolved, Assert.Single(incident.Updates).State);
        var stored = (await kit.Incidents.GetAsync(incident.Id))!;
        Assert.Equal((StatusIncidentState.Resolved, kit.Clock.GetUtcNow()), (stored.State, stored.ResolvedAt));
        Assert.Equal(ComponentStatus.Operational, (await kit.Components.GetAsync(c[0].Id))!.Status);
        Assert.Empty((await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None))!.UnresolvedIncidents);
    }

    [Fact]
    public async Task Create_Resolved_TellsOnlyTheSubscribersOfResolutions_ThatANewIncidentIsAlreadyResolved()
    {
        await using var kit = Kit();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var outage = await SubscribeAsync(kit, page.Id, "outage@example.com", [], NotificationEvents.Outage);
        var resolved = await SubscribeAsync(kit, page.Id, "resolved@example.com", [], NotificationEvents.Resolved);

        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident
        {
            PageId = page.Id, Title = "Login errors", Message = "Fixed at 02:20.", Severity = StatusIncidentSeverity.Critical,
            ComponentIds = [c[0].Id], State = StatusIncidentState.Resolved,
        });

        var notice = Assert.Single(await OutboxAsync(kit, page.Id), n => n.Content.StatusIncidentId == incident.Id);
        Assert.Equal(resolved.Id, notice.SubscriberId);
        Assert.NotEqual(outage.Id, notice.SubscriberId);
        Assert.Equal(NotificationKind.StatusIncidentCreated, notice.Content.Kind);
        Assert.Equal("[Acme] Resolved incident: Login errors", notice.Content.Subject);
        Assert.Equal("Fixed at 02:20.\n\nAffected components: API", notice.Content.Body);
    }

    [Fact]
    public async Task Create_Identified_IsANewIncidentToItsSeveritysSubscribers()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var outage = await SubscribeAsync(kit, page.Id, "outage@example.com", [], NotificationEvents.Outage);

        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident
        {
            PageId = page.Id, Title = "API down", Message = "A bad deploy.", Severity = StatusIncidentSeverity.Critical, State = StatusIncidentState.Identified,
        });

        var notice = Assert.Single(await OutboxAsync(kit, page.Id), n => n.Content.StatusIncidentId == incident.Id);
        Assert.Equal((outage.Id, "[Acme] New incident: API down"), (notice.SubscriberId, notice.Content.Subject));
    }

    [Theory]
    [InlineData(StatusIncidentSeverity.Minor, ComponentStatus.DegradedPerformance)]
    [InlineData(StatusIncidentSeverity.Major, ComponentStatus.PartialOutage)]
    [InlineData(StatusIncidentSeverity.Critical, ComponentStatus.MajorOutage)]
    public async Task Create_MovesTheNamedComponentsToTheImpliedStatus_AndLeavesOthersAlone(StatusIncidentSeverity severity, ComponentStatus expected)
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null), ("Web", null, null));

        await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "t", Message = "m", Severity = severity, ComponentIds = [c[0].Id] });

        Assert.Equal(expected, (await kit.Components.GetAsync(c[0].Id))!.Status);
        Assert.Equal(ComponentStatus.Operational, (await kit.Components.GetAsync(c[1].Id))!.Status);
        Assert.Equal(expected, (await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None))!.Components[0].Status);
    }

    [Fact]
    public async Task Resolve_SetsResolvedAt_AndReturnsTheComponentsToOperational()
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "t", Message = "m", Severity = StatusIncidentSeverity.Critical, ComponentIds = [c[0].Id] });
        kit.Clock.Advance(TimeSpan.FromMinutes(30));

        var resolved = await kit.Incidents.ResolveAsync(incident.Id, "Fixed");

        Assert.Equal(StatusIncidentState.Resolved, resolved.State);
        Assert.Equal(kit.Clock.GetUtcNow(), resolved.ResolvedAt);
        Assert.Equal(["m", "Fixed"], resolved.Updates.Select(u => u.Message));
        Assert.Equal(ComponentStatus.Operational, (await kit.Components.GetAsync(c[0].Id))!.Status);
    }

    [Fact]
    public async Task AddUpdate_AppendsToTheTimeline_AndMovesTheState()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "t", Message = "m" });
        kit.Clock.Advance(TimeSpan.FromMinutes(5));

        var updated = await kit.Incidents.AddUpdateAsync(incident.Id, StatusIncidentState.Identified, "Found it");

        Assert.Equal(StatusIncidentState.Identified, updated.State);
        Assert.Equal([StatusIncidentState.Investigating, StatusIncidentState.Identified], updated.Updates.Select(u => u.State));
        Assert.Equal(kit.Clock.GetUtcNow(), updated.Updates[^1].At);
        Assert.Null(updated.ResolvedAt);
    }

    public static TheoryData<string, string, StatusIncidentSeverity, string?, string> InvalidCreates => new()
    {
        { "", "m", StatusIncidentSeverity.Minor, null, "title" },
        { new string('t', 201), "m", StatusIncidentSeverity.Minor, null, "title" },
        { "t", " ", StatusIncidentSeverity.Minor, null, "message" },
        { "t", new string('m', 20_001), StatusIncidentSeverity.Minor, null, "message" },
        { "t", "m", (StatusIncidentSeverity)9, null, "severity" },
        { "t", "m", StatusIncidentSeverity.Minor, new string('p', 201), "platformIncidentId" },
        { "t\0", "m", StatusIncidentSeverity.Minor, null, "title" },
        { "t", "Pasted\0 from a log", StatusIncidentSeverity.Minor, null, "message" },
    };

    [Theory]
    [MemberData(nameof(InvalidCreates))]
    public async Task Create_InvalidInput_NamesTheField_AndChangesNothing(string title, string message, StatusIncidentSeverity severity, string? platformId, string field)
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme", ("API", null, null));

        await InvalidAsync(kit, field, () => kit.Incidents.CreateAsync(new CreateStatusIncident
        {
            PageId = page.Id, Title = title, Message = message, Severity = severity, PlatformIncidentId = platformId,
        }));
    }

    [Fact]
    public async Task Create_ComponentsOfAnotherPageOrRepeated_AreRejectedOnComponentIds()
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var (_, other) = await kit.CreatePageAsync("Other", ("X", null, null));

        await InvalidAsync(kit, "componentIds", () => kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "t", Message = "m", ComponentIds = [other[0].Id] }));
        await InvalidAsync(kit, "componentIds", () => kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "t", Message = "m", ComponentIds = [c[0].Id, c[0].Id] }));
    }

    [Fact]
    public async Task Create_InAnUnknownState_IsRejectedOnState()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme", ("API", null, null));

        await InvalidAsync(kit, "state", () => kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "t", Message = "m", State = (StatusIncidentState)9 }));
    }

    [Fact]
    public async Task Create_UnknownPage_IsNotFoundOnPageId()
    {
        await using var kit = new StatusKitHarness();

        await RejectsAsync<StatusKitNotFoundException>(kit, "pageId", () => kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = Guid.NewGuid(), Title = "t", Message = "m" }));
    }

    [Fact]
    public async Task AddUpdate_InvalidInput_NamesTheField_AndChangesNothing()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "t", Message = "m" });

        await InvalidAsync(kit, "state", () => kit.Incidents.AddUpdateAsync(incident.Id, (StatusIncidentState)17, "x"));
        await InvalidAsync(kit, "message", () => kit.Incidents.AddUpdateAsync(incident.Id, StatusIncidentState.Monitoring, " "));
        await InvalidAsync(kit, "message", () => kit.Incidents.ResolveAsync(incident.Id, ""));
        await InvalidAsync(kit, "message", () => kit.Incidents.AddUpdateAsync(incident.Id, StatusIncidentState.Monitoring, "Fixed\0"));
        await RejectsAsync<StatusKitNotFoundException>(kit, "incidentId", () => kit.Incidents.AddUpdateAsync(Guid.NewGuid(), StatusIncidentState.Monitoring, "x"));
        await RejectsAsync<StatusKitNotFoundException>(kit, "incidentId", () => kit.Incidents.ResolveAsync(Guid.NewGuid(), "x"));
    }

    [Fact]
    public async Task Update_ChangesTheHeadlineSeverityAndComponents_AndRecomputesOldAndNewComponents()
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null), ("Web", null, null));
        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "t", Message = "m", ComponentIds = [c[0].Id] });

        var updated = await kit.Incidents.UpdateAsync(incident.Id, new UpdateStatusIncident { Title = "New", Severity = StatusIncidentSeverity.Critical, ComponentIds = [c[1].Id] });

        Assert.Equal(("New", StatusIncidentSeverity.Critical), (updated.Title, updated.Severity));
        Assert.Equal([c[1].Id], updated.ComponentIds);
        Assert.Single(updated.Updates);
        Assert.Equal(ComponentStatus.Operational, (await kit.Components.GetAsync(c[0].Id))!.Status);
        Assert.Equal(ComponentStatus.MajorOutage, (await kit.Components.GetAsync(c[1].Id))!.Status);
    }

    [Fact]
    public async Task Update_ThatChangesNothing_WritesNothing_KeepingTheVersionAndTheUpdateTime()
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident
        {
            PageId = page.Id, Title = "t", Message = "m", Severity = StatusIncidentSeverity.Major, ComponentIds = [c[0].Id], PlatformIncidentId = "INC-1",
        });
        kit.Clock.Advance(TimeSpan.FromMinutes(5));

        var empty = await kit.Incidents.UpdateAsync(incident.Id, new UpdateStatusIncident());
        var same = await kit.Incidents.UpdateAsync(incident.Id, new UpdateStatusIncident
        {
            Title = "t", Severity = StatusIncidentSeverity.Major, ComponentIds = [c[0].Id], PlatformIncidentId = "INC-1", ExpectedVersion = incident.Version,
        });

        Assert.Equal((incident.Version, incident.UpdatedAt), (empty.Version, empty.UpdatedAt));
        Assert.Equal((incident.Version, incident.UpdatedAt), (same.Version, same.UpdatedAt));
        Assert.Equal(incident.Version, (await kit.Incidents.GetAsync(incident.Id))!.Version);
    }

    [Fact]
    public async Task Update_InvalidInput_NamesTheField_AndChangesNothing()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var (_, other) = await kit.CreatePageAsync("Other", ("X", null, null));
        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "t", Message = "m" });

        await InvalidAsync(kit, "title", () => kit.Incidents.UpdateAsync(incident.Id, new UpdateStatusIncident { Title = "" }));
        await InvalidAsync(kit, "severity", () => kit.Incidents.UpdateAsync(incident.Id, new UpdateStatusIncident { Severity = (StatusIncidentSeverity)8 }));
        await InvalidAsync(kit, "componentIds", () => kit.Incidents.UpdateAsync(incident.Id, new UpdateStatusIncident { ComponentIds = [other[0].Id] }));
        await InvalidAsync(kit, "platformIncidentId", () => kit.Incidents.UpdateAsync(incident.Id, new UpdateStatusIncident { PlatformIncidentId = new string('p', 201) }));
        await RejectsAsync<StatusKitNotFoundException>(kit, "incidentId", () => kit.Incidents.UpdateAsync(Guid.NewGuid(), new UpdateStatusIncident { Title = "x" }));
    }

    [Fact]
    public async Task LinkPlatformIncident_SetsTheLink_AndABlankIdIsRejected()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "t", Message = "m" });

        var linked = await kit.Incidents.LinkPlatformIncidentAsync(incident.Id, " INC-42 ");

        Assert.Equal("INC-42", linked.PlatformIncidentId);
        Assert.Equal("INC-42", (await kit.Incidents.GetAsync(incident.Id))!.PlatformIncidentId);
        await InvalidAsync(kit, "platformIncidentId", () => kit.Incidents.LinkPlatformIncidentAsync(incident.Id, " "));
        await RejectsAsync<StatusKitNotFoundException>(kit, "incidentId", () => kit.Incidents.LinkPlatformIncidentAsync(Guid.NewGuid(), "INC-1"));
    }

    [Fact]
    public async Task List_IsNewestFirst_FiltersByState_AndPages()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = $"i{i}", Message = "m" })).Id);
            kit.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        await kit.Incidents.ResolveAsync(ids[1], "done");
        await kit.Incidents.ResolveAsync(ids[3], "done");

        Assert.Equal([ids[4], ids[3], ids[2], ids[1], ids[0]], (await kit.Incidents.ListAsync(page.Id)).Select(i => i.Id));
        Assert.Equal([ids[3], ids[1]], (await kit.Incidents.ListAsync(page.Id, StatusIncidentState.Resolved)).Select(i => i.Id));
        Assert.Equal([ids[4], ids[2], ids[0]], (await kit.Incidents.ListAsync(page.Id, StatusIncidentState.Investigating)).Select(i => i.Id));
        Assert.Equal([ids[3], ids[2]], (await kit.Incidents.ListAsync(page.Id, skip: 1, take: 2)).Select(i => i.Id));
        Assert.Empty(await kit.Incidents.ListAsync(page.Id, skip: 5));
    }

    [Fact]
    public async Task List_InvalidPaging_NamesTheField()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");

        await InvalidAsync(kit, "skip", () => kit.Incidents.ListAsync(page.Id, skip: -1));
        await InvalidAsync(kit, "take", () => kit.Incidents.ListAsync(page.Id, take: 0));
        await InvalidAsync(kit, "take", () => kit.Incidents.ListAsync(page.Id, take: 201));
        await InvalidAsync(kit, "state", () => kit.Incidents.ListAsync(page.Id, (StatusIncidentState)99));
    }

    [Fact]
    public async Task History_ReturnsTheIncidentsOfTheLastNDays_NewestFirst()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var old = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "old", Message = "m" });
        kit.Clock.Advance(TimeSpan.FromDays(10));
        var mid = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "mid", Message = "m" });
        kit.Clock.Advance(TimeSpan.FromDays(5));
        var recent = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "recent", Message = "m" });
        await kit.Incidents.ResolveAsync(recent.Id, "done");

        Assert.Equal([recent.Id, mid.Id], (await kit.Incidents.GetHistoryAsync(page.Id, days: 14)).Select(i => i.Id));
        Assert.Equal([recent.Id, mid.Id, old.Id], (await kit.Incidents.GetHistoryAsync(page.Id, days: 16)).Select(i => i.Id));
        Assert.Equal([recent.Id], (await kit.Incidents.GetHistoryAsync(page.Id, days: 1)).Select(i => i.Id));
        await InvalidAsync(kit, "days", () => kit.Incidents.GetHistoryAsync(page.Id, days: 0));
        await InvalidAsync(kit, "days", () => kit.Incidents.GetHistoryAsync(page.Id, days: 367));
    }

    [Fact]
    public async Task Delete_RemovesTheIncident_AndItsImpliedStatus()
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "t", Message = "m", ComponentIds = [c[0].Id] });

        Assert.True(await kit.Incidents.DeleteAsync(incident.Id));

        Assert.Null(await kit.Incidents.GetAsync(incident.Id));
        Assert.Equal(ComponentStatus.Operational, (await kit.Components.GetAsync(c[0].Id))!.Status);
        Assert.False(await kit.Incidents.DeleteAsync(incident.Id));
    }

    [Fact]
    public async Task Create_EnqueuesANotificationForEachVerifiedActiveSubscriberWhoseComponentsMeetTheIncident_AndNoOther()
    {
        await using var kit = Kit();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null), ("Web", null, null));
        var all = await SubscribeAsync(kit, page.Id, "all@example.com", []);
        var api = await SubscribeAsync(kit, page.Id, "api@example.com", [c[0].Id]);
        await SubscribeAsync(kit, page.Id, "web@example.com", [c[1].Id]);
        await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "unverified@example.com" });
        var gone = await SubscribeAsync(kit, page.Id, "gone@example.com", []);
        await kit.Subscribers.DeactivateAsync(gone.Id);

        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "Slow", Message = "m", ComponentIds = [c[0].Id] });

        var sent = (await OutboxAsync(kit, page.Id)).Where(n => n.Content.StatusIncidentId == incident.Id).ToList();
        Assert.Equal(new[] { all.Id, api.Id }.Order(), sent.Select(n => n.SubscriberId).Order());
        Assert.All(sent, n =>
        {
            Assert.Equal(NotificationKind.StatusIncidentCreated, n.Content.Kind);
            Assert.Equal(incident.Id, n.Content.StatusIncidentId);
            Assert.Contains("Slow", n.Content.Subject, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task UpdatesAndResolution_NotifyWithTheirKinds_AndNotifySubscribersFalseSendsNothing()
    {
        await using var kit = Kit();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        await SubscribeAsync(kit, page.Id, "all@example.com", []);
        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "t", Message = "m", ComponentIds = [c[0].Id], NotifySubscribers = false });
        var afterCreate = await IncidentNoticesAsync(kit, page.Id, incident.Id);

        await kit.Incidents.AddUpdateAsync(incident.Id, StatusIncidentState.Monitoring, "watching", notifySubscribers: false);
        var afterSilentUpdate = await IncidentNoticesAsync(kit, page.Id, incident.Id);
        kit.Clock.Advance(TimeSpan.FromMinutes(1));
        await kit.Incidents.AddUpdateAsync(incident.Id, StatusIncidentState.Identified, "found");
        kit.Clock.Advance(TimeSpan.FromMinutes(1)); // notifications of one instant have no order among them
        await kit.Incidents.ResolveAsync(incident.Id, "fixed");

        var kinds = (await OutboxAsync(kit, page.Id)).Where(n => n.Content.StatusIncidentId == incident.Id).Select(n => n.Content.Kind).ToList();
        Assert.Equal(0, afterCreate);
        Assert.Equal(0, afterSilentUpdate);
        Assert.Equal([NotificationKind.StatusIncidentUpdated, NotificationKind.StatusIncidentResolved], kinds);
    }

    [Theory]
    [InlineData(StatusIncidentState.Identified, "[Acme] New incident: API down", "[Acme] Monitoring: API down")]
    [InlineData(StatusIncidentState.Resolved, "[Acme] Resolved incident: API down", null)]
    public async Task The_first_update_subscribers_hear_of_an_incident_posted_quietly_announces_it_as_new(
        StatusIncidentState firstTold, string firstSubject, string? nextSubject)
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme", ("API", null, null));
        await SubscribeAsync(kit, page.Id, "all@example.com", []);
        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "API down", Message = "m", NotifySubscribers = false });
        kit.Clock.Advance(TimeSpan.FromMinutes(1));

        await kit.Incidents.AddUpdateAsync(incident.Id, firstTold, "told");
        kit.Clock.Advance(TimeSpan.FromMinutes(1));
        if (nextSubject is not null)
        {
            await kit.Incidents.AddUpdateAsync(incident.Id, StatusIncidentState.Monitoring, "watching");
        }

        var subjects = (await OutboxAsync(kit, page.Id)).Where(n => n.Content.StatusIncidentId == incident.Id).OrderBy(n => n.CreatedAt).Select(n => n.Content.Subject);
        Assert.Equal(nextSubject is null ? [firstSubject] : [firstSubject, nextSubject], subjects);
    }

    [Fact]
    public async Task EachUpdate_RecordsWhetherSubscribersWereToBeNotified()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "t", Message = "m", NotifySubscribers = false });
        kit.Clock.Advance(TimeSpan.FromMinutes(1));
        await kit.Incidents.AddUpdateAsync(incident.Id, StatusIncidentState.Identified, "found");
        kit.Clock.Advance(TimeSpan.FromMinutes(1));
        await kit.Incidents.AddUpdateAsync(incident.Id, StatusIncidentState.Monitoring, "watching", notifySubscribers: false);
        kit.Clock.Advance(TimeSpan.FromMinutes(1));

        var resolved = await kit.Incidents.ResolveAsync(incident.Id, "fixed");

        Assert.Equal([false, true, false, true], resolved.Updates.Select(u => u.NotifySubscribers));
        Assert.Equal([false, true, false, true], (await kit.Incidents.GetAsync(incident.Id))!.Updates.Select(u => u.NotifySubscribers));
    }

    [Fact]
    public async Task IncidentNotices_AreStoredWithTheIncidentAndItsUpdates_NotAfterThem()
    {
        // An outbox that refuses separate writes stands for a host that dies between an incident and its notices.
        await using var kit = Kit();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        await SubscribeAsync(kit, page.Id, "all@example.com", []);
        kit.StoreControl.Before = (method, _) => method == nameof(IStatusStore.EnqueueNotificationsAsync)
            ? throw new InvalidOperationException("a separate outbox write")
            : null;

        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "t", Message = "m", ComponentIds = [c[0].Id] });
        kit.Clock.Advance(TimeSpan.FromMinutes(1));
        await kit.Incidents.ResolveAsync(incident.Id, "fixed");

        var kinds = (await OutboxAsync(kit, page.Id)).Where(n => n.Content.StatusIncidentId == incident.Id).Select(n => n.Content.Kind).ToList();
        Assert.Equal([NotificationKind.StatusIncidentCreated, NotificationKind.StatusIncidentResolved], kinds);
    }

    [Fact]
    public async Task IncidentNotices_NameTheAffectedComponentsInThePagesOrder_AfterTheMessage()
    {
        await using var kit = Kit();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null), ("Web", null, null), ("Database", null, null));
        await SubscribeAsync(kit, page.Id, "all@example.com", []);

        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident
        {
            PageId = page.Id, Title = "Slow", Message = "Looking into it", ComponentIds = [c[2].Id, c[0].Id],
        });
        kit.Clock.Advance(TimeSpan.FromMinutes(1));
        await kit.Incidents.ResolveAsync(incident.Id, "Fixed");

        var bodies = (await OutboxAsync(kit, page.Id)).Where(n => n.Content.StatusIncidentId == incident.Id).Select(n => n.Content.Body);
        Assert.Equal(["Looking into it\n\nAffected components: API, Database", "Fixed\n\nAffected components: API, Database"], bodies);
    }

    [Fact]
    public async Task IncidentNotices_CarryTheAffectedComponentsIdsAndNamesInThePagesOrder_LeavingOutOnesDeletedSince()
    {
        await using var kit = Kit();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null), ("Web", null, null), ("Database", null, null));
        await SubscribeAsync(kit, page.Id, "all@example.com", []);
        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident
        {
            PageId = page.Id, Title = "Slow", Message = "Looking into it", ComponentIds = [c[2].Id, c[1].Id, c[0].Id],
        });

        await kit.Components.DeleteAsync(c[1].Id);
        kit.Clock.Advance(TimeSpan.FromMinutes(1));
        await kit.Incidents.ResolveAsync(incident.Id, "Fixed");

        var components = (await OutboxAsync(kit, page.Id))
            .Where(n => n.Content.StatusIncidentId == incident.Id)
            .Select(n => string.Join(", ", n.Content.AffectedComponents.Select(a => $"{a.Name}={a.Id}")));
        Assert.Equal([$"API={c[0].Id}, Web={c[1].Id}, Database={c[2].Id}", $"API={c[0].Id}, Database={c[2].Id}"], components);
    }

    [Fact]
    public async Task IncidentNotices_OfAnIncidentWithoutComponents_AreTheMessageAlone()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme", ("API", null, null));
        await SubscribeAsync(kit, page.Id, "all@example.com", []);

        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "Slow", Message = "Looking into it" });

        var notice = Assert.Single(await OutboxAsync(kit, page.Id), n => n.Content.StatusIncidentId == incident.Id);
        Assert.Equal("Looking into it", notice.Content.Body);
        Assert.Empty(notice.Content.AffectedComponents);
    }

    [Fact]
    public async Task Create_WithoutComponents_NotifiesEverySubscriberOfThePage()
    {
        await using var kit = Kit();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var api = await SubscribeAsync(kit, page.Id, "api@example.com", [c[0].Id]);

        await kit.Incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = "t", Message = "m" });

        Assert.Equal([api.Id], (await OutboxAsync(kit, page.Id)).Where(n => n.Content.Kind == NotificationKind.StatusIncidentCreated).Select(n => n.SubscriberId));
    }

    [Fact]
    public async Task AnIncidentUpdate_ReachesOnlyTheSubscribersWhoChoseItsEvent()
    {
        await using var kit = Kit();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var maintenanceOnly = await SubscribeAsync(kit, page.Id, "maintenance@example.com", [], NotificationEvents.Maintenance);
        var outage = await SubscribeAsync(kit, page.Id, "outage@example.com", [], NotificationEvents.Outage);
        var degraded = await SubscribeAsync(kit, page.Id, "degraded@example.com", [], NotificationEvents.Degraded);
        var resolved = await SubscribeAsync(kit, page.Id, "resolved@example.com", [], NotificationEvents.Resolved);
        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident
        {
            PageId = page.Id, Title = "API down", Message = "m", Severity = StatusIncidentSeverity.Critical, ComponentIds = [c[0].Id],
        });
        kit.Clock.Advance(TimeSpan.FromMinutes(1));

        await kit.Incidents.AddUpdateAsync(incident.Id, StatusIncidentState.Identified, "found");
        kit.Clock.Advance(TimeSpan.FromMinutes(1));
        await kit.Incidents.ResolveAsync(incident.Id, "fixed");

        var notices = (await OutboxAsync(kit, page.Id)).Where(n => n.Content.StatusIncidentId == incident.Id).ToList();
        Assert.DoesNotContain(notices, n => n.SubscriberId == maintenanceOnly.Id || n.SubscriberId == degraded.Id);
        Assert.Equal(
            [NotificationKind.StatusIncidentCreated, NotificationKind.StatusIncidentUpdated],
            notices.Where(n => n.SubscriberId == outage.Id).Select(n => n.Content.Kind));
        Assert.Equal([NotificationKind.StatusIncidentResolved], notices.Where(n => n.SubscriberId == resolved.Id).Select(n => n.Content.Kind));
    }

    [Fact]
    public async Task AMinorIncident_IsTheDegradedEvent()
    {
        await using var kit = Kit();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var outage = await SubscribeAsync(kit, page.Id, "outage@example.com", [], NotificationEvents.Outage);
        var degraded = await SubscribeAsync(kit, page.Id, "degraded@example.com", [c[0].Id], NotificationEvents.Degraded);

        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident
        {
            PageId = page.Id, Title = "API slow", Message = "m", Severity = StatusIncidentSeverity.Minor, ComponentIds = [c[0].Id],
        });

        var recipients = (await OutboxAsync(kit, page.Id)).Where(n => n.Content.StatusIncidentId == incident.Id).Select(n => n.SubscriberId);
        Assert.Equal([degraded.Id], recipients);
        Assert.DoesNotContain(outage.Id, recipients);
    }

    private static async Task<int> IncidentNoticesAsync(StatusKitHarness kit, Guid pageId, Guid incidentId) =>
        (await OutboxAsync(kit, pageId)).Count(n => n.Content.StatusIncidentId == incidentId);

    private static async Task<Subscriber> SubscribeAsync(
        StatusKitHarness kit, Guid pageId, string email, IReadOnlyList<Guid> components, NotificationEvents notifyOn = NotificationEvents.All) =>
        (await kit.Subscribers.SubscribeAsync(new Subscribe
        {
            PageId = pageId, Channel = SubscriberChannel.Email, Destination = email, ComponentIds = components, PreVerified = true, NotifyOn = notifyOn,
        })).Subscriber;
}
