using Microsoft.Extensions.DependencyInjection;
using StatusKit.Audit;
using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.TestSupport;
using StatusKit.TestSupport.Fakes;

namespace StatusKit.Tests.Audit;

/// <summary>
/// What the maintenance scheduler does by itself (a window starting, ending, going on to its next occurrence, an
/// occurrence missed) is recorded as made by <c>system</c>, once per transition, whoever the accessor would name.
/// </summary>
public sealed class SchedulerAuditTests
{
    [Fact]
    public async Task AOneOffWindow_StartingAndEndingOnTime_IsRecordedOnceEach_AsSystems()
    {
        await using var kit = new StatusKitHarness(services => services.AddSingleton<IAuditActorAccessor>(new FixedAuditActor("alice")));
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var now = kit.Clock.GetUtcNow();
        var window = await kit.Get<MaintenanceService>().CreateAsync(new CreateMaintenanceWindow
        {
            PageId = page.Id, Title = "Upgrade", StartsAt = now.AddHours(1), EndsAt = now.AddHours(2), ComponentIds = [c[0].Id],
        });
        var scheduler = kit.Get<MaintenanceScheduler>();

        kit.Clock.SetUtcNow(now.AddHours(1));
        await scheduler.RunDueTransitionsAsync(CancellationToken.None);
        await scheduler.RunDueTransitionsAsync(CancellationToken.None);
        kit.Clock.SetUtcNow(now.AddHours(2));
        await scheduler.RunDueTransitionsAsync(CancellationToken.None);
        await scheduler.RunDueTransitionsAsync(CancellationToken.None);

        Assert.Equal(
            [
                ("system", "maintenance.completed", window.Id, "state"),
                ("system", "maintenance.started", window.Id, "state"),
                ("alice", "maintenance.created", window.Id, ""),
            ],
            await EntriesAsync(kit, page.Id, "maintenance."));
    }

    [Fact]
    public async Task ARecurringWindow_RecordsEachOccurrencesStartAndEnd()
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var now = kit.Clock.GetUtcNow();
        var window = await kit.Get<MaintenanceService>().CreateAsync(new CreateMaintenanceWindow
        {
            PageId = page.Id, Title = "Nightly", StartsAt = now.AddHours(1), EndsAt = now.AddHours(2), ComponentIds = [c[0].Id],
            Recurrence = "FREQ=DAILY",
        });
        var scheduler = kit.Get<MaintenanceScheduler>();

        foreach (var day in new[] { 0, 1 })
        {
            kit.Clock.SetUtcNow(now.AddDays(day).AddHours(1));
            await scheduler.RunDueTransitionsAsync(CancellationToken.None);
            kit.Clock.SetUtcNow(now.AddDays(day).AddHours(2));
            await scheduler.RunDueTransitionsAsync(CancellationToken.None);
        }

        // Each end moves the window on to its next occurrence: its start and end, both named.
        Assert.Equal(
            [
                ("system", "maintenance.completed", window.Id, "startsAt,endsAt,state"),
                ("system", "maintenance.started", window.Id, "state"),
                ("system", "maintenance.completed", window.Id, "startsAt,endsAt,state"),
                ("system", "maintenance.started", window.Id, "state"),
                ("system", "maintenance.created", window.Id, ""),
            ],
            await EntriesAsync(kit, page.Id, "maintenance."));
    }

    [Fact]
    public async Task AnOccurrenceThatEndedWhileTheHostWasDown_IsRecordedAsMissed()
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var now = kit.Clock.GetUtcNow();
        var window = await kit.Get<MaintenanceService>().CreateAsync(new CreateMaintenanceWindow
        {
            PageId = page.Id, Title = "Nightly", StartsAt = now.AddHours(1), EndsAt = now.AddHours(2), ComponentIds = [c[0].Id],
            Recurrence = "FREQ=DAILY",
        });

        kit.Clock.SetUtcNow(now.AddHours(3));
        await kit.Get<MaintenanceScheduler>().RunDueTransitionsAsync(CancellationToken.None);

        var missed = (await EntriesAsync(kit, page.Id, "maintenance."))[0];
        Assert.Equal(("system", "maintenance.missed", window.Id), (missed.Actor, missed.Action, missed.Target));
        Assert.Contains("endsAt", missed.Fields, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATransitionAnotherInstanceAppliedFirst_IsNotRecordedAgain()
    {
        await using var kit = new StatusKitHarness();
        var (page, c) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var now = kit.Clock.GetUtcNow();
        await kit.Get<MaintenanceService>().CreateAsync(new CreateMaintenanceWindow
        {
            PageId = page.Id, Title = "Upgrade", StartsAt = now.AddHours(1), EndsAt = now.AddHours(2), ComponentIds = [c[0].Id],
        });
        var scheduler = kit.Get<MaintenanceScheduler>();
        var raced = false;
        // A second host starts the window between this one's read and its compare-and-set.
        kit.StoreControl.Before = (method, args) =>
        {
            if (method != "TryUpdateMaintenanceWindowAsync" || raced)
            {
                return null;
            }

            raced = true;
            return kit.Store.TryUpdateMaintenanceWindowAsync((MaintenanceWindow)args[0]!, [], CancellationToken.None);
        };

        kit.Clock.SetUtcNow(now.AddHours(1));
        await scheduler.RunDueTransitionsAsync(CancellationToken.None);

        Assert.True(raced);
        Assert.Empty(await EntriesAsync(kit, page.Id, "maintenance.started"));
    }

    private static async Task<IReadOnlyList<(string Actor, string Action, Guid Target, string Fields)>> EntriesAsync(StatusKitHarness kit, Guid pageId, string prefix) =>
        [.. (await kit.Get<AuditLog>().ListAsync(pageId, limit: 200, actionPrefix: prefix)).Entries.Select(e => (e.Actor, e.Action, e.TargetId, string.Join(",", e.Fields)))];

}
