using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Services;
using StatusKit.Status;
using StatusKit.Testing;
using StatusKit.TestSupport;
using StatusKit.TestSupport.Fakes;
using static StatusKit.Tests.Services.ServiceAssert;

namespace StatusKit.Tests.Services;

/// <summary><see cref="MaintenanceImportService"/>: a page's scheduled maintenances brought over from Statuspage.</summary>
public sealed class MaintenanceImportServiceTests
{
    [Fact]
    public async Task Import_CompletedMaintenance_IsACompletedWindowOfTheTimesItRan_InTheHistory()
    {
        await using var kit = Kit();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null), ("Web app", null, null));
        var now = kit.Clock.GetUtcNow();
        var planned = now.AddDays(-3);

        var report = await Import(kit).ImportAsync(page.Id, [Completed("sp1", planned) with
        {
            StartedAt = planned.AddMinutes(5),
            CompletedAt = planned.AddMinutes(50),
            ComponentNames = [" web APP ", "API", "api"],
        }]);

        var record = Assert.Single(report.Imported);
        Assert.Equal(("sp1", "Database upgrade", MaintenanceState.Completed), (record.StatuspageId, record.Title, record.State));
        Assert.Empty(report.Skipped);
        Assert.Empty(report.UnknownComponents);
        var stored = (await Maintenance(kit).GetAsync(record.WindowId))!;
        Assert.Equal(
            (MaintenanceState.Completed, "Database upgrade", "We will upgrade the database.", planned.AddMinutes(5), planned.AddMinutes(50)),
            (stored.State, stored.Title, stored.Description, stored.StartsAt, stored.EndsAt));
        Assert.Equal((planned.AddMinutes(5), planned.AddMinutes(50)), (stored.OccurrenceStartsAt, stored.OccurrenceEndsAt));
        Assert.Equal([c[1].Id, c[0].Id], stored.ComponentIds);
        Assert.Equal((planned.AddDays(-2), now), (stored.CreatedAt, stored.UpdatedAt));
        Assert.False(stored.NotifySubscribers);
        Assert.Equal((null, null, null), (stored.AnnouncedFor, stored.ReminderSentFor, stored.StatusSwitchedAt));
        Assert.Equal(7, stored.Id.Version);
        Assert.Equal([record.WindowId], (await kit.Store.ListCompletedMaintenanceWindowsAsync(page.Id, 0, 10, CancellationToken.None)).Select(w => w.Id));
        Assert.Empty(await kit.Store.ListOpenMaintenanceWindowsAsync(page.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Import_CompletedMaintenanceWithoutItsRealTimes_RanAsPlanned()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var planned = kit.Clock.GetUtcNow().AddDays(-3);

        var report = await Import(kit).ImportAsync(page.Id, [Completed("sp1", planned)]);

        var stored = (await Maintenance(kit).GetAsync(Assert.Single(report.Imported).WindowId))!;
        Assert.Equal((planned, planned.AddHours(1)), (stored.StartsAt, stored.EndsAt));
    }

    [Fact]
    public async Task Import_CompletedMaintenance_NotifiesNobody_AndLeavesComponentStatusesAndTheirHistoryAlone()
    {
        await using var kit = Kit();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        await SubscribeAllAsync(kit, page.Id);
        var outboxBefore = await OutboxAsync(kit, page.Id);
        var historyBefore = await kit.Store.ListStatusHistoryAsync(page.Id, DateTimeOffset.MinValue, CancellationToken.None);

        var report = await Import(kit).ImportAsync(page.Id, [Completed("sp1", kit.Clock.GetUtcNow().AddDays(-1)) with { ComponentNames = ["API"] }]);
        await kit.Get<MaintenanceScheduler>().RunDueTransitionsAsync(CancellationToken.None);

        Assert.Single(report.Imported);
        Assert.Equal(outboxBefore.Count, (await OutboxAsync(kit, page.Id)).Count);
        Assert.Equal(ComponentStatus.Operational, (await kit.Components.GetAsync(c[0].Id))!.Status);
        Assert.Equal(historyBefore, await kit.Store.ListStatusHistoryAsync(page.Id, DateTimeOffset.MinValue, CancellationToken.None));
    }

    [Fact]
    public async Task Import_UpcomingMaintenance_IsScheduledWithoutAnAnnouncement_AndTheSchedulerRunsItAsAnyWindow()
    {
        await using var kit = Kit();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        await SubscribeAllAsync(kit, page.Id);
        var outboxBefore = (await OutboxAsync(kit, page.Id)).Count;
        var starts = kit.Clock.GetUtcNow().AddDays(2);

        var report = await Import(kit).ImportAsync(page.Id, [Upcoming("sp1", starts) with { ComponentNames = ["API"] }]);

        var record = Assert.Single(report.Imported);
        Assert.Equal(MaintenanceState.Scheduled, record.State);
        var window = (await Maintenance(kit).GetAsync(record.WindowId))!;
        Assert.Equal((starts, starts.AddHours(1), starts, starts.AddHours(1)), (window.StartsAt, window.EndsAt, window.OccurrenceStartsAt, window.OccurrenceEndsAt));
        Assert.True(window.NotifySubscribers);
        Assert.Equal(starts, window.AnnouncedFor); // Statuspage told the subscribers; a later move or cancellation is told
        Assert.Equal("statuspage:sp1", window.CreatedBy);
        Assert.Equal(outboxBefore, (await OutboxAsync(kit, page.Id)).Count);

        var scheduler = kit.Get<MaintenanceScheduler>();
        kit.Clock.SetUtcNow(starts);
        await scheduler.RunDueTransitionsAsync(CancellationToken.None); // the reminder, then the start
        await scheduler.RunDueTransitionsAsync(CancellationToken.None);
        Assert.Equal(MaintenanceState.InProgress, (await Maintenance(kit).GetAsync(record.WindowId))!.State);
        Assert.Equal(ComponentStatus.UnderMaintenance, (await kit.Components.GetAsync(c[0].Id))!.Status);
        kit.Clock.SetUtcNow(starts.AddHours(1));
        await scheduler.RunDueTransitionsAsync(CancellationToken.None);

        Assert.Equal(MaintenanceState.Completed, (await Maintenance(kit).GetAsync(record.WindowId))!.State);
        Assert.Equal(ComponentStatus.Operational, (await kit.Components.GetAsync(c[0].Id))!.Status);
        var kinds = (await OutboxAsync(kit, page.Id)).Skip(outboxBefore).Select(n => n.Content.Kind).ToList();
        Assert.DoesNotContain(NotificationKind.MaintenanceScheduled, kinds);
        Assert.Contains(NotificationKind.MaintenanceStarted, kinds);
        Assert.Contains(NotificationKind.MaintenanceCompleted, kinds);
    }

    [Fact]
    public async Task Import_UpcomingMaintenanceNotNotifyingSubscribers_IsQuiet()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        await SubscribeAllAsync(kit, page.Id);
        var outboxBefore = (await OutboxAsync(kit, page.Id)).Count;
        var starts = kit.Clock.GetUtcNow().AddHours(2);

        var report = await Import(kit).ImportAsync(page.Id, [Upcoming("sp1", starts) with { NotifySubscribers = false }]);
        kit.Clock.SetUtcNow(starts.AddHours(1));
        await kit.Get<MaintenanceScheduler>().RunDueTransitionsAsync(CancellationToken.None);
        await kit.Get<MaintenanceScheduler>().RunDueTransitionsAsync(CancellationToken.None);

        var window = (await Maintenance(kit).GetAsync(Assert.Single(report.Imported).WindowId))!;
        Assert.False(window.NotifySubscribers);
        Assert.Null(window.AnnouncedFor);
        Assert.Equal(outboxBefore, (await OutboxAsync(kit, page.Id)).Count);
    }

    [Fact]
    public async Task Import_MaintenanceInProgressOnStatuspage_IsSkipped_AndChangesNothing()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var before = await DumpAsync(kit.Store);
        var planned = kit.Clock.GetUtcNow().AddMinutes(-30);

        var report = await Import(kit).ImportAsync(page.Id, [Upcoming("open1", planned) with { State = MaintenanceState.InProgress, ComponentNames = ["API"] }]);

        Assert.Empty(report.Imported);
        var skipped = Assert.Single(report.Skipped);
        Assert.Equal(("open1", "Database upgrade", MaintenanceImportSkipReason.InProgress), (skipped.StatuspageId, skipped.Name, skipped.Reason));
        Assert.Contains("Statuspage", skipped.Message, StringComparison.Ordinal);
        Assert.Equal(before, await DumpAsync(kit.Store));
    }

    [Fact]
    public async Task Import_ScheduledMaintenanceWhoseStartHasPassed_IsSkipped_AndChangesNothing()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var before = await DumpAsync(kit.Store);

        var report = await Import(kit).ImportAsync(page.Id, [Upcoming("late1", kit.Clock.GetUtcNow().AddMinutes(-1))]);

        Assert.Empty(report.Imported);
        Assert.Equal(("late1", MaintenanceImportSkipReason.StartPassed), (Assert.Single(report.Skipped).StatuspageId, report.Skipped[0].Reason));
        Assert.Equal(before, await DumpAsync(kit.Store));
    }

    [Fact]
    public async Task Import_SameMaintenancesTwice_AddsNothingTheSecondTime()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var now = kit.Clock.GetUtcNow();
        ImportedMaintenance[] document = [Completed("sp1", now.AddDays(-3)), Upcoming("sp2", now.AddDays(3))];
        var first = await Import(kit).ImportAsync(page.Id, document);
        kit.Clock.Advance(TimeSpan.FromHours(1));

        var second = await Import(kit).ImportAsync(page.Id, [.. document, Completed("sp1", now.AddDays(-3))]);

        Assert.Equal(2, first.Imported.Count);
        Assert.Empty(second.Imported);
        Assert.Equal(
            [("sp1", MaintenanceImportSkipReason.AlreadyImported), ("sp2", MaintenanceImportSkipReason.AlreadyImported), ("sp1", MaintenanceImportSkipReason.AlreadyImported)],
            second.Skipped.Select(s => (s.StatuspageId, s.Reason)));
        Assert.Equal(2, (await Maintenance(kit).ListAsync(page.Id)).Count);
    }

    [Fact]
    public async Task Import_AnUpcomingMaintenanceRescheduledOnStatuspageSince_IsStillAlreadyImported()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var starts = kit.Clock.GetUtcNow().AddDays(3);
        await Import(kit).ImportAsync(page.Id, [Upcoming("sp1", starts)]);

        var again = await Import(kit).ImportAsync(page.Id, [Upcoming("sp1", starts.AddDays(1))]);

        Assert.Equal(MaintenanceImportSkipReason.AlreadyImported, Assert.Single(again.Skipped).Reason);
        Assert.Single(await Maintenance(kit).ListAsync(page.Id));
    }

    [Fact]
    public async Task Import_SameMaintenancesTwiceAtOnce_RecordsEachOnce()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var now = kit.Clock.GetUtcNow();
        ImportedMaintenance[] document =
        [
            .. Enumerable.Range(0, 10).Select(i => Completed($"done{i}", now.AddDays(-20 + i))),
            .. Enumerable.Range(0, 10).Select(i => Upcoming($"next{i}", now.AddDays(1 + i))),
        ];

        var reports = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Import(kit).ImportAsync(page.Id, document))));

        Assert.Equal(20, reports.Sum(r => r.Imported.Count));
        Assert.Equal(60, reports.Sum(r => r.Skipped.Count(s => s.Reason == MaintenanceImportSkipReason.AlreadyImported)));
        Assert.Equal(20, (await Maintenance(kit).ListAsync(page.Id)).Count);
    }

    [Fact]
    public async Task Import_TheSameStatuspageIdOnAnotherPage_IsAnotherWindow()
    {
        await using var kit = Kit();
        var (one, _) = await kit.CreatePageAsync("One");
        var (two, _) = await kit.CreatePageAsync("Two");
        var maintenance = Completed("sp1", kit.Clock.GetUtcNow().AddDays(-3));

        var first = await Import(kit).ImportAsync(one.Id, [maintenance]);
        var second = await Import(kit).ImportAsync(two.Id, [maintenance]);

        Assert.NotEqual(Assert.Single(first.Imported).WindowId, Assert.Single(second.Imported).WindowId);
    }

    [Fact]
    public async Task Import_ComponentNameNotOnThePage_IsReported_NotCreated()
    {
        await using var kit = Kit();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var now = kit.Clock.GetUtcNow();

        var report = await Import(kit).ImportAsync(page.Id, [
            Completed("sp1", now.AddDays(-3)) with { ComponentNames = ["API", " Object store ", "CDN"] },
            Upcoming("sp2", now.AddDays(1)) with { ComponentNames = ["object STORE"] },
        ]);

        Assert.Equal(["Object store", "CDN"], report.UnknownComponents);
        Assert.Equal([c[0].Id], (await Maintenance(kit).GetAsync(report.Imported[0].WindowId))!.ComponentIds);
        Assert.Empty((await Maintenance(kit).GetAsync(report.Imported[1].WindowId))!.ComponentIds);
        Assert.Single(await kit.Components.ListAsync(page.Id));
    }

    public static TheoryData<string, string, Func<DateTimeOffset, ImportedMaintenance, ImportedMaintenance>> InvalidMaintenances => new()
    {
        { "completed: ended before it began", "endsAt", (now, m) => m with { CompletedAt = m.ScheduledFor.AddMinutes(-1) } },
        { "completed: ended in the future", "completedAt", (now, m) => m with { CompletedAt = now.AddMinutes(1) } },
        { "completed: before 1970", "startsAt", (now, m) => m with { StartedAt = DateTimeOffset.UnixEpoch.AddDays(-1) } },
        { "completed: empty title", "title", (now, m) => m with { Title = " " } },
        { "upcoming: ends before it starts", "endsAt", (now, m) => m with { State = MaintenanceState.Scheduled, ScheduledFor = now.AddDays(1), ScheduledUntil = now.AddHours(1) } },
        { "upcoming: empty title", "title", (now, m) => m with { State = MaintenanceState.Scheduled, ScheduledFor = now.AddDays(1), ScheduledUntil = now.AddDays(2), Title = "" } },
        { "created in the future", "createdAt", (now, m) => m with { CreatedAt = now.AddDays(1) } },
        { "cancelled", "state", (now, m) => m with { State = MaintenanceState.Cancelled } },
        { "completed: unknown time zone", "timeZoneId", (now, m) => m with { TimeZoneId = "Mars/Olympus" } },
        { "upcoming: unknown time zone", "timeZoneId", (now, m) => m with { State = MaintenanceState.Scheduled, ScheduledFor = now.AddDays(1), ScheduledUntil = now.AddDays(2), TimeZoneId = "Mars/Olympus" } },
    };

    [Theory]
    [MemberData(nameof(InvalidMaintenances))]
    public async Task Import_InvalidMaintenance_IsSkippedAsInvalidNamingTheField_AndTheOthersAreStillRecorded(
        string rule, string field, Func<DateTimeOffset, ImportedMaintenance, ImportedMaintenance> breakIt)
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var now = kit.Clock.GetUtcNow();

        var report = await Import(kit).ImportAsync(page.Id, [breakIt(now, Completed("bad", now.AddDays(-2))), Completed("good", now.AddDays(-1))]);

        var skipped = Assert.Single(report.Skipped);
        Assert.True(skipped is { StatuspageId: "bad", Reason: MaintenanceImportSkipReason.Invalid }, rule);
        Assert.StartsWith(field + ": ", skipped.Message, StringComparison.Ordinal);
        Assert.Equal("good", Assert.Single(report.Imported).StatuspageId);
    }

    [Fact]
    public async Task Import_UnknownPage_IsNotFound()
    {
        await using var kit = Kit();

        await Assert.ThrowsAsync<StatusKitNotFoundException>(() => Import(kit).ImportAsync(Guid.NewGuid(), [Completed("sp1", kit.Clock.GetUtcNow().AddDays(-1))]));
    }

    [Fact]
    public async Task Import_MaintenanceWithoutStatuspageId_RecordsNothing()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var planned = kit.Clock.GetUtcNow().AddDays(-1);

        await InvalidAsync(kit, "statuspageId", () => Import(kit).ImportAsync(page.Id, [Completed("sp1", planned), Completed(" ", planned)]));

        Assert.Empty(await Maintenance(kit).ListAsync(page.Id));
    }

    [Fact]
    public async Task Import_RefreshesThePageSnapshotOnce_WhichShowsTheUpcomingWindow()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var before = await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None);
        kit.Clock.Advance(TimeSpan.FromMinutes(5));
        var now = kit.Clock.GetUtcNow();
        var loads = kit.StoreControl.Calls("LoadPageContentAsync");

        var report = await Import(kit).ImportAsync(page.Id, [Completed("sp1", now.AddDays(-1)), Upcoming("sp2", now.AddDays(1)), Upcoming("sp3", now.AddDays(2))]);

        Assert.Equal(loads + 1, kit.StoreControl.Calls("LoadPageContentAsync"));
        var after = await kit.Reader.GetSnapshotAsync(page.Id, CancellationToken.None);
        Assert.NotEqual(before!.Version, after!.Version);
        Assert.Equal([report.Imported[1].WindowId, report.Imported[2].WindowId], after.UpcomingMaintenance.Select(m => m.WindowId));
    }

    [Fact]
    public async Task Import_Logs1030AtInformation_WithThePageAndItsCounts()
    {
        var logs = new ListLoggerProvider();
        await using var kit = new StatusKitHarness(services => services.AddLogging(b => b.AddProvider(logs)));
        var (page, _) = await kit.CreatePageAsync("Acme");
        var now = kit.Clock.GetUtcNow();

        await Import(kit).ImportAsync(page.Id, [Completed("sp1", now.AddDays(-2)) with { ComponentNames = ["CDN"] }, Upcoming("sp2", now.AddDays(-1))]);

        var logged = Assert.Single(logs.Entries, e => e.EventId.Id == 1030);
        Assert.Equal(("StatusKit.Services.MaintenanceImportService", LogLevel.Information), (logged.Category, logged.Level));
        Assert.Contains(page.Id.ToString(), logged.Message, StringComparison.Ordinal);
        Assert.Contains("Imported 1 Statuspage scheduled maintenances", logged.Message, StringComparison.Ordinal);
        Assert.Contains("1 skipped, 1 component names", logged.Message, StringComparison.Ordinal);
    }

    private static MaintenanceImportService Import(StatusKitHarness kit) => kit.Services.GetRequiredService<MaintenanceImportService>();

    private static MaintenanceService Maintenance(StatusKitHarness kit) => kit.Services.GetRequiredService<MaintenanceService>();

    private static Task SubscribeAllAsync(StatusKitHarness kit, Guid pageId) =>
        kit.Subscribers.SubscribeAsync(new Subscribe
        {
            PageId = pageId, Channel = SubscriberChannel.Email, Destination = "all@example.com", PreVerified = true, NotifyOn = NotificationEvents.All,
        });

    private static ImportedMaintenance Completed(string id, DateTimeOffset plannedStart) => new()
    {
        StatuspageId = id,
        Title = "Database upgrade",
        Description = "We will upgrade the database.",
        State = MaintenanceState.Completed,
        CreatedAt = plannedStart.AddDays(-2),
        ScheduledFor = plannedStart,
        ScheduledUntil = plannedStart.AddHours(1),
    };

    private static ImportedMaintenance Upcoming(string id, DateTimeOffset plannedStart) => Completed(id, plannedStart) with
    {
        State = MaintenanceState.Scheduled,
        CreatedAt = TestData.T0.AddDays(-10),
    };
}
