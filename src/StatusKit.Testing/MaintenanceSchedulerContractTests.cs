using StatusKit.Abstractions;
using StatusKit.InMemory;
using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Status;

// The facts are public for xunit, not for callers; each fact's name is its specification, so facts carry no XML doc.
#pragma warning disable CS1591
namespace StatusKit.Testing;

/// <summary>
/// The behaviour every <see cref="IMaintenanceScheduler"/> must have, driven only through the port
/// (<see cref="IMaintenanceScheduler.RunDueTransitionsAsync"/> is what an external timer such as a Quartz.NET job or a
/// Hangfire recurring job calls). A replacement derives from this class and supplies its host (usually
/// <see cref="MaintenanceSchedulerTestHost.StartAsync"/> with the replacement registered); no fact can be skipped.
/// </summary>
/// <remarks>
/// Each fact runs over a fresh store from <see cref="CreateStoreAsync"/> (by default an <see cref="InMemoryStatusStore"/>;
/// a store of your own, or a database that several hosts share, overrides it); the hosts of one fact share its store
/// and its clock, as the instances of one deployment share a database. xUnit creates one instance of the class per fact.
/// </remarks>
public abstract class MaintenanceSchedulerContractTests : StoreContract
{
    /// <summary>The instant every fact starts from (<see cref="TestData.T0"/>).</summary>
    protected static readonly DateTimeOffset T0 = TestData.T0;

    /// <summary>
    /// A new host whose <see cref="MaintenanceSchedulerTestHost.Port"/> is the scheduler under test, over
    /// <paramref name="store"/> (or another instance of your store over the same data, as a second process has) and
    /// reading <paramref name="time"/>. A fact calls it more than once over one store to model a restart or a second
    /// instance.
    /// </summary>
    /// <param name="time">The clock of the fact.</param>
    /// <param name="store">The store of the fact (<see cref="StoreContract.Store"/>).</param>
    /// <returns>The host; the fact disposes it.</returns>
    protected abstract Task<MaintenanceSchedulerTestHost> CreateHostAsync(ManualTimeProvider time, IStatusStore store);

    /// <summary>
    /// Creates a new, empty store that shares no data with any other store this method returned; every host of the fact
    /// shares it. By default an <see cref="InMemoryStatusStore"/>; override it to run the facts over your store (a
    /// database emptied per fact).
    /// </summary>
    /// <returns>The store of one fact.</returns>
    protected override Task<IStatusStore> CreateStoreAsync() => Task.FromResult<IStatusStore>(new InMemoryStatusStore());

    [Fact]
    public async Task One_off_window_starts_and_ends_once_with_status_history_and_notices()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await CreateHostAsync(time, Store);
        var (page, component) = await host.CreatePageAsync();
        var window = await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2)));

        Assert.Equal(1, await host.Port.RunDueTransitionsAsync(CancellationToken.None)); // the reminder, due at once
        Assert.Equal(0, await host.Port.RunDueTransitionsAsync(CancellationToken.None));
        time.SetUtcNow(T0.AddHours(1).AddTicks(-1));
        Assert.Equal(0, await host.Port.RunDueTransitionsAsync(CancellationToken.None));
        Assert.Equal(ComponentStatus.Operational, await host.StatusOfAsync(component.Id));

        time.SetUtcNow(T0.AddHours(1));
        Assert.Equal(1, await host.Port.RunDueTransitionsAsync(CancellationToken.None));
        Assert.Equal(MaintenanceState.InProgress, (await host.Maintenance.GetAsync(window.Id))!.State);
        Assert.Equal(ComponentStatus.UnderMaintenance, await host.StatusOfAsync(component.Id));

        time.SetUtcNow(T0.AddHours(2));
        Assert.Equal(1, await host.Port.RunDueTransitionsAsync(CancellationToken.None));
        Assert.Equal(0, await host.Port.RunDueTransitionsAsync(CancellationToken.None));
        Assert.Equal(MaintenanceState.Completed, (await host.Maintenance.GetAsync(window.Id))!.State);
        Assert.Equal(ComponentStatus.Operational, await host.StatusOfAsync(component.Id));

        var history = await host.HistoryAsync(page.Id, component.Id);
        Assert.Collection(
            history,
            h => Assert.Equal((ComponentStatus.Operational, ComponentStatus.UnderMaintenance, T0.AddHours(1)), (h.OldStatus, h.NewStatus, h.At)),
            h => Assert.Equal((ComponentStatus.UnderMaintenance, ComponentStatus.Operational, T0.AddHours(2)), (h.OldStatus, h.NewStatus, h.At)));
        Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceReminder));
        var started = Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceStarted));
        Assert.Equal(window.Id, started.Content.MaintenanceWindowId);
        Assert.StartsWith($"maintenance|{window.Id:N}|{T0.AddHours(1).UtcTicks}|started|", started.DeduplicationKey, StringComparison.Ordinal);
        Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceCompleted));
    }

    [Fact]
    public async Task A_window_recurring_more_often_than_the_reminder_lead_time_is_reminded_once_and_each_completion_names_the_next_occurrence()
    {
        // Two minutes every ten, reminded an hour ahead (the default): every reminder after the first would be due the
        // moment the occurrence before it ends, next to its completed notice.
        var time = new ManualTimeProvider(T0);
        await using var host = await CreateHostAsync(time, Store);
        var (page, component) = await host.CreatePageAsync();
        var first = T0.AddHours(1);
        await host.Maintenance.CreateAsync(
            Window(page.Id, component.Id, first, first.AddMinutes(2)) with { Recurrence = "FREQ=MINUTELY;INTERVAL=10;COUNT=4" });

        Assert.Equal(1, await host.Port.RunDueTransitionsAsync(CancellationToken.None)); // the first occurrence's reminder, due at once
        for (var k = 0; k < 4; k++)
        {
            time.SetUtcNow(first.AddMinutes(10 * k));
            Assert.Equal(1, await host.Port.RunDueTransitionsAsync(CancellationToken.None));
            time.SetUtcNow(first.AddMinutes((10 * k) + 2));
            Assert.Equal(1, await host.Port.RunDueTransitionsAsync(CancellationToken.None));
        }

        var reminder = Assert.Single(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceReminder));
        Assert.Equal(first, reminder.Content.OccurrenceStartsAt);
        Assert.Equal(4, (await host.NoticesAsync(page.Id, NotificationKind.MaintenanceStarted)).Count);
        var completed = (await host.NoticesAsync(page.Id, NotificationKind.MaintenanceCompleted)).OrderBy(n => n.Content.OccurrenceStartsAt).ToList();
        Assert.Equal(4, completed.Count);
        for (var k = 0; k < 3; k++)
        {
            var next = first.AddMinutes(10 * (k + 1));
            Assert.EndsWith(
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Next occurrence: {next:yyyy-MM-dd HH:mm} - {next.AddMinutes(2):yyyy-MM-dd HH:mm} UTC"),
                completed[k].Content.Body,
                StringComparison.Ordinal);
            Assert.Equal((next, next.AddMinutes(2)), (completed[k].Content.NextOccurrenceStartsAt, completed[k].Content.NextOccurrenceEndsAt));
        }

        Assert.DoesNotContain("Next occurrence", completed[3].Content.Body, StringComparison.Ordinal);
        Assert.Null(completed[3].Content.NextOccurrenceStartsAt);
        Assert.Null(completed[3].Content.NextOccurrenceEndsAt);
    }

    [Fact]
    public async Task Two_schedulers_over_one_store_apply_each_transition_once()
    {
        var time = new ManualTimeProvider(T0);
        var store = Store;
        await using var a = await CreateHostAsync(time, store);
        await using var b = await CreateHostAsync(time, store);
        var (page, component) = await a.CreatePageAsync();
        var windows = new List<MaintenanceWindow>();
        for (var i = 0; i < 8; i++)
        {
            windows.Add(await a.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2))));
        }

        var applied = 0;
        foreach (var at in new[] { T0, T0.AddHours(1), T0.AddHours(2) })
        {
            time.SetUtcNow(at);
            var results = await Task.WhenAll(
                Task.Run(() => a.Port.RunDueTransitionsAsync(CancellationToken.None)),
                Task.Run(() => b.Port.RunDueTransitionsAsync(CancellationToken.None)));
            applied += results.Sum();
        }

        await a.Engine.WhenIdleAsync(CancellationToken.None);
        await b.Engine.WhenIdleAsync(CancellationToken.None);
        Assert.Equal(3 * windows.Count, applied); // reminder, start, end: each once
        Assert.All(windows, w => Assert.Equal(MaintenanceState.Completed, store.GetMaintenanceWindowAsync(w.Id, CancellationToken.None).Result!.State));
        Assert.Equal(2, (await a.HistoryAsync(page.Id, component.Id)).Count);
        foreach (var kind in new[] { NotificationKind.MaintenanceReminder, NotificationKind.MaintenanceStarted, NotificationKind.MaintenanceCompleted })
        {
            var notices = await a.NoticesAsync(page.Id, kind);
            Assert.Equal(windows.Count, notices.Count);
            Assert.Equal(windows.Count, notices.Select(n => n.Content.MaintenanceWindowId).Distinct().Count());
        }
    }

    [Fact]
    public async Task Two_schedulers_released_together_on_one_due_window_apply_each_transition_and_its_notice_once()
    {
        var time = new ManualTimeProvider(T0);
        await using var a = await CreateHostAsync(time, Store);
        await using var b = await CreateHostAsync(time, Store);
        var (page, component) = await a.CreatePageAsync();
        var window = await a.Maintenance.CreateAsync(
            Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2)) with { Recurrence = "FREQ=DAILY;COUNT=3" });

        // Every step has exactly one transition due (each occurrence's reminder an hour before it, its start and its
        // end); both schedulers are released at the same moment to claim it.
        var steps = new List<(DateTimeOffset At, ComponentStatus? Status)>();
        for (var day = 0; day < 3; day++)
        {
            steps.Add((T0.AddDays(day), null));
            steps.Add((T0.AddDays(day).AddHours(1), ComponentStatus.UnderMaintenance));
            steps.Add((T0.AddDays(day).AddHours(2), ComponentStatus.Operational));
        }

        foreach (var (at, _) in steps)
        {
            time.SetUtcNow(at);
            var applied = await RaceAsync(a, b);
            Assert.True(applied == 1, $"At {at:O} the two schedulers applied {applied} transitions of the one due.");
        }

        Assert.Equal(MaintenanceState.Completed, (await Store.GetMaintenanceWindowAsync(window.Id, CancellationToken.None))!.State);
        Assert.Equal(
            steps.Where(s => s.Status is not null).Select(s => (s.Status!.Value, s.At)),
            (await a.HistoryAsync(page.Id, component.Id)).Select(h => (h.NewStatus, h.At)));
        foreach (var kind in new[] { NotificationKind.MaintenanceReminder, NotificationKind.MaintenanceStarted, NotificationKind.MaintenanceCompleted })
        {
            var notices = await a.NoticesAsync(page.Id, kind);
            Assert.Equal(3, notices.Count);
            Assert.Equal(3, notices.Select(n => n.DeduplicationKey).Distinct(StringComparer.Ordinal).Count());
        }
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_a_window_neither_repeats_the_start_nor_misses_the_end()
    {
        var time = new ManualTimeProvider(T0);
        var store = Store;
        var (page, component, window) = await StartAWindowThenStopTheHostAsync(time, store);

        time.SetUtcNow(T0.AddMinutes(90));
        await using var second = await CreateHostAsync(time, store);
        Assert.Equal(0, await second.Port.RunDueTransitionsAsync(CancellationToken.None));
        Assert.Equal(MaintenanceState.InProgress, (await store.GetMaintenanceWindowAsync(window.Id, CancellationToken.None))!.State);

        time.SetUtcNow(T0.AddHours(2));
        Assert.Equal(1, await second.Port.RunDueTransitionsAsync(CancellationToken.None));
        await second.Engine.WhenIdleAsync(CancellationToken.None);
        Assert.Equal(ComponentStatus.Operational, await second.StatusOfAsync(component.Id));
        Assert.Equal(2, (await second.HistoryAsync(page.Id, component.Id)).Count);
        Assert.Single(await second.NoticesAsync(page.Id, NotificationKind.MaintenanceStarted));
        Assert.Single(await second.NoticesAsync(page.Id, NotificationKind.MaintenanceCompleted));
    }

    [Fact]
    public async Task A_window_that_passed_entirely_while_down_is_completed_without_flapping()
    {
        var time = new ManualTimeProvider(T0);
        var store = Store;
        var first = await CreateHostAsync(time, store);
        var (page, component) = await first.CreatePageAsync();
        var oneOff = await first.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2)));
        var daily = await first.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(3), T0.AddHours(4)) with { Recurrence = "FREQ=DAILY" });
        await first.DisposeAsync();

        time.SetUtcNow(T0.AddHours(5));
        await using var second = await CreateHostAsync(time, store);
        await second.Port.RunDueTransitionsAsync(CancellationToken.None);
        await second.Engine.WhenIdleAsync(CancellationToken.None);

        Assert.Equal(MaintenanceState.Completed, (await store.GetMaintenanceWindowAsync(oneOff.Id, CancellationToken.None))!.State);
        var advanced = (await store.GetMaintenanceWindowAsync(daily.Id, CancellationToken.None))!;
        Assert.Equal((MaintenanceState.Scheduled, T0.AddDays(1).AddHours(3)), (advanced.State, advanced.OccurrenceStartsAt));
        Assert.Empty(await second.HistoryAsync(page.Id, component.Id));
        Assert.Empty(await second.NoticesAsync(page.Id, NotificationKind.MaintenanceStarted));
        Assert.Empty(await second.NoticesAsync(page.Id, NotificationKind.MaintenanceCompleted));
    }

    [Fact]
    public async Task A_window_in_progress_whose_end_passed_while_down_ends_at_start_up()
    {
        var time = new ManualTimeProvider(T0);
        var store = Store;
        var (page, component, window) = await StartAWindowThenStopTheHostAsync(time, store);

        time.SetUtcNow(T0.AddHours(6));
        await using var second = await CreateHostAsync(time, store);
        Assert.Equal(1, await second.Port.RunDueTransitionsAsync(CancellationToken.None));
        await second.Engine.WhenIdleAsync(CancellationToken.None);
        Assert.Equal(MaintenanceState.Completed, (await store.GetMaintenanceWindowAsync(window.Id, CancellationToken.None))!.State);
        Assert.Equal(ComponentStatus.Operational, await second.StatusOfAsync(component.Id));
        Assert.Single(await second.NoticesAsync(page.Id, NotificationKind.MaintenanceCompleted));
    }

    [Fact]
    public async Task A_window_whose_end_passed_while_down_is_recorded_as_ending_at_its_end_not_at_start_up()
    {
        var time = new ManualTimeProvider(T0);
        var store = Store;
        var (page, component, _) = await StartAWindowThenStopTheHostAsync(time, store);

        time.SetUtcNow(T0.AddHours(6));
        await using var second = await CreateHostAsync(time, store);
        await second.Port.RunDueTransitionsAsync(CancellationToken.None);
        await second.Engine.WhenIdleAsync(CancellationToken.None);

        Assert.Equal(
            [(ComponentStatus.UnderMaintenance, T0.AddHours(1)), (ComponentStatus.Operational, T0.AddHours(2))],
            (await second.HistoryAsync(page.Id, component.Id)).Select(h => (h.NewStatus, h.At)));
    }

    [Fact]
    public async Task Cancelled_before_start_never_starts()
    {
        var time = new ManualTimeProvider(T0);
        await using var host = await CreateHostAsync(time, Store);
        var (page, component) = await host.CreatePageAsync();
        var window = await host.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2)));
        await host.Maintenance.CancelAsync(window.Id);

        time.SetUtcNow(T0.AddHours(1));
        Assert.Equal(0, await host.Port.RunDueTransitionsAsync(CancellationToken.None));
        time.SetUtcNow(T0.AddHours(3));
        Assert.Equal(0, await host.Port.RunDueTransitionsAsync(CancellationToken.None));
        Assert.Equal(MaintenanceState.Cancelled, (await host.Maintenance.GetAsync(window.Id))!.State);
        Assert.Empty(await host.HistoryAsync(page.Id, component.Id));
        Assert.Empty(await host.NoticesAsync(page.Id, NotificationKind.MaintenanceStarted));
    }

    // Releases both hosts' schedulers at once on the thread pool, waits for their recomputes, and returns how many
    // transitions they applied together.
    private static async Task<int> RaceAsync(MaintenanceSchedulerTestHost a, MaintenanceSchedulerTestHost b)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = new[] { a, b }.Select(host => Task.Run(async () =>
        {
            await start.Task;
            return await host.Port.RunDueTransitionsAsync(CancellationToken.None);
        })).ToList();
        start.SetResult();
        var applied = (await Task.WhenAll(runs)).Sum();
        await a.Engine.WhenIdleAsync(CancellationToken.None);
        await b.Engine.WhenIdleAsync(CancellationToken.None);
        return applied;
    }

    // A host starts a window from T0 + 1 h to T0 + 2 h at T0 + 1 h, then stops.
    private async Task<(StatusPage Page, Component Component, MaintenanceWindow Window)> StartAWindowThenStopTheHostAsync(
        ManualTimeProvider time, IStatusStore store)
    {
        await using var first = await CreateHostAsync(time, store);
        var (page, component) = await first.CreatePageAsync();
        var window = await first.Maintenance.CreateAsync(Window(page.Id, component.Id, T0.AddHours(1), T0.AddHours(2)));
        time.SetUtcNow(T0.AddHours(1));
        await first.Port.RunDueTransitionsAsync(CancellationToken.None);
        return (page, component, window);
    }

    /// <summary>A request for a one-off window "Database upgrade" on one component of a page.</summary>
    /// <param name="pageId">The page.</param>
    /// <param name="componentId">The component the window covers.</param>
    /// <param name="startsAt">The start.</param>
    /// <param name="endsAt">The end.</param>
    /// <returns>The request, for <see cref="MaintenanceService.CreateAsync"/>.</returns>
    public static CreateMaintenanceWindow Window(Guid pageId, Guid componentId, DateTimeOffset startsAt, DateTimeOffset endsAt) => new()
    {
        PageId = pageId,
        Title = "Database upgrade",
        Description = "The primary database moves to a new major version.",
        StartsAt = startsAt,
        EndsAt = endsAt,
        ComponentIds = [componentId],
    };
}
