using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Services;
using StatusKit.Status;
using StatusKit.TestSupport;
using StatusKit.TestSupport.Fakes;
using static StatusKit.Tests.Services.ServiceAssert;

namespace StatusKit.Tests.Services;

/// <summary><see cref="ComponentImportService"/>: a page's components brought over from Statuspage, before its incidents.</summary>
public sealed class ComponentImportServiceTests
{
    // A Statuspage page in the order its document lists it (not its display order): two groups, three components in
    // none, one member known to its group only by the group's list.
    private static readonly ImportedComponent[] Document =
    [
        Group("g1", "Storage", 2, "c2", "c1"),
        Item("c1", "Object store", 1, groupId: "g1") with { Description = "Buckets and uploads" },
        Item("c2", "Block store", 2, groupId: "g1") with { OnlyShowIfDegraded = true },
        Item("c4", "Website", 3),
        Item("c3", "API", 1),
        Group("g2", "Edge", 4, "c5"),
        Item("c5", "CDN", 1),
    ];

    [Fact]
    public async Task Import_GroupsAndComponents_CreatesTheComponentsUnderTheirGroupsNames_InStatuspagesOrder_AfterThePagesOwn()
    {
        await using var kit = Kit();
        var (page, own) = await kit.CreatePageAsync("Acme", ("Status site", null, null));

        var report = await Import(kit).ImportAsync(page.Id, Document);

        Assert.Equal(
            [("API", null), ("Object store", "Storage"), ("Block store", "Storage"), ("Website", null), ("CDN", "Edge")],
            report.Imported.Select(i => (i.Name, i.GroupName)));
        Assert.Empty(report.Skipped);
        var stored = await kit.Components.ListAsync(page.Id);
        Assert.Equal(["Status site", "API", "Object store", "Block store", "Website", "CDN"], stored.Select(c => c.Name));
        Assert.Equal([own[0].Id, .. report.Imported.Select(i => i.Id)], stored.Select(c => c.Id));
        Assert.Equal([0, 1, 2, 3, 4, 5], stored.Select(c => c.DisplayOrder));
        Assert.DoesNotContain(stored, c => c.Name is "Storage" or "Edge");
    }

    [Fact]
    public async Task Import_DescriptionAndOnlyShowIfDegraded_AreCarriedOver_AndNoTeamIsSet()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");

        var report = await Import(kit).ImportAsync(page.Id, Document);

        var stored = (await kit.Components.ListAsync(page.Id)).ToDictionary(c => c.Name);
        Assert.Equal(("Buckets and uploads", false), (stored["Object store"].Description, stored["Object store"].OnlyShowIfDegraded));
        Assert.Equal((null, true), (stored["Block store"].Description, stored["Block store"].OnlyShowIfDegraded));
        Assert.All(stored.Values, c => Assert.Equal((null, null, null, ComponentStatus.Operational, 1L), (c.TeamId, c.ServiceIdentifier, c.ManualStatus, c.Status, c.Version)));
        Assert.Equal(5, report.Imported.Count);
    }

    [Fact]
    public async Task Import_MemberOfAGroupTheDocumentLacks_IsImportedInNoGroup_AtItsOwnPosition()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");

        var report = await Import(kit).ImportAsync(page.Id, [Item("a", "API", 2), Item("b", "Orphan", 1, groupId: "gone")]);

        Assert.Equal([("Orphan", null), ("API", null)], report.Imported.Select(i => (i.Name, i.GroupName)));
    }

    [Fact]
    public async Task Import_SameDocumentTwice_CreatesNothingTheSecondTime()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        await Import(kit).ImportAsync(page.Id, Document);
        var before = await kit.Components.ListAsync(page.Id);

        var second = await Import(kit).ImportAsync(page.Id, Document);

        Assert.Empty(second.Imported);
        Assert.Equal(
            ["API", "Object store", "Block store", "Website", "CDN"],
            second.Skipped.Select(s => s.Name));
        Assert.All(second.Skipped, s => Assert.Equal(ComponentImportSkipReason.AlreadyExists, s.Reason));
        SameRecord(before, await kit.Components.ListAsync(page.Id));
    }

    [Fact]
    public async Task Import_ComponentCreatedMeanwhileUnderTheSameName_IsSkippedAsAlreadyExists_AndTheOthersAreStillCreated()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        Component? meanwhile = null;
        kit.StoreControl.Before = (method, args) =>
        {
            if (method != nameof(IStatusStore.AddComponentAsync) || meanwhile is not null || args[0] is not Component { Name: "API" })
            {
                return null;
            }

            // Another import, or an operator, gets there first: after this import read the page's names.
            meanwhile = new Component { Id = Guid.NewGuid(), PageId = page.Id, Name = "api", StatusUpdatedAt = kit.Clock.GetUtcNow(), CreatedAt = kit.Clock.GetUtcNow(), UpdatedAt = kit.Clock.GetUtcNow() };
            return kit.Store.AddComponentAsync(meanwhile, CancellationToken.None);
        };

        var report = await Import(kit).ImportAsync(page.Id, [Item("a", "API", 1), Item("b", "Website", 2)]);

        Assert.Equal(("API", ComponentImportSkipReason.AlreadyExists), (Assert.Single(report.Skipped).Name, report.Skipped[0].Reason));
        Assert.Equal("Website", Assert.Single(report.Imported).Name);
        Assert.Equal(["Website", "api"], (await kit.Components.ListAsync(page.Id)).Select(c => c.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Import_NameThePageHasInAnotherCaseAndSpacing_IsSkippedAsAlreadyExists_AndTheComponentIsNotModified()
    {
        await using var kit = Kit();
        var (page, own) = await kit.CreatePageAsync("Acme", ("API", "platform", null));

        var report = await Import(kit).ImportAsync(page.Id, [Item("a", "  api ", 1) with { Description = "From Statuspage", OnlyShowIfDegraded = true }, Item("b", "Website", 2)]);

        var skipped = Assert.Single(report.Skipped);
        Assert.Equal(("  api ", ComponentImportSkipReason.AlreadyExists), (skipped.Name, skipped.Reason));
        Assert.Contains("API", skipped.Message, StringComparison.Ordinal);
        Assert.Equal("Website", Assert.Single(report.Imported).Name);
        SameRecord(own[0], await kit.Components.GetAsync(own[0].Id));
    }

    [Fact]
    public async Task Import_NameRepeatedInTheDocument_TheFirstWins_AndTheOthersAreSkippedAsDuplicateName()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");

        var report = await Import(kit).ImportAsync(page.Id, [
            Item("a", "API", 1) with { Description = "first" },
            Group("g", "Europe", 2, "b"),
            Item("b", " api", 1, groupId: "g") with { Description = "second" },
            Item("c", "Website", 3),
        ]);

        Assert.Equal(["API", "Website"], report.Imported.Select(i => i.Name));
        var skipped = Assert.Single(report.Skipped);
        Assert.Equal((" api", ComponentImportSkipReason.DuplicateName), (skipped.Name, skipped.Reason));
        Assert.Equal("first", (await kit.Components.GetAsync(report.Imported[0].Id))!.Description);
    }

    public static TheoryData<string, string, Func<ImportedComponent, ImportedComponent>> InvalidComponents => new()
    {
        { "name too long", "name", c => c with { Name = new string('n', 201) } },
        { "empty name", "name", c => c with { Name = "  " } },
        { "NUL in the name", "name", c => c with { Name = "A\0B" } },
        { "description too long", "description", c => c with { Description = new string('d', 20_001) } },
    };

    [Theory]
    [MemberData(nameof(InvalidComponents))]
    public async Task Import_InvalidComponent_IsSkippedAsInvalidNamingTheProblem_AndTheOthersAreStillCreated(
        string rule, string field, Func<ImportedComponent, ImportedComponent> breakIt)
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");

        var report = await Import(kit).ImportAsync(page.Id, [breakIt(Item("bad", "Bad", 1)), Item("good", "Good", 2)]);

        var skipped = Assert.Single(report.Skipped);
        Assert.True(skipped.Reason == ComponentImportSkipReason.Invalid, rule);
        Assert.StartsWith($"{field}: ", skipped.Message, StringComparison.Ordinal);
        Assert.Equal("Good", Assert.Single(report.Imported).Name);
        Assert.Equal(["Good"], (await kit.Components.ListAsync(page.Id)).Select(c => c.Name));
    }

    [Fact]
    public async Task Import_GroupNameTooLong_SkipsItsMembersAsInvalidNamingGroupName()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");

        var report = await Import(kit).ImportAsync(page.Id, [Group("g", new string('g', 201), 1, "a"), Item("a", "API", 1, groupId: "g"), Item("b", "Website", 2)]);

        var skipped = Assert.Single(report.Skipped);
        Assert.Equal(("API", ComponentImportSkipReason.Invalid), (skipped.Name, skipped.Reason));
        Assert.StartsWith("groupName: ", skipped.Message, StringComparison.Ordinal);
        Assert.Equal("Website", Assert.Single(report.Imported).Name);
    }

    [Fact]
    public async Task Import_NotifiesNobody_AndWritesNoStatusHistory()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme", ("Status site", null, null));
        await kit.Subscribers.SubscribeAsync(new Subscribe
        {
            PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "all@example.com", PreVerified = true, NotifyOn = NotificationEvents.All,
        });
        var outboxBefore = await OutboxAsync(kit, page.Id);
        var historyBefore = await kit.Store.ListStatusHistoryAsync(page.Id, DateTimeOffset.MinValue, CancellationToken.None);

        var report = await Import(kit).ImportAsync(page.Id, Document);

        Assert.Equal(5, report.Imported.Count);
        Assert.Equal(outboxBefore.Count, (await OutboxAsync(kit, page.Id)).Count);
        Assert.Equal(historyBefore, await kit.Store.ListStatusHistoryAsync(page.Id, DateTimeOffset.MinValue, CancellationToken.None));
    }

    [Fact]
    public async Task Import_RefreshesThePageSnapshot_WhichShowsTheComponentsInTheirGroupsAtOnce()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var before = await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None);
        kit.Clock.Advance(TimeSpan.FromMinutes(5));

        await Import(kit).ImportAsync(page.Id, Document);

        var after = (await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None))!;
        Assert.NotEqual(before!.Version, after.Version);
        Assert.Equal(
            [("API", null, ComponentStatus.Operational), ("Object store", "Storage", ComponentStatus.Operational), ("Block store", "Storage", ComponentStatus.Operational),
             ("Website", null, ComponentStatus.Operational), ("CDN", "Edge", ComponentStatus.Operational)],
            after.Components.Select(c => (c.Name, c.GroupName, c.Status)));
        Assert.True(after.Components.Single(c => c.Name == "Block store").OnlyShowIfDegraded);
        Assert.Equal(kit.Clock.GetUtcNow(), after.UpdatedAt);
    }

    [Fact]
    public async Task Import_NothingNew_LeavesTheSnapshotAsItWas()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var before = await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None);

        await Import(kit).ImportAsync(page.Id, [Item("a", "API", 1)]);

        Assert.Equal(before!.Version, (await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task Import_UnknownPage_IsNotFound()
    {
        await using var kit = Kit();

        await Assert.ThrowsAsync<StatusKitNotFoundException>(() => Import(kit).ImportAsync(Guid.NewGuid(), Document));
    }

    [Fact]
    public async Task Import_NullEntry_IsAnArgumentException_AndCreatesNothing()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");

        await Assert.ThrowsAsync<ArgumentException>(() => Import(kit).ImportAsync(page.Id, [Item("a", "API", 1), null!]));

        Assert.Empty(await kit.Components.ListAsync(page.Id));
    }

    [Fact]
    public async Task Import_Logs1027AtInformation_WithThePageAndItsCounts()
    {
        var logs = new ListLoggerProvider();
        await using var kit = new StatusKitHarness(services => services.AddLogging(b => b.AddProvider(logs)));
        var (page, _) = await kit.CreatePageAsync("Acme", ("API", null, null));

        await Import(kit).ImportAsync(page.Id, Document);

        var logged = Assert.Single(logs.Entries, e => e.EventId.Id == 1027);
        Assert.Equal(("StatusKit.Services.ComponentImportService", LogLevel.Information), (logged.Category, logged.Level));
        Assert.Contains(page.Id.ToString(), logged.Message, StringComparison.Ordinal);
        Assert.Contains("Imported 4 Statuspage components", logged.Message, StringComparison.Ordinal);
        Assert.Contains("1 skipped", logged.Message, StringComparison.Ordinal);
    }

    private static ComponentImportService Import(StatusKitHarness kit) => kit.Services.GetRequiredService<ComponentImportService>();

    private static ImportedComponent Item(string id, string name, int position, string? groupId = null) => new()
    {
        StatuspageId = id,
        Name = name,
        Position = position,
        GroupId = groupId,
    };

    private static ImportedComponent Group(string id, string name, int position, params string[] members) => new()
    {
        StatuspageId = id,
        Name = name,
        Position = position,
        IsGroup = true,
        MemberIds = members,
    };
}
