using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Testing;
using static StatusKit.Testing.MaintenanceSchedulerContractTests;

namespace StatusKit.Tests.Maintenance;

/// <summary>
/// Who hears of a maintenance window: the subscribers whose <see cref="Subscriber.NotifyOn"/> has the maintenance event
/// and whose components meet the window's, for every notice of its life.
/// </summary>
public sealed class MaintenanceNoticeRecipientsTests
{
    private static readonly DateTimeOffset T0 = TestData.T0;

    [Fact]
    public async Task Notices_SubscriberWithoutTheMaintenanceEvent_GetsNoneOfAWindowsLife()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, runLoop: false);
        var (page, component) = await host.CreatePageAsync(); // with a subscriber of every event
        var outagesOnly = TestData.Subscriber(page.Id) with { ComponentIds = [], NotifyOn = NotificationEvents.Outage | NotificationEvents.Resolved };
        var maintenanceOnly = TestData.Subscriber(page.Id) with { ComponentIds = [component.Id], NotifyOn = NotificationEvents.Maintenance };
        await host.Store.AddSubscriberAsync(outagesOnly, [], CancellationToken.None);
        await host.Store.AddSubscriberAsync(maintenanceOnly, [], CancellationToken.None);
        var lived = await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2)));
        var cancelled = await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2)));

        await host.Scheduler.RunDueTransitionsAsync(CancellationToken.None); // both reminders, due at once

        await host.Maintenance.CancelAsync(cancelled.Id);
        foreach (var at in new[] { T0.AddHours(1), T0.AddHours(2) })
        {
            time.SetUtcNow(at);
            await host.Scheduler.RunDueTransitionsAsync(CancellationToken.None); // started, completed
        }

        foreach (var kind in new[]
                 {
                     NotificationKind.MaintenanceReminder, NotificationKind.MaintenanceStarted,
                     NotificationKind.MaintenanceCompleted, NotificationKind.MaintenanceCancelled,
                 })
        {
            var notices = await host.NoticesAsync(page.Id, kind);
            Assert.NotEmpty(notices);
            Assert.DoesNotContain(notices, n => n.SubscriberId == outagesOnly.Id);
            Assert.Contains(notices, n => n.SubscriberId == maintenanceOnly.Id);
        }

        Assert.Equal(2, (await host.NoticesAsync(page.Id, NotificationKind.MaintenanceReminder)).Count(n => n.SubscriberId == maintenanceOnly.Id));
        Assert.Equal(lived.Id, (await host.NoticesAsync(page.Id, NotificationKind.MaintenanceStarted))[0].Content.MaintenanceWindowId);
    }
}
