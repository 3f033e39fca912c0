using StatusKit.Testing;
using StatusKit.Abstractions;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using StatusKit.EntityFrameworkCore.Configuration;
using StatusKit.EntityFrameworkCore.Entities;
using StatusKit.EntityFrameworkCore.Tests.Infrastructure;
using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Services;
using StatusKit.Status;
using StatusKit.TestSupport.Fakes;
using Xunit.Abstractions;

namespace StatusKit.EntityFrameworkCore.Tests.MultiInstance;

/// <summary>
/// Issue 6, "Tests on a real PostgreSQL": two complete hosts over one PostgreSQL database, each with its own
/// maintenance scheduler and notification dispatcher, driven concurrently on one manual clock, apply every maintenance
/// transition once and deliver every notification once.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class TwoHostsOnOnePostgreSqlDatabaseTests(PostgreSqlCluster cluster, ITestOutputHelper output)
{
    private const int ComponentsPerGroup = 20;
    private const int OneOffWindows = 190;
    private const int RecurringWindows = 10;
    private const int OccurrencesPerRecurringWindow = 6;
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(5);
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Two_hosts_apply_every_transition_of_200_windows_once_and_deliver_every_notification_once()
    {
        // Arrange: one database, two hosts sharing one clock and one recording notifier.
        var stopwatch = Stopwatch.StartNew();
        var database = await PostgreSqlTestDatabase.CreateAsync(cluster, nameof(TwoHostsOnOnePostgreSqlDatabaseTests));
        var clock = new ManualTimeProvider(Start);
        var notifier = new RecordingNotifier(SubscriberChannel.Email);
        var logs = new ListLoggerProvider();
        await using var hostA = new PostgreSqlHost(database.ConnectionString, clock, notifier, logs);
        await using var hostB = new PostgreSqlHost(database.ConnectionString, clock, notifier, logs);
        Assert.NotEqual(hostA.Dispatcher.LeaseOwner, hostB.Dispatcher.LeaseOwner);

        var page = await hostA.Pages.CreateAsync(new CreateStatusPage { Name = "Multi instance" });
        var oneOffComponents = new List<Component>();
        var recurringComponents = new List<Component>();
        for (var i = 0; i < ComponentsPerGroup; i++)
        {
            oneOffComponents.Add(await hostA.Components.CreateAsync(new CreateComponent { PageId = page.Id, Name = $"API {i:00}" }));
            recurringComponents.Add(await hostB.Components.CreateAsync(new CreateComponent { PageId = page.Id, Name = $"Batch {i:00}" }));
        }

        // Both hear the maintenance started/completed notices, which tell them of the components' change to Under
        // Maintenance and back (no component notice repeats them): "notices", subscribed through host A, to every event
        // (no window ever degrades a component); "ops", through host B, to maintenance and resolutions. A subscriber
        // without the maintenance event would hear none.
        var notices = (await hostA.Subscribers.SubscribeAsync(new Subscribe
        {
            PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "notices@example.com", NotifyOn = NotificationEvents.All, PreVerified = true,
        })).Subscriber;
        var ops = (await hostB.Subscribers.SubscribeAsync(new Subscribe
        {
            PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "ops@example.com",
            NotifyOn = NotificationEvents.Maintenance | NotificationEvents.Resolved, PreVerified = true,
        })).Subscriber;

        // 190 one-off windows, in groups of 20 that start together every hour (one component each), and 10 recurring
        // windows (two components each, every two hours, six times; half of them on Berlin's wall clock).
        var expected = new List<(MaintenanceWindow Window, List<(DateTimeOffset StartsAt, DateTimeOffset EndsAt)> Occurrences)>();
        for (var k = 0; k < OneOffWindows; k++)
        {
            var startsAt = Start + TimeSpan.FromMinutes(30 + (60 * (k / ComponentsPerGroup)));
            var host = k % 2 == 0 ? hostA : hostB;
            var window = await host.Maintenance.CreateAsync(new CreateMaintenanceWindow
            {
                PageId = page.Id,
                Title = $"One-off {k:000}",
                StartsAt = startsAt,
                EndsAt = startsAt.AddMinutes(30),
                ComponentIds = [oneOffComponents[k % ComponentsPerGroup].Id],
            });
            expected.Add((window, [(startsAt, startsAt.AddMinutes(30))]));
        }

        for (var j = 0; j < RecurringWindows; j++)
        {
            var startsAt = Start + TimeSpan.FromMinutes(45);
            var window = await hostB.Maintenance.CreateAsync(new CreateMaintenanceWindow
            {
                PageId = page.Id,
                Title = $"Recurring {j:00}",
                StartsAt = startsAt,
                EndsAt = startsAt.AddMinutes(20),
                TimeZoneId = j % 2 == 0 ? "UTC" : "Europe/Berlin",
                Recurrence = $"FREQ=HOURLY;INTERVAL=2;COUNT={OccurrencesPerRecurringWindow}",
                ComponentIds = [recurringComponents[2 * j].Id, recurringComponents[(2 * j) + 1].Id],
            });
            expected.Add((window, [.. Enumerable.Range(0, OccurrencesPerRecurringWindow)
                .Select(n => (startsAt.AddHours(2 * n), startsAt.AddHours(2 * n).AddMinutes(20)))]));
        }

        var lastEnd = expected.SelectMany(e => e.Occurrences).Max(o => o.EndsAt);
        output.WriteLine($"Arranged in {stopwatch.Elapsed.TotalSeconds:F1} s");

        // Act: both hosts run their scheduler and dispatcher passes at the same time, every five minutes of the clock,
        // until every window is over, then until the outbox is drained.
        var transitionsApplied = new PassCounts(0, 0);
        var rowsProcessed = new PassCounts(0, 0);
        for (var pass = 0; pass < 1_000; pass++)
        {
            var windDown = clock.GetUtcNow() >= lastEnd + TimeSpan.FromMinutes(30);
            if (!windDown)
            {
                clock.Advance(Step);
            }

            var (transitions, processed) = await RunPassesAsync(hostA, hostB);
            transitionsApplied = new PassCounts(transitionsApplied.A + transitions.A, transitionsApplied.B + transitions.B);
            rowsProcessed = new PassCounts(rowsProcessed.A + processed.A, rowsProcessed.B + processed.B);
            if (windDown && transitions.Total == 0 && processed.Total == 0)
            {
                break;
            }
        }

        output.WriteLine($"Ran in {stopwatch.Elapsed.TotalSeconds:F1} s: transitions {transitionsApplied}, rows processed {rowsProcessed}");
        foreach (var entry in logs.Entries.Where(e => e.Level >= LogLevel.Warning))
        {
            output.WriteLine($"{entry.Level} {entry.EventId.Id} {entry.Category}: {entry.Message}");
        }

        // Assert, from the database.
        var store = hostA.Store;
        var occurrenceCount = expected.Sum(e => e.Occurrences.Count);
        Assert.Equal(250, occurrenceCount);
        Assert.Equal(2 * occurrenceCount, transitionsApplied.Total);

        // Every window ended Completed.
        var windows = await store.ListMaintenanceWindowsAsync(page.Id, new MaintenanceWindowQuery { Take = OneOffWindows + RecurringWindows + 1 }, CancellationToken.None);
        Assert.Equal(OneOffWindows + RecurringWindows, windows.Count);
        Assert.All(windows, w => Assert.Equal(MaintenanceState.Completed, w.State));

        // Exactly one start change and one end change per covered component per occurrence, at the occurrence's times.
        var history = await store.ListStatusHistoryAsync(page.Id, Start.AddYears(-1), CancellationToken.None);
        var expectedHistory = expected
            .SelectMany(e => e.Window.ComponentIds.SelectMany(componentId => e.Occurrences.SelectMany(o => new[]
            {
                (componentId, ComponentStatus.Operational, ComponentStatus.UnderMaintenance, o.StartsAt),
                (componentId, ComponentStatus.UnderMaintenance, ComponentStatus.Operational, o.EndsAt),
            })))
            .OrderBy(h => h.componentId).ThenBy(h => h.Item4).ToList();
        var actualHistory = history
            .Select(h => (h.ComponentId, h.OldStatus, h.NewStatus, h.At))
            .OrderBy(h => h.ComponentId).ThenBy(h => h.At).ToList();
        Assert.Equal(2 * 310, expectedHistory.Count);
        Assert.Equal(expectedHistory, actualHistory);
        await AssertEveryComponentsHistoryIsOneChainAsync(database, page.Id);

        // The outbox: 0 lost, 0 stuck, nothing superseded or dead-lettered.
        var rows = await store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id, Take = 100_000 }, CancellationToken.None);
        Assert.DoesNotContain(rows, r => r.State == NotificationState.Pending);
        Assert.DoesNotContain(rows, r => r.LeaseOwner is not null || r.LeaseExpiresAt is not null);
        Assert.All(rows, r => Assert.Equal(NotificationState.Delivered, r.State));
        Assert.All(rows, r => Assert.Equal(1, r.Attempts));

        // Exactly one started and one completed notice per subscriber per occurrence.
        var maintenanceNotices = rows.Where(r => r.Content.Kind is NotificationKind.MaintenanceStarted or NotificationKind.MaintenanceCompleted).ToList();
        Assert.Equal(occurrenceCount * 2 * 2, maintenanceNotices.Count);
        foreach (var (window, occurrences) in expected)
        {
            foreach (var subscriber in new[] { notices, ops })
            {
                foreach (var kind in new[] { NotificationKind.MaintenanceStarted, NotificationKind.MaintenanceCompleted })
                {
                    var sent = maintenanceNotices.Where(r => r.SubscriberId == subscriber.Id && r.Content.MaintenanceWindowId == window.Id && r.Content.Kind == kind).ToList();
                    Assert.True(
                        sent.Count == occurrences.Count,
                        $"{window.Title}: {subscriber.Destination} got {sent.Count} {kind} notices, expected {occurrences.Count}");
                    Assert.Equal(occurrences.Count, sent.Select(r => r.DeduplicationKey).Distinct(StringComparer.Ordinal).Count());
                }
            }
        }

        // The windows' notices told each subscriber of every covered component's change to Under Maintenance and back:
        // no component notice says it a second time.
        Assert.DoesNotContain(rows, r => r.Content.Kind == NotificationKind.ComponentStatusChanged);

        // The notifier shared by both hosts saw each notification exactly once, and only those of the outbox.
        var delivered = notifier.Delivered.Select(m => m.NotificationId).ToList();
        Assert.Equal(notifier.Attempts.Count, delivered.Count);
        var twice = delivered.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"{twice.Count} notifications were delivered more than once");
        Assert.Equal(rows.Select(r => r.Id).Order(), delivered.Order());
        Assert.Equal(2240 - (2 * expectedHistory.Count), delivered.Count);

        // Both hosts took part in both jobs, and nothing failed along the way.
        Assert.True(transitionsApplied is { A: > 0, B: > 0 }, $"transitions {transitionsApplied}");
        Assert.True(rowsProcessed is { A: > 0, B: > 0 }, $"rows processed {rowsProcessed}");
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
        output.WriteLine($"Done in {stopwatch.Elapsed.TotalSeconds:F1} s");
    }

    private static async Task<(PassCounts Transitions, PassCounts Processed)> RunPassesAsync(PostgreSqlHost a, PostgreSqlHost b)
    {
        var schedulerA = a.Scheduler.RunDueTransitionsAsync(CancellationToken.None);
        var schedulerB = b.Scheduler.RunDueTransitionsAsync(CancellationToken.None);
        var dispatcherA = a.Dispatcher.RunOnceAsync(CancellationToken.None);
        var dispatcherB = b.Dispatcher.RunOnceAsync(CancellationToken.None);
        await Task.WhenAll(schedulerA, schedulerB, dispatcherA, dispatcherB);
        return (new PassCounts(await schedulerA, await schedulerB), new PassCounts(await dispatcherA, await dispatcherB));
    }

    private sealed record PassCounts(int A, int B)
    {
        public int Total => A + B;
    }

    /// <summary>
    /// The store-internal history chain (what "the latest entry before a time" reads) survived two hosts committing at
    /// once: from each component's newest row, the previous-row links visit every one of its rows exactly once.
    /// </summary>
    private static async Task AssertEveryComponentsHistoryIsOneChainAsync(PostgreSqlTestDatabase database, Guid pageId)
    {
        await using var context = database.CreateContext();
        var links = await context.Set<StatusHistoryEntity>()
            .Where(h => h.PageId == pageId)
            .Select(h => new { h.Id, h.ComponentId, Previous = EF.Property<Guid?>(h, HistoryChain.PreviousId) })
            .ToDictionaryAsync(h => h.Id);
        var heads = await context.Set<ComponentEntity>()
            .Where(c => c.PageId == pageId)
            .Select(c => new { c.Id, Head = EF.Property<Guid?>(c, HistoryChain.LastHistoryId) })
            .ToListAsync();
        foreach (var component in heads)
        {
            var walked = new List<Guid>();
            for (var id = component.Head; id is { } current && walked.Count <= links.Count; id = links[current].Previous)
            {
                Assert.Equal(component.Id, links[current].ComponentId);
                walked.Add(current);
            }

            Assert.Equal(links.Values.Where(l => l.ComponentId == component.Id).Select(l => l.Id).Order(), walked.Order());
        }
    }
}
