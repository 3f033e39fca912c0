using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Services;
using StatusKit.Status;
using StatusKit.TestSupport;
using StatusKit.TestSupport.Fakes;
using static StatusKit.Tests.Services.ServiceAssert;

namespace StatusKit.Tests.Services;

/// <summary><see cref="IncidentImportService"/>: a page's incident history brought over from Statuspage.</summary>
public sealed class IncidentImportServiceTests
{
    [Fact]
    public async Task Import_ResolvedIncident_IsRecordedWithItsWholeTimelineAsItHappened()
    {
        await using var kit = Kit();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null), ("Web app", null, null));
        var now = kit.Clock.GetUtcNow();
        var started = now.AddDays(-3);

        var report = await Import(kit).ImportAsync(page.Id, [Resolved("sp1", started) with
        {
            Severity = StatusIncidentSeverity.Major,
            ComponentNames = ["  web APP ", "API", "api"],
            Updates =
            [
                new ImportedIncidentUpdate(started.AddMinutes(40), StatusIncidentState.Resolved, "Fixed."),
                new ImportedIncidentUpdate(started, StatusIncidentState.Investigating, "Looking."),
                new ImportedIncidentUpdate(started.AddMinutes(10), StatusIncidentState.Monitoring, "Watching."),
            ],
        }]);

        var record = Assert.Single(report.Imported);
        Assert.Equal("sp1", record.StatuspageId);
        Assert.Empty(report.Skipped);
        Assert.Empty(report.UnknownComponents);
        var stored = (await kit.Incidents.GetAsync(record.IncidentId))!;
        Assert.Equal(
            ("Slow uploads", StatusIncidentSeverity.Major, StatusIncidentState.Resolved, "statuspage:sp1", started, started.AddMinutes(40), now),
            (stored.Title, stored.Severity, stored.State, stored.PlatformIncidentId, stored.CreatedAt, stored.ResolvedAt, stored.UpdatedAt));
        Assert.Equal(
            [(started, StatusIncidentState.Investigating, "Looking."), (started.AddMinutes(10), StatusIncidentState.Monitoring, "Watching."), (started.AddMinutes(40), StatusIncidentState.Resolved, "Fixed.")],
            stored.Updates.Select(u => (u.At, u.State, u.Message)));
        Assert.All(stored.Updates, u => Assert.False(u.NotifySubscribers));
        Assert.Equal("Looking.", stored.Message);
        Assert.Equal([c[1].Id, c[0].Id], stored.ComponentIds);
        Assert.Null(stored.Postmortem);
        Assert.Equal(7, stored.Id.Version);
    }

    [Fact]
    public async Task Import_ResolvedAtGiven_IsKept_AndAPostmortemComesWithItsPublicationTime()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var started = kit.Clock.GetUtcNow().AddDays(-3);

        var report = await Import(kit).ImportAsync(page.Id, [Resolved("sp1", started) with
        {
            ResolvedAt = started.AddMinutes(30),
            Postmortem = "  What went wrong.\n\nWhat we changed.  ",
            PostmortemPublishedAt = started.AddDays(1),
        }]);

        var stored = (await kit.Incidents.GetAsync(Assert.Single(report.Imported).IncidentId))!;
        Assert.Equal(started.AddMinutes(30), stored.ResolvedAt);
        Assert.Equal(("What went wrong.\n\nWhat we changed.", started.AddDays(1)), (stored.Postmortem, stored.PostmortemPublishedAt));
    }

    [Fact]
    public async Task Import_UpdatePostedBeforeTheIncidentsStart_MovesTheStartBackToIt()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var started = kit.Clock.GetUtcNow().AddDays(-3);

        var report = await Import(kit).ImportAsync(page.Id, [Resolved("sp1", started) with
        {
            Updates = [new ImportedIncidentUpdate(started.AddHours(-1), StatusIncidentState.Resolved, "Over.")],
        }]);

        Assert.Equal(started.AddHours(-1), (await kit.Incidents.GetAsync(Assert.Single(report.Imported).IncidentId))!.CreatedAt);
    }

    [Fact]
    public async Task Import_SameIncidentsTwice_AddsNothingTheSecondTime()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var started = kit.Clock.GetUtcNow().AddDays(-3);
        ImportedIncident[] history = [Resolved("sp1", started), Resolved("sp2", started.AddDays(1))];
        var first = await Import(kit).ImportAsync(page.Id, history);
        kit.Clock.Advance(TimeSpan.FromHours(1));

        var second = await Import(kit).ImportAsync(page.Id, [.. history, Resolved("sp1", started)]);

        Assert.Equal(2, first.Imported.Count);
        Assert.Empty(second.Imported);
        Assert.Equal(
            [("sp1", ImportSkipReason.AlreadyImported), ("sp2", ImportSkipReason.AlreadyImported), ("sp1", ImportSkipReason.AlreadyImported)],
            second.Skipped.Select(s => (s.StatuspageId, s.Reason)));
        Assert.Equal(2, (await kit.Incidents.ListAsync(page.Id)).Count);
    }

    [Fact]
    public async Task Import_AnIncidentWhoseStartWasEditedOnStatuspageSince_IsStillAlreadyImported()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var started = kit.Clock.GetUtcNow().AddDays(-3);
        await Import(kit).ImportAsync(page.Id, [Resolved("sp1", started)]);

        // Backfilled on Statuspage afterwards: the same incident now starts an hour earlier.
        var again = await Import(kit).ImportAsync(page.Id, [Resolved("sp1", started.AddHours(-1))]);

        Assert.Empty(again.Imported);
        Assert.Equal(ImportSkipReason.AlreadyImported, Assert.Single(again.Skipped).Reason);
        Assert.Single(await kit.Incidents.ListAsync(page.Id));
    }

    [Fact]
    public async Task Import_SameIncidentsTwiceAtOnce_RecordsEachOnce()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var started = kit.Clock.GetUtcNow().AddDays(-3);
        ImportedIncident[] history = [.. Enumerable.Range(0, 20).Select(i => Resolved($"sp{i}", started.AddHours(i)))];

        var reports = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Import(kit).ImportAsync(page.Id, history))));

        Assert.Equal(20, reports.Sum(r => r.Imported.Count));
        Assert.Equal(60, reports.Sum(r => r.Skipped.Count(s => s.Reason == ImportSkipReason.AlreadyImported)));
        Assert.Equal(20, (await kit.Incidents.ListAsync(page.Id)).Count);
    }

    [Fact]
    public async Task Import_TheSameStatuspageIdOnAnotherPage_IsAnotherIncident()
    {
        await using var kit = Kit();
        var (one, _) = await kit.CreatePageAsync("One");
        var (two, _) = await kit.CreatePageAsync("Two");
        var incident = Resolved("sp1", kit.Clock.GetUtcNow().AddDays(-3));

        var first = await Import(kit).ImportAsync(one.Id, [incident]);
        var second = await Import(kit).ImportAsync(two.Id, [incident]);

        Assert.NotEqual(Assert.Single(first.Imported).IncidentId, Assert.Single(second.Imported).IncidentId);
    }

    [Fact]
    public async Task Import_ScheduledMaintenance_IsSkippedAsOne_PointingToTheMaintenanceImport_AndChangesNothing()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var before = await DumpAsync(kit.Store);
        var started = kit.Clock.GetUtcNow().AddDays(-1);

        var report = await Import(kit).ImportAsync(page.Id, [new ImportedIncident
        {
            StatuspageId = "mnt1",
            Title = "Database upgrade",
            State = StatusIncidentState.Resolved,
            IsScheduledMaintenance = true,
            CreatedAt = started,
            ResolvedAt = started.AddHours(1),
            ComponentNames = ["API"],
            Updates = [new ImportedIncidentUpdate(started, StatusIncidentState.Resolved, "Done.")],
        }]);

        Assert.Empty(report.Imported);
        var skipped = Assert.Single(report.Skipped);
        Assert.Equal(("mnt1", ImportSkipReason.ScheduledMaintenance), (skipped.StatuspageId, skipped.Reason));
        Assert.Contains("import/statuspage/maintenances", skipped.Message, StringComparison.Ordinal);
        Assert.Equal(before, await DumpAsync(kit.Store));
    }

    [Theory]
    [InlineData(StatusIncidentState.Investigating)]
    [InlineData(StatusIncidentState.Identified)]
    [InlineData(StatusIncidentState.Monitoring)]
    public async Task Import_UnresolvedIncident_IsSkipped_AndChangesNothing(StatusIncidentState state)
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var before = await DumpAsync(kit.Store);
        var started = kit.Clock.GetUtcNow().AddHours(-1);

        var report = await Import(kit).ImportAsync(page.Id, [new ImportedIncident
        {
            StatuspageId = "open1",
            Title = "Still going",
            State = state,
            CreatedAt = started,
            ComponentNames = ["API"],
            Updates = [new ImportedIncidentUpdate(started, state, "Looking.")],
        }]);

        Assert.Empty(report.Imported);
        var skipped = Assert.Single(report.Skipped);
        Assert.Equal(("open1", ImportSkipReason.Unresolved), (skipped.StatuspageId, skipped.Reason));
        Assert.Equal(before, await DumpAsync(kit.Store));
    }

    [Fact]
    public async Task Import_NotifiesNobody_AndLeavesComponentStatusesAndTheirHistoryAlone()
    {
        await using var kit = Kit();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        await kit.Subscribers.SubscribeAsync(new Subscribe
        {
            PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "all@example.com", PreVerified = true, NotifyOn = NotificationEvents.All,
        });
        var outboxBefore = await OutboxAsync(kit, page.Id);
        var historyBefore = await kit.Store.ListStatusHistoryAsync(page.Id, DateTimeOffset.MinValue, CancellationToken.None);

        var report = await Import(kit).ImportAsync(page.Id, [Resolved("sp1", kit.Clock.GetUtcNow().AddDays(-1)) with
        {
            Severity = StatusIncidentSeverity.Critical,
            ComponentNames = ["API"],
            Postmortem = "Told nobody.",
        }]);

        Assert.Single(report.Imported);
        Assert.Equal(outboxBefore.Count, (await OutboxAsync(kit, page.Id)).Count);
        Assert.Equal(ComponentStatus.Operational, (await kit.Components.GetAsync(c[0].Id))!.Status);
        Assert.Equal(historyBefore, await kit.Store.ListStatusHistoryAsync(page.Id, DateTimeOffset.MinValue, CancellationToken.None));
    }

    [Fact]
    public async Task Import_ComponentNameNotOnThePage_IsReported_NotCreated()
    {
        await using var kit = Kit();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var started = kit.Clock.GetUtcNow().AddDays(-3);

        var report = await Import(kit).ImportAsync(page.Id, [
            Resolved("sp1", started) with { ComponentNames = ["API", " Object store ", "CDN"] },
            Resolved("sp2", started.AddDays(1)) with { ComponentNames = ["object STORE"] },
        ]);

        Assert.Equal(["Object store", "CDN"], report.UnknownComponents);
        Assert.Equal([c[0].Id], (await kit.Incidents.GetAsync(report.Imported[0].IncidentId))!.ComponentIds);
        Assert.Single(await kit.Components.ListAsync(page.Id));
    }

    public static TheoryData<string, Func<DateTimeOffset, ImportedIncident, ImportedIncident>> InvalidIncidents => new()
    {
        { "started in the future", (now, i) => i with { CreatedAt = now.AddMinutes(1), Updates = [new ImportedIncidentUpdate(now.AddMinutes(2), StatusIncidentState.Resolved, "x")] } },
        { "update in the future", (now, i) => i with { Updates = [.. i.Updates, new ImportedIncidentUpdate(now.AddSeconds(1), StatusIncidentState.Resolved, "x")] } },
        { "before 1970", (now, i) => i with { CreatedAt = DateTimeOffset.UnixEpoch.AddDays(-1) } },
        { "resolved before it began", (now, i) => i with { ResolvedAt = i.CreatedAt.AddMinutes(-1) } },
        { "no updates", (now, i) => i with { Updates = [] } },
        { "latest update not resolved", (now, i) => i with { Updates = [.. i.Updates, new ImportedIncidentUpdate(i.CreatedAt.AddHours(2), StatusIncidentState.Monitoring, "x")] } },
        { "empty title", (now, i) => i with { Title = " " } },
        { "empty update", (now, i) => i with { Updates = [new ImportedIncidentUpdate(i.CreatedAt, StatusIncidentState.Resolved, "")] } },
        { "postmortem published in the future", (now, i) => i with { Postmortem = "p", PostmortemPublishedAt = now.AddDays(1) } },
    };

    [Theory]
    [MemberData(nameof(InvalidIncidents))]
    public async Task Import_InvalidIncident_IsSkippedAsInvalid_AndTheOthersAreStillRecorded(string rule, Func<DateTimeOffset, ImportedIncident, ImportedIncident> breakIt)
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var now = kit.Clock.GetUtcNow();

        var report = await Import(kit).ImportAsync(page.Id, [breakIt(now, Resolved("bad", now.AddDays(-2))), Resolved("good", now.AddDays(-1))]);

        var skipped = Assert.Single(report.Skipped);
        Assert.True(skipped is { StatuspageId: "bad", Reason: ImportSkipReason.Invalid }, rule);
        Assert.False(string.IsNullOrWhiteSpace(skipped.Message));
        Assert.Equal("good", Assert.Single(report.Imported).StatuspageId);
    }

    [Fact]
    public async Task Import_UnknownPage_IsNotFound()
    {
        await using var kit = Kit();

        await Assert.ThrowsAsync<StatusKitNotFoundException>(() => Import(kit).ImportAsync(Guid.NewGuid(), [Resolved("sp1", kit.Clock.GetUtcNow().AddDays(-1))]));
    }

    [Fact]
    public async Task Import_IncidentWithoutStatuspageId_RecordsNothing()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var started = kit.Clock.GetUtcNow().AddDays(-1);

        await InvalidAsync(kit, "statuspageId", () => Import(kit).ImportAsync(page.Id, [Resolved("sp1", started), Resolved(" ", started)]));

        Assert.Empty(await kit.Incidents.ListAsync(page.Id));
    }

    [Fact]
    public async Task Import_RefreshesThePageSnapshot_WhoseUpdatedAtIsTheImport()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var before = await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None);
        kit.Clock.Advance(TimeSpan.FromMinutes(5));

        await Import(kit).ImportAsync(page.Id, [Resolved("sp1", kit.Clock.GetUtcNow().AddDays(-1))]);

        var after = await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None);
        Assert.NotEqual(before!.Version, after!.Version);
        Assert.Equal(kit.Clock.GetUtcNow(), after.UpdatedAt);
    }

    [Fact]
    public async Task Import_Logs1026AtInformation_WithThePageAndItsCounts()
    {
        var logs = new ListLoggerProvider();
        await using var kit = new StatusKitHarness(services => services.AddLogging(b => b.AddProvider(logs)));
        var (page, _) = await kit.CreatePageAsync("Acme");
        var started = kit.Clock.GetUtcNow().AddDays(-2);

        await Import(kit).ImportAsync(page.Id, [Resolved("sp1", started) with { ComponentNames = ["CDN"] }, Resolved("sp2", started) with { State = StatusIncidentState.Monitoring }]);

        var logged = Assert.Single(logs.Entries, e => e.EventId.Id == 1026);
        Assert.Equal(("StatusKit.Services.IncidentImportService", LogLevel.Information), (logged.Category, logged.Level));
        Assert.Contains(page.Id.ToString(), logged.Message, StringComparison.Ordinal);
        Assert.Contains("Imported 1 Statuspage incidents", logged.Message, StringComparison.Ordinal);
        Assert.Contains("1 skipped, 1 component names", logged.Message, StringComparison.Ordinal);
    }

    private static IncidentImportService Import(StatusKitHarness kit) => kit.Services.GetRequiredService<IncidentImportService>();

    private static ImportedIncident Resolved(string id, DateTimeOffset started) => new()
    {
        StatuspageId = id,
        Title = "Slow uploads",
        State = StatusIncidentState.Resolved,
        CreatedAt = started,
        Updates =
        [
            new ImportedIncidentUpdate(started, StatusIncidentState.Investigating, "Looking."),
            new ImportedIncidentUpdate(started.AddMinutes(40), StatusIncidentState.Resolved, "Fixed."),
        ],
    };
}
