using Microsoft.Extensions.DependencyInjection;
using StatusKit.Abstractions;
using StatusKit.InMemory;
using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Services;
using StatusKit.Testing;
using StatusKit.TestSupport.Fakes;
using static StatusKit.Testing.MaintenanceSchedulerContractTests;

namespace StatusKit.Tests.Maintenance;

/// <summary>
/// Scheduling a window tells its subscribers at once (<see cref="MaintenanceOptions.NotifyWhenScheduled"/>, on by
/// default), in the same write as the window; they are reminded before it as usual, and hear of a later move or
/// cancellation. Reminder lead time: 60 minutes.
/// </summary>
public sealed class MaintenanceScheduledNoticeTests
{
    private static readonly DateTimeOffset T0 = TestData.T0;

    [Fact]
    public async Task Create_ByDefault_TellsTheSubscribersItIsScheduled_InTheSameWriteAsTheWindow()
    {
        // An outbox that refuses separate writes stands for a host that dies between the window and its notice.
        var time = new ManualTimeProvider(T0);
        var (store, control) = InterceptingStatusStore.Wrap(new InMemoryStatusStore());
        await using var host = await MaintenanceHost.StartAsync(time, store, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        control.Before = (method, _) => method == nameof(IStatusStore.EnqueueNotificationsAsync)
            ? throw new InvalidOperationException("a separate outbox write")
            : null;

        var window = await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddDays(2), T0.AddDays(2).AddHours(1)));

        var notice = Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceScheduled));
        Assert.Equal($"[{page.Name}] Maintenance scheduled: {window.Title}", notice.Content.Subject);
        Assert.EndsWith(PageClock.Range(T0.AddDays(2), T0.AddDays(2).AddHours(1), page.TimeZoneId), notice.Content.Body, StringComparison.Ordinal);
        Assert.Equal((window.Id, T0), (notice.Content.MaintenanceWindowId!.Value, notice.Content.OccurredAt));
        Assert.Equal(T0.AddDays(2), window.AnnouncedFor);
        Assert.Equal(0, control.Calls(nameof(IStatusStore.EnqueueNotificationsAsync)));
    }

    [Fact]
    public async Task Notices_NameTheWindowsComponentsBeforeItsTimes_LeavingOutOnesDeletedSince()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var components = host.Services.GetRequiredService<ComponentService>();
        var database = await components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "Database" });
        var cache = await components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "Cache" });
        var window = await host.Maintenance.CreateAsync(
            Window(page.Id, component.Id, T0.AddDays(2), T0.AddDays(2).AddHours(1)) with { ComponentIds = [database.Id, cache.Id, component.Id] });

        await components.DeleteAsync(cache.Id);
        await host.Maintenance.CancelAsync(window.Id);

        var times = PageClock.Range(T0.AddDays(2), T0.AddDays(2).AddHours(1), page.TimeZoneId);
        var scheduled = Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceScheduled));
        Assert.Equal($"{window.Description}\n\nAffected components: {component.Name}, Database, Cache\n\n{times}", scheduled.Content.Body);
        var cancelled = Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceCancelled));
        Assert.Contains($"Affected components: {component.Name}, Database\n\nCancelled:", cancelled.Content.Body, StringComparison.Ordinal);
        Assert.Equal(
            [new NotificationComponent(component.Id, component.Name), new NotificationComponent(database.Id, "Database"), new NotificationComponent(cache.Id, "Cache")],
            scheduled.Content.AffectedComponents);
        Assert.Equal([new NotificationComponent(component.Id, component.Name), new NotificationComponent(database.Id, "Database")], cancelled.Content.AffectedComponents);
    }

    [Fact]
    public async Task Create_OptionOffOrWindowWithoutNotices_TellsNobody()
    {
        var time = new ManualTimeProvider(T0);
        await using var off = await MaintenanceHost.StartAsync(time, configure: o => o.NotifyWhenScheduled = false, runLoop: false);
        await using var on = await MaintenanceHost.StartAsync(time, runLoop: false);
        var (offPage, offComponent) = await off.CreatePageAsync();
        var (onPage, onComponent) = await on.CreatePageAsync();

        var unannounced = await off.Maintenance.CreateAsync(Window(offPage.Id, offComponent.Id, T0.AddDays(2), T0.AddDays(2).AddHours(1)));
        await on.Maintenance.CreateAsync(Window(onPage.Id, onComponent.Id, T0.AddDays(2), T0.AddDays(2).AddHours(1)) with { NotifySubscribers = false });

        Assert.Empty(await off.NoticesAsync(offPage.Id, NotificationKind.MaintenanceScheduled));
        Assert.Empty(await on.NoticesAsync(onPage.Id, NotificationKind.MaintenanceScheduled));
        Assert.Null(unannounced.AnnouncedFor);
    }

    [Fact]
    public async Task Create_StartingFurtherAwayThanTheLeadTime_IsRemindedOfAtTheUsualTime()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(5), T0.AddHours(6)));

        time.SetUtcNow(T0.AddHours(4));
        await host.Scheduler.RunDueTransitionsAsync(CancellationToken.None);

        Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceScheduled));
        Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceReminder));
    }

    [Fact]
    public async Task Create_StartingWithinTheLeadTime_IsAnnouncedByItsReminderAlone()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, runLoop: false);
        var (page, component) = await host.CreatePageAsync();

        var window = await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddMinutes(30), T0.AddMinutes(90)));
        await host.Scheduler.RunDueTransitionsAsync(CancellationToken.None);

        Assert.Null(window.AnnouncedFor);
        Assert.Empty(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceScheduled));
        Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceReminder));
    }

    [Fact]
    public async Task Create_RemindersOff_TellsTheSubscribersOfAWindowStartingSoon()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, configure: o => o.ReminderLeadTime = TimeSpan.Zero, runLoop: false);
        var (page, component) = await host.CreatePageAsync();

        await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddMinutes(5), T0.AddMinutes(65)));

        Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceScheduled));
    }

    [Fact]
    public async Task Create_OccurrenceAlreadyDue_SendsNoScheduledNotice_OnlyTheStart()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, runLoop: false);
        var (page, component) = await host.CreatePageAsync();

        await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddMinutes(-5), T0.AddHours(1)));
        await host.Scheduler.RunDueTransitionsAsync(CancellationToken.None);

        Assert.Empty(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceScheduled));
        Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceStarted));
    }

    [Fact]
    public async Task CancelOrUpdate_AfterTheScheduledNotice_BeforeTheReminder_TellsTheSubscribers()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var cancelled = await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddDays(2), T0.AddDays(2).AddHours(1)));
        var moved = await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddDays(2), T0.AddDays(2).AddHours(1)));

        await host.Maintenance.CancelAsync(cancelled.Id);
        await host.Maintenance.UpdateAsync(moved.Id, new UpdateMaintenanceWindow { StartsAt = T0.AddDays(3), EndsAt = T0.AddDays(3).AddHours(1) });

        Assert.Equal(cancelled.Id, Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceCancelled)).Content.MaintenanceWindowId);
        var rescheduled = Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceRescheduled));
        Assert.Equal((T0.AddDays(2), T0.AddDays(3)), (rescheduled.Content.PreviousOccurrenceStartsAt!.Value, rescheduled.Content.OccurrenceStartsAt!.Value));
    }

    [Fact]
    public async Task Create_SubscriberWithoutTheMaintenanceEvent_IsNotTold()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await MaintenanceHost.StartAsync(time, runLoop: false);
        var (page, component) = await host.CreatePageAsync();
        var outagesOnly = TestData.Subscriber(page.Id) with { ComponentIds = [], NotifyOn = NotificationEvents.Outage };
        await host.Store.AddSubscriberAsync(outagesOnly, [], CancellationToken.None);

        await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddDays(2), T0.AddDays(2).AddHours(1)));

        Assert.DoesNotContain(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceScheduled), n => n.SubscriberId == outagesOnly.Id);
    }
}
