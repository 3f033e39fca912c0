using Microsoft.Extensions.DependencyInjection;
using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Services;
using StatusKit.Status;
using StatusKit.Testing;
using static StatusKit.Testing.MaintenanceSchedulerContractTests;

namespace StatusKit.Tests.Maintenance;

/// <summary>
/// One maintenance window, one notice per transition per subscriber: the window's own notices announce its start and
/// its end, and the components' change into and out of Under Maintenance that it caused is not told a second time as a
/// component change. Changes the window did not cause (an incident, an operator's status) are still told.
/// </summary>
public sealed class MaintenanceOneNoticeTests
{
    private static readonly DateTimeOffset T0 = TestData.T0;

    [Fact]
    public async Task AWindowFromStartToEnd_TellsEachSubscriberOncePerTransition()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, runLoop: false);
        var (page, component) = await host.CreatePageAsync(); // with a subscriber of every event
        var maintenanceOnly = await AddSubscriberAsync(host, page.Id, NotificationEvents.Maintenance, [component.Id]);
        var maintenanceAndResolved = await AddSubscriberAsync(host, page.Id, NotificationEvents.Maintenance | NotificationEvents.Resolved, []);
        await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2)));

        foreach (var at in new[] { T0, T0.AddHours(1), T0.AddHours(2) })
        {
            time.SetUtcNow(at);
            await host.Scheduler.RunDueTransitionsAsync(CancellationToken.None); // reminder, started, completed
        }

        var rows = await OutboxAsync(host, page.Id);
        Assert.Equal(ComponentStatus.Operational, await host.StatusOfAsync(component.Id));
        Assert.Equal(2, (await host.HistoryAsync(page.Id, component.Id)).Count); // into maintenance and back
        Assert.DoesNotContain(rows, r => r.Content.Kind == NotificationKind.ComponentStatusChanged);
        Assert.Equal(3, rows.Select(r => r.SubscriberId).Distinct().Count());
        foreach (var perSubscriber in rows.GroupBy(r => r.SubscriberId))
        {
            Assert.Equal(
                [NotificationKind.MaintenanceReminder, NotificationKind.MaintenanceStarted, NotificationKind.MaintenanceCompleted],
                perSubscriber.Select(r => r.Content.Kind));
        }

        Assert.Contains(rows, r => r.SubscriberId == maintenanceOnly.Id);
        Assert.Contains(rows, r => r.SubscriberId == maintenanceAndResolved.Id);
    }

    [Fact]
    public async Task AWindowThatDoesNotNotify_TellsNobody_NeitherOfItselfNorOfItsComponents()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2)) with { NotifySubscribers = false });

        time.SetUtcNow(T0.AddHours(1));
        await host.Scheduler.RunDueTransitionsAsync(CancellationToken.None);
        var underMaintenance = await host.StatusOfAsync(component.Id);
        time.SetUtcNow(T0.AddHours(2));
        await host.Scheduler.RunDueTransitionsAsync(CancellationToken.None);

        Assert.Equal(ComponentStatus.UnderMaintenance, underMaintenance);
        Assert.Equal(ComponentStatus.Operational, await host.StatusOfAsync(component.Id));
        Assert.Empty(await OutboxAsync(host, page.Id));
    }

    [Theory]
    [InlineData("complete now")]
    [InlineData("cancel")]
    [InlineData("delete")]
    public async Task AWindowTakenOffWhileInProgress_TellsItsEndOnce(string how)
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var window = await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(2), T0.AddHours(3)));
        await host.Maintenance.StartNowAsync(window.Id);
        time.Advance(TimeSpan.FromMinutes(30));

        _ = how switch
        {
            "complete now" => await host.Maintenance.CompleteNowAsync(window.Id),
            "cancel" => await host.Maintenance.CancelAsync(window.Id),
            _ => await host.Maintenance.DeleteAsync(window.Id) ? window : null,
        };

        var rows = await OutboxAsync(host, page.Id);
        Assert.Equal(ComponentStatus.Operational, await host.StatusOfAsync(component.Id));
        Assert.DoesNotContain(rows, r => r.Content.Kind == NotificationKind.ComponentStatusChanged);
        Assert.Single(rows, r => r.Content.Kind == NotificationKind.MaintenanceStarted);
        Assert.Single(rows, r => r.Content.Kind == NotificationKind.MaintenanceCompleted);
    }

    [Fact]
    public async Task AnIncidentOpenWhenTheWindowEnds_IsToldAsAnOutage()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, runLoop: false);
        var (page, component) = await host.CreatePageAsync(teamId: "team-a");
        var outageOnly = await AddSubscriberAsync(host, page.Id, NotificationEvents.Outage, [component.Id]);
        await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2)));
        time.SetUtcNow(T0.AddHours(1));
        await host.Scheduler.RunDueTransitionsAsync(CancellationToken.None);

        // The incident is stored, but its own recompute has not run yet when the window ends: the end's recompute
        // moves the component from Under Maintenance to the incident's outage.
        time.SetUtcNow(T0.AddHours(2));
        await host.Store.ApplySignalAsync(TestData.Signal(version: 1) with { OccurredAt = time.GetUtcNow() }, CancellationToken.None);
        await host.Scheduler.RunDueTransitionsAsync(CancellationToken.None);

        var changes = (await OutboxAsync(host, page.Id)).Where(r => r.Content.Kind == NotificationKind.ComponentStatusChanged).ToList();
        Assert.Equal(ComponentStatus.PartialOutage, await host.StatusOfAsync(component.Id));
        var told = Assert.Single(changes, r => r.SubscriberId == outageOnly.Id);
        Assert.Equal((NotificationEvents.Outage, ComponentStatus.UnderMaintenance, ComponentStatus.PartialOutage), (told.Content.Event, told.Content.OldStatus, told.Content.NewStatus));
        Assert.All(changes, r => Assert.Equal(ComponentStatus.PartialOutage, r.Content.NewStatus));
    }

    [Fact]
    public async Task AComponentAddedToAWindowInProgress_IsToldAsAComponentChange()
    {
        // The window's started notice went out before the component was in it: its subscribers hear of it this way.
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, runLoop: false);
        var (page, api) = await host.CreatePageAsync();
        var web = await host.Services.GetRequiredService<ComponentService>().CreateAsync(new CreateComponent { PageId = page.Id, Name = "Web" });
        var window = await host.Maintenance.CreateAsync(Window(page.Id, api.Id, T0.AddHours(2), T0.AddHours(3)));
        await host.Maintenance.StartNowAsync(window.Id);
        time.Advance(TimeSpan.FromMinutes(10));

        await host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { ComponentIds = [api.Id, web.Id] });

        var changes = await ComponentChangesAsync(host, page.Id);
        Assert.Equal(ComponentStatus.UnderMaintenance, await host.StatusOfAsync(web.Id));
        Assert.Equal([web.Id], changes.Select(r => r.Content.ComponentId!.Value).Distinct());
        Assert.All(changes, r => Assert.Equal(NotificationEvents.Maintenance, r.Content.Event));
    }

    [Fact]
    public async Task AnOperatorsUnderMaintenanceStatus_IsStillToldAsAComponentChange()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var components = host.Services.GetRequiredService<ComponentService>();

        await components.SetManualStatusAsync(component.Id, ComponentStatus.UnderMaintenance);
        var set = await ComponentChangesAsync(host, page.Id);
        time.Advance(TimeSpan.FromMinutes(1));
        await components.ClearManualStatusAsync(component.Id);
        var cleared = await ComponentChangesAsync(host, page.Id); // merged into the pending row (debounce)

        Assert.Equal([(NotificationEvents.Maintenance, ComponentStatus.UnderMaintenance)], set.Select(r => (r.Content.Event, r.Content.NewStatus!.Value)));
        Assert.Equal([(NotificationEvents.Resolved, ComponentStatus.Operational)], cleared.Select(r => (r.Content.Event, r.Content.NewStatus!.Value)));
    }

    [Fact]
    public async Task AutoUpdateSwitchedOffAndOnAgainWhileInProgress_IsToldAsAComponentChangeEachTime()
    {
        // No notice of the window tells these changes, so the mark its start left does not cover them.
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var window = await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(2), T0.AddHours(3)));
        await host.Maintenance.StartNowAsync(window.Id);
        time.Advance(TimeSpan.FromMinutes(10));

        await host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { AutoUpdateStatus = false });
        var off = await ComponentChangesAsync(host, page.Id);
        time.Advance(TimeSpan.FromMinutes(10));
        await host.Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { AutoUpdateStatus = true });
        var on = await ComponentChangesAsync(host, page.Id);

        Assert.Equal([ComponentStatus.Operational], off.Select(r => r.Content.NewStatus!.Value));
        Assert.Equal([ComponentStatus.UnderMaintenance], on.Select(r => r.Content.NewStatus!.Value)); // merged into the pending row
        Assert.Equal(ComponentStatus.UnderMaintenance, await host.StatusOfAsync(component.Id));
    }

    [Fact]
    public async Task AnOperatorsUnderMaintenanceStatusClearedWellAfterAWindowEnded_IsStillToldAsAComponentChange()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var components = host.Services.GetRequiredService<ComponentService>();
        await components.SetManualStatusAsync(component.Id, ComponentStatus.UnderMaintenance);
        await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2)));
        foreach (var at in new[] { T0.AddHours(1), T0.AddHours(2) })
        {
            time.SetUtcNow(at);
            await host.Scheduler.RunDueTransitionsAsync(CancellationToken.None);
        }

        time.SetUtcNow(T0.AddHours(2) + StatusSwitches.RecentEnd + TimeSpan.FromMinutes(1));
        await components.ClearManualStatusAsync(component.Id);

        var changes = await ComponentChangesAsync(host, page.Id);
        Assert.Equal(ComponentStatus.Operational, await host.StatusOfAsync(component.Id));
        Assert.Equal([ComponentStatus.Operational], changes.Select(r => r.Content.NewStatus!.Value)); // merged into the pending row
    }

    private static async Task<Subscriber> AddSubscriberAsync(MaintenanceHost host, Guid pageId, NotificationEvents notifyOn, IReadOnlyList<Guid> componentIds)
    {
        var subscriber = TestData.Subscriber(pageId) with { ComponentIds = componentIds, NotifyOn = notifyOn, CreatedAt = host.Time.GetUtcNow() };
        await host.Store.AddSubscriberAsync(subscriber, [], CancellationToken.None);
        return subscriber;
    }

    private static async Task<List<Notification>> ComponentChangesAsync(MaintenanceHost host, Guid pageId) =>
        [.. (await OutboxAsync(host, pageId)).Where(r => r.Content.Kind == NotificationKind.ComponentStatusChanged)];

    private static async Task<List<Notification>> OutboxAsync(MaintenanceHost host, Guid pageId) =>
        [.. (await host.Store.ListNotificationsAsync(new NotificationQuery { PageId = pageId, Take = 1000 }, CancellationToken.None))
            .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)];
}
