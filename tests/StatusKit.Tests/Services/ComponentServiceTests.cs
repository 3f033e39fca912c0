using Microsoft.Extensions.DependencyInjection;
using StatusKit.Abstractions;
using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Services;
using StatusKit.Status;
using StatusKit.TestSupport;
using static StatusKit.Tests.Services.ServiceAssert;

namespace StatusKit.Tests.Services;

public sealed class ComponentServiceTests
{
    [Fact]
    public async Task Create_AppendsAfterTheLastComponent_AndStoresEveryField()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var first = await kit.Components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "API", DisplayOrder = 7 });

        var second = await kit.Components.CreateAsync(new CreateComponent
        {
            PageId = page.Id, Name = " Web ", Description = "site", GroupName = "Front", TeamId = "t1", ServiceIdentifier = "web",
        });

        Assert.Equal(8, second.DisplayOrder);
        Assert.Equal("Web", second.Name);
        Assert.Equal(("site", "Front", "t1", "web"), (second.Description, second.GroupName, second.TeamId, second.ServiceIdentifier));
        Assert.Equal(ComponentStatus.Operational, second.Status);
        Assert.Equal([first.Id, second.Id], (await kit.Components.ListAsync(page.Id)).Select(c => c.Id));
        Assert.Equal(second, await kit.Components.GetAsync(second.Id));
    }

    [Fact]
    public async Task Create_WithoutAnOrder_AfterAComponentAtTheLargestOrder_IsAddedAtTheLargestOrder()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        await kit.Components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "API", DisplayOrder = 1_000_000 });

        var second = await kit.Components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "Web" });

        Assert.Equal(1_000_000, second.DisplayOrder);
        Assert.Equal(["API", "Web"], (await kit.Components.ListAsync(page.Id)).Select(c => c.Name));
    }

    [Fact]
    public async Task Create_UnderAnOpenIncidentOfItsTeam_StartsWithTheIncidentsStatus()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");
        await kit.ReportAndSettleAsync(kit.Signal("INC-1", "t1", "Critical", PlatformIncidentState.Triggered, 1));

        var component = await kit.Components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "API", TeamId = "t1" });

        Assert.Equal(ComponentStatus.MajorOutage, component.Status);
    }

    public static TheoryData<string, int?, string?, string?, string?, string> InvalidCreates => new()
    {
        { "", null, null, null, null, "name" },
        { new string('n', 201), null, null, null, null, "name" },
        { "API", -1, null, null, null, "displayOrder" },
        { "API", 1_000_001, null, null, null, "displayOrder" },
        { "API", null, new string('g', 201), null, null, "groupName" },
        { "API", null, null, new string('t', 201), null, "teamId" },
        { "API", null, null, null, new string('s', 201), "serviceIdentifier" },
        { "A\0PI", null, null, null, null, "name" },
        { "API", null, "Core\0", null, null, "groupName" },
    };

    [Theory]
    [MemberData(nameof(InvalidCreates))]
    public async Task Create_InvalidInput_NamesTheField_AndChangesNothing(string name, int? order, string? group, string? team, string? service, string field)
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme", ("Existing", null, null));

        await InvalidAsync(kit, field, () => kit.Components.CreateAsync(new CreateComponent
        {
            PageId = page.Id, Name = name, DisplayOrder = order, GroupName = group, TeamId = team, ServiceIdentifier = service,
        }));
    }

    [Fact]
    public async Task Create_TooLongDescription_NamesDescription()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");

        await InvalidAsync(kit, "description", () => kit.Components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "API", Description = new string('d', 20_001) }));
    }

    [Fact]
    public async Task Create_DuplicateNameIgnoringCase_IsAConflictOnName()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme", ("API", null, null));

        await RejectsAsync<StatusKitConflictException>(kit, "name", () => kit.Components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "api" }));
    }

    [Fact]
    public async Task Create_UnknownPage_IsNotFoundOnPageId()
    {
        await using var kit = new StatusKitHarness();

        await RejectsAsync<StatusKitNotFoundException>(kit, "pageId", () => kit.Components.CreateAsync(new CreateComponent { PageId = Guid.NewGuid(), Name = "API" }));
    }

    [Fact]
    public async Task Update_ChangesTheGivenFields_AndRecomputesForTheNewTeam()
    {
        await using var kit = new StatusKitHarness();
        var (_, components) = await kit.CreatePageAsync("Acme", ("API", "t1", null));
        await kit.ReportAndSettleAsync(kit.Signal("INC-1", "t2", "High", PlatformIncidentState.Triggered, 1));

        var updated = await kit.Components.UpdateAsync(components[0].Id, new UpdateComponent { Name = "Public API", TeamId = "t2", DisplayOrder = 3, GroupName = "" });

        Assert.Equal("Public API", updated.Name);
        Assert.Equal(3, updated.DisplayOrder);
        Assert.Null(updated.GroupName);
        Assert.Equal(ComponentStatus.PartialOutage, updated.Status);
        Assert.Equal(updated, await kit.Components.GetAsync(updated.Id));
    }

    [Fact]
    public async Task Update_ThatChangesNothing_WritesNothing_KeepingTheVersionAndTheUpdateTime()
    {
        await using var kit = new StatusKitHarness();
        var (_, components) = await kit.CreatePageAsync("Acme", ("API", "t1", null));
        var before = components[0];
        kit.Clock.Advance(TimeSpan.FromMinutes(5));

        var empty = await kit.Components.UpdateAsync(before.Id, new UpdateComponent());
        var same = await kit.Components.UpdateAsync(before.Id, new UpdateComponent { Name = "API", TeamId = "t1", ExpectedVersion = before.Version });

        Assert.Equal((before.Version, before.UpdatedAt), (empty.Version, empty.UpdatedAt));
        Assert.Equal((before.Version, before.UpdatedAt), (same.Version, same.UpdatedAt));
    }

    [Fact]
    public async Task Create_OnlyShowIfDegraded_IsStoredAndInTheSnapshot_AndIsFalseWhenLeftOut()
    {
        await using var kit = new StatusKitHarness();
        var (page, _) = await kit.CreatePageAsync("Acme");

        var hidden = await kit.Components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "Batch", OnlyShowIfDegraded = true });
        var shown = await kit.Components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "API" });

        Assert.True(hidden.OnlyShowIfDegraded);
        Assert.False(shown.OnlyShowIfDegraded);
        Assert.True((await kit.Components.GetAsync(hidden.Id))!.OnlyShowIfDegraded);
        var snapshot = (await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None))!;
        Assert.Equal([true, false], snapshot.Components.Select(c => c.OnlyShowIfDegraded));
    }

    [Fact]
    public async Task Update_OnlyShowIfDegraded_SetsAndClearsIt_MovingTheVersion_AndAnUpdateLeavingItOutKeepsIt()
    {
        await using var kit = new StatusKitHarness();
        var (page, components) = await kit.CreatePageAsync("Acme", ("Batch", null, null));
        var before = components[0];

        var set = await kit.Components.UpdateAsync(before.Id, new UpdateComponent { OnlyShowIfDegraded = true, ExpectedVersion = before.Version });
        var renamed = await kit.Components.UpdateAsync(before.Id, new UpdateComponent { Name = "Batch jobs" });

        Assert.True(set.OnlyShowIfDegraded);
        Assert.Equal(before.Version + 1, set.Version);
        Assert.True(renamed.OnlyShowIfDegraded);
        Assert.True((await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None))!.Components.Single().OnlyShowIfDegraded);

        var cleared = await kit.Components.UpdateAsync(before.Id, new UpdateComponent { OnlyShowIfDegraded = false });

        Assert.False(cleared.OnlyShowIfDegraded);
        Assert.Equal(renamed.Version + 1, cleared.Version);
        Assert.False((await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None))!.Components.Single().OnlyShowIfDegraded);
    }

    public static TheoryData<UpdateComponent, string> InvalidUpdates => new()
    {
        { new UpdateComponent { Name = " " }, "name" },
        { new UpdateComponent { DisplayOrder = -5 }, "displayOrder" },
        { new UpdateComponent { Description = new string('d', 20_001) }, "description" },
        { new UpdateComponent { GroupName = new string('g', 201) }, "groupName" },
        { new UpdateComponent { TeamId = new string('t', 201) }, "teamId" },
        { new UpdateComponent { ServiceIdentifier = new string('s', 201) }, "serviceIdentifier" },
    };

    [Theory]
    [MemberData(nameof(InvalidUpdates))]
    public async Task Update_InvalidInput_NamesTheField_AndChangesNothing(UpdateComponent changes, string field)
    {
        await using var kit = new StatusKitHarness();
        var (_, components) = await kit.CreatePageAsync("Acme", ("API", null, null));

        await InvalidAsync(kit, field, () => kit.Components.UpdateAsync(components[0].Id, changes));
    }

    [Fact]
    public async Task Update_ToAnotherComponentsName_IsAConflictOnName()
    {
        await using var kit = new StatusKitHarness();
        var (_, components) = await kit.CreatePageAsync("Acme", ("API", null, null), ("Web", null, null));

        await RejectsAsync<StatusKitConflictException>(kit, "name", () => kit.Components.UpdateAsync(components[1].Id, new UpdateComponent { Name = "API" }));
    }

    [Fact]
    public async Task Update_UnknownComponent_IsNotFoundOnComponentId()
    {
        await using var kit = new StatusKitHarness();

        await RejectsAsync<StatusKitNotFoundException>(kit, "componentId", () => kit.Components.UpdateAsync(Guid.NewGuid(), new UpdateComponent { Name = "x" }));
    }

    [Fact]
    public async Task Delete_RemovesTheComponentFromThePageAndItsSnapshot()
    {
        await using var kit = new StatusKitHarness();
        var (page, components) = await kit.CreatePageAsync("Acme", ("API", null, null), ("Web", null, null));

        Assert.True(await kit.Components.DeleteAsync(components[0].Id));

        Assert.Null(await kit.Components.GetAsync(components[0].Id));
        Assert.Equal(["Web"], (await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None))!.Components.Select(c => c.Name));
        Assert.False(await kit.Components.DeleteAsync(components[0].Id));
    }

    [Fact]
    public async Task Delete_ThenChangingAnIncidentWithTheComponentIdsReadBack_Succeeds()
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null), ("Web", null, null));
        var incident = await kit.Incidents.CreateAsync(new CreateStatusIncident
        {
            PageId = page.Id, Title = "Slow", Message = "Looking", ComponentIds = [c[0].Id, c[1].Id], NotifySubscribers = false,
        });
        await kit.Components.DeleteAsync(c[0].Id);
        var readBack = (await kit.Incidents.GetAsync(incident.Id))!;

        var changed = await kit.Incidents.UpdateAsync(incident.Id, new UpdateStatusIncident { Title = "Slow web", ComponentIds = readBack.ComponentIds });

        Assert.Equal([c[1].Id], changed.ComponentIds);
    }

    [Fact]
    public async Task Delete_ThenChangingAMaintenanceWindowWithTheComponentIdsReadBack_Succeeds()
    {
        await using var kit = new StatusKitHarness();
        var maintenance = kit.Services.GetRequiredService<MaintenanceService>();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null), ("Web", null, null));
        var start = kit.Clock.GetUtcNow().AddDays(1);
        var window = await maintenance.CreateAsync(new CreateMaintenanceWindow
        {
            PageId = page.Id, Title = "Disk swap", StartsAt = start, EndsAt = start.AddHours(1), ComponentIds = [c[0].Id, c[1].Id],
        });
        await kit.Components.DeleteAsync(c[0].Id);
        var readBack = (await maintenance.GetAsync(window.Id))!;

        var changed = await maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { Title = "Web disk swap", ComponentIds = readBack.ComponentIds });

        Assert.Equal([c[1].Id], changed.ComponentIds);
    }

    [Fact]
    public async Task Delete_TheSnapshotsIncidentsAndMaintenanceNoLongerNameTheComponent()
    {
        await using var kit = new StatusKitHarness();
        var maintenance = kit.Services.GetRequiredService<MaintenanceService>();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null), ("Web", null, null));
        await kit.Incidents.CreateAsync(new CreateStatusIncident
        {
            PageId = page.Id, Title = "Slow", Message = "Looking", ComponentIds = [c[0].Id, c[1].Id], NotifySubscribers = false,
        });
        var start = kit.Clock.GetUtcNow().AddHours(1);
        await maintenance.CreateAsync(new CreateMaintenanceWindow
        {
            PageId = page.Id, Title = "Disk swap", StartsAt = start, EndsAt = start.AddHours(1), ComponentIds = [c[0].Id],
        });

        await kit.Components.DeleteAsync(c[0].Id);

        var snapshot = (await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None))!;
        Assert.Equal([c[1].Id], Assert.Single(snapshot.UnresolvedIncidents).ComponentIds);
        Assert.Empty(Assert.Single(snapshot.UpcomingMaintenance).ComponentIds);
    }

    [Fact]
    public async Task Delete_ASubscriberWhoFollowedOnlyThatComponent_IsNotWidenedToTheOthers_AndCanSubscribeAgain()
    {
        await using var kit = Kit();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null), ("Web", null, null));
        var apiOnly = await kit.Subscribers.SubscribeAsync(new Subscribe
        {
            PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "api-fan@example.com", ComponentIds = [c[0].Id], PreVerified = true,
        });

        await kit.Components.DeleteAsync(c[0].Id);
        await kit.Components.SetManualStatusAsync(c[1].Id, ComponentStatus.MajorOutage);

        var outbox = await kit.Store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id }, CancellationToken.None);
        Assert.DoesNotContain(outbox, n => n.SubscriberId == apiOnly.Subscriber.Id);
        Assert.False((await kit.Subscribers.GetAsync(apiOnly.Subscriber.Id))!.IsActive);
        var again = await kit.Subscribers.SubscribeAsync(new Subscribe
        {
            PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "api-fan@example.com", ComponentIds = [c[1].Id], PreVerified = true,
        });
        Assert.Equal((apiOnly.Subscriber.Id, true), (again.Subscriber.Id, again.Subscriber.IsActive));
        Assert.Equal([c[1].Id], again.Subscriber.ComponentIds);
    }

    [Fact]
    public async Task Reorder_SetsEveryDisplayOrderAtOnce()
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("A", null, null), ("B", null, null), ("C", null, null));

        await kit.Components.ReorderAsync(page.Id, [c[2].Id, c[0].Id, c[1].Id]);

        Assert.Equal(["C", "A", "B"], (await kit.Components.ListAsync(page.Id)).Select(x => x.Name));
        Assert.Equal(["C", "A", "B"], (await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None))!.Components.Select(x => x.Name));
    }

    [Fact]
    public async Task Reorder_MissingOneComponent_IsRejectedAtomically()
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("A", null, null), ("B", null, null), ("C", null, null));
        var before = await DumpAsync(kit.Store);

        var ex = await Assert.ThrowsAsync<StatusKitValidationException>(() => kit.Components.ReorderAsync(page.Id, [c[2].Id, c[0].Id]));

        Assert.Equal("componentIds", ex.Field);
        Assert.Equal(before, await DumpAsync(kit.Store));
    }

    [Fact]
    public async Task Reorder_OfAnUnknownPage_IsNotFound_WhateverTheList()
    {
        await using var kit = new StatusKitHarness();

        var ex = await Assert.ThrowsAsync<StatusKitNotFoundException>(() => kit.Components.ReorderAsync(Guid.NewGuid(), []));

        Assert.Equal("pageId", ex.Field);
    }

    [Fact]
    public async Task Reorder_AComponentOfAnotherPage_IsRejectedAtomically()
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("A", null, null), ("B", null, null));
        var (_, other) = await kit.CreatePageAsync("Other", ("X", null, null));
        var before = await DumpAsync(kit.Store);

        var ex = await Assert.ThrowsAsync<StatusKitValidationException>(() => kit.Components.ReorderAsync(page.Id, [c[1].Id, other[0].Id]));

        Assert.Equal("componentIds", ex.Field);
        Assert.Equal(before, await DumpAsync(kit.Store));
    }

    [Fact]
    public async Task Reorder_EmptyOrRepeatedIds_AreRejectedBeforeTheStore()
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("A", null, null), ("B", null, null));

        await InvalidAsync(kit, "componentIds", () => kit.Components.ReorderAsync(page.Id, []));
        await InvalidAsync(kit, "componentIds", () => kit.Components.ReorderAsync(page.Id, [c[0].Id, c[0].Id]));
        await InvalidAsync(kit, "componentIds", () => kit.Components.ReorderAsync(page.Id, [c[0].Id, Guid.Empty]));
    }

    [Fact]
    public async Task Reorder_UnknownPage_IsNotFoundOnPageId()
    {
        await using var kit = new StatusKitHarness();

        await RejectsAsync<StatusKitNotFoundException>(kit, "pageId", () => kit.Components.ReorderAsync(Guid.NewGuid(), [Guid.NewGuid()]));
    }

    [Fact]
    public async Task SetManualStatus_RaisesTheStatus_AndClearReturnsToTheComputedOne()
    {
        await using var kit = new StatusKitHarness();
        var (_, c) = await kit.CreatePageAsync("Acme", ("API", "t1", null));

        var raised = await kit.Components.SetManualStatusAsync(c[0].Id, ComponentStatus.PartialOutage);
        var cleared = await kit.Components.ClearManualStatusAsync(c[0].Id);

        Assert.Equal(ComponentStatus.PartialOutage, raised.Status);
        Assert.Equal(ComponentStatus.PartialOutage, raised.ManualStatus);
        Assert.Equal(ComponentStatus.Operational, cleared.Status);
        Assert.Null(cleared.ManualStatus);
        Assert.Null(cleared.ManualStatusExpiresAt);
    }

    [Fact]
    public async Task SetManualStatus_Operational_NeverHidesAnOpenIncident()
    {
        await using var kit = new StatusKitHarness();
        var (_, c) = await kit.CreatePageAsync("Acme", ("API", "t1", null));
        await kit.ReportAndSettleAsync(kit.Signal("INC-1", "t1", "Critical", PlatformIncidentState.Triggered, 1));

        var component = await kit.Components.SetManualStatusAsync(c[0].Id, ComponentStatus.Operational);

        Assert.Equal(ComponentStatus.MajorOutage, component.Status);
    }

    [Fact]
    public async Task SetManualStatus_WithExpiry_StopsApplyingAfterARecomputePastTheExpiry()
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", "t1", null));

        var raised = await kit.Components.SetManualStatusAsync(c[0].Id, ComponentStatus.MajorOutage, kit.Clock.GetUtcNow().AddHours(1));
        kit.Clock.Advance(TimeSpan.FromMinutes(59));
        await kit.Engine.RecomputePageAsync(page.Id, CancellationToken.None);
        var beforeExpiry = (await kit.Components.GetAsync(c[0].Id))!.Status;
        kit.Clock.Advance(TimeSpan.FromMinutes(2));
        await kit.Engine.RecomputePageAsync(page.Id, CancellationToken.None);
        var afterExpiry = (await kit.Components.GetAsync(c[0].Id))!.Status;

        Assert.Equal(ComponentStatus.MajorOutage, raised.Status);
        Assert.Equal(ComponentStatus.MajorOutage, beforeExpiry);
        Assert.Equal(ComponentStatus.Operational, afterExpiry);
    }

    [Fact]
    public async Task SetManualStatus_ExpiryNowOrInThePast_IsRejected()
    {
        await using var kit = new StatusKitHarness();
        var (_, c) = await kit.CreatePageAsync("Acme", ("API", null, null));

        await InvalidAsync(kit, "expiresAt", () => kit.Components.SetManualStatusAsync(c[0].Id, ComponentStatus.MajorOutage, kit.Clock.GetUtcNow()));
        await InvalidAsync(kit, "expiresAt", () => kit.Components.SetManualStatusAsync(c[0].Id, ComponentStatus.MajorOutage, kit.Clock.GetUtcNow().AddSeconds(-1)));
    }

    [Fact]
    public async Task SetManualStatus_UndefinedStatus_IsRejected()
    {
        await using var kit = new StatusKitHarness();
        var (_, c) = await kit.CreatePageAsync("Acme", ("API", null, null));

        await InvalidAsync(kit, "status", () => kit.Components.SetManualStatusAsync(c[0].Id, (ComponentStatus)42));
    }

    [Fact]
    public async Task ManualStatus_UnknownComponent_IsNotFoundOnComponentId()
    {
        await using var kit = new StatusKitHarness();

        await RejectsAsync<StatusKitNotFoundException>(kit, "componentId", () => kit.Components.SetManualStatusAsync(Guid.NewGuid(), ComponentStatus.MajorOutage));
        await RejectsAsync<StatusKitNotFoundException>(kit, "componentId", () => kit.Components.ClearManualStatusAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task ListAndGet_UnknownIds_AreEmptyOrNull()
    {
        await using var kit = new StatusKitHarness();

        Assert.Empty(await kit.Components.ListAsync(Guid.NewGuid()));
        Assert.Null(await kit.Components.GetAsync(Guid.NewGuid()));
    }
}
