using StatusKit.InMemory;
using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Status;
using StatusKit.Testing;
using StatusKit.TestSupport.Fakes;
using static StatusKit.Testing.MaintenanceSchedulerContractTests;

namespace StatusKit.Tests.Maintenance;

/// <summary>
/// A window's start or end is told once by its own notice, whoever commits its components' change: here another host
/// sharing the store recomputes the component between the transition's compare-and-set and the recompute that settles
/// it, so that the other host commits the change into Under Maintenance (or back) as an ordinary recompute.
/// </summary>
public sealed class MaintenanceRacingRecomputeTests
{
    private static readonly DateTimeOffset T0 = TestData.T0;

    [Fact]
    public async Task AnotherHostsRecomputeCommittingTheStart_TellsSubscribersOnlyTheWindowsNotice()
    {
        await using var race = await Race.StartAsync();
        await race.One.Maintenance.CreateAsync(Window(race.Page.Id, race.Component.Id, T0.AddHours(2), T0.AddHours(3)));

        race.Time.SetUtcNow(T0.AddHours(2));
        await race.RunPassRacedAsync();

        Assert.Equal(ComponentStatus.UnderMaintenance, await race.One.StatusOfAsync(race.Component.Id));
        Assert.True(race.Raced, "the other host's recompute ran between the start and its settle");
        Assert.Empty(await race.One.NoticesAsync(race.Page.Id, NotificationKind.ComponentStatusChanged));
        Assert.Single(await race.One.NoticesAsync(race.Page.Id, NotificationKind.MaintenanceStarted));
    }

    [Fact]
    public async Task AnotherHostsRecomputeCommittingTheEnd_TellsSubscribersOnlyTheWindowsNotice()
    {
        await using var race = await Race.StartAsync();
        await race.One.Maintenance.CreateAsync(Window(race.Page.Id, race.Component.Id, T0.AddHours(2), T0.AddHours(3)));
        race.Time.SetUtcNow(T0.AddHours(2));
        await race.One.Scheduler.RunDueTransitionsAsync(CancellationToken.None);

        race.Time.SetUtcNow(T0.AddHours(3));
        await race.RunPassRacedAsync();

        Assert.Equal(ComponentStatus.Operational, await race.One.StatusOfAsync(race.Component.Id));
        Assert.True(race.Raced, "the other host's recompute ran between the end and its settle");
        Assert.Empty(await race.One.NoticesAsync(race.Page.Id, NotificationKind.ComponentStatusChanged));
        Assert.Single(await race.One.NoticesAsync(race.Page.Id, NotificationKind.MaintenanceCompleted));
    }

    [Fact]
    public async Task AnotherHostsRecomputeCommittingTheEndOfARecurringWindow_TellsSubscribersOnlyTheWindowsNotice()
    {
        await using var race = await Race.StartAsync();
        await race.One.Maintenance.CreateAsync(
            Window(race.Page.Id, race.Component.Id, T0.AddHours(2), T0.AddHours(3)) with { Recurrence = "FREQ=DAILY;COUNT=3" });
        race.Time.SetUtcNow(T0.AddHours(2));
        await race.One.Scheduler.RunDueTransitionsAsync(CancellationToken.None);

        race.Time.SetUtcNow(T0.AddHours(3));
        await race.RunPassRacedAsync();

        Assert.Equal(ComponentStatus.Operational, await race.One.StatusOfAsync(race.Component.Id));
        Assert.True(race.Raced);
        Assert.Empty(await race.One.NoticesAsync(race.Page.Id, NotificationKind.ComponentStatusChanged));
    }

    [Fact]
    public async Task AnotherHostsRecomputeCommittingAnOperatorsCompleteNow_TellsSubscribersOnlyTheWindowsNotice()
    {
        await using var race = await Race.StartAsync();
        var window = await race.One.Maintenance.CreateAsync(Window(race.Page.Id, race.Component.Id, T0.AddHours(2), T0.AddHours(3)));
        await race.One.Maintenance.StartNowAsync(window.Id);
        race.Time.Advance(TimeSpan.FromMinutes(20));

        race.Armed = true;
        await race.One.Maintenance.CompleteNowAsync(window.Id);

        Assert.Equal(ComponentStatus.Operational, await race.One.StatusOfAsync(race.Component.Id));
        Assert.True(race.Raced);
        Assert.Empty(await race.One.NoticesAsync(race.Page.Id, NotificationKind.ComponentStatusChanged));
    }

    [Fact]
    public async Task AnOutageCommittedByTheRacingRecompute_IsStillToldAsAComponentChange()
    {
        await using var race = await Race.StartAsync(teamId: "team-a");
        await race.One.Maintenance.CreateAsync(Window(race.Page.Id, race.Component.Id, T0.AddHours(2), T0.AddHours(3)));
        race.Time.SetUtcNow(T0.AddHours(2));
        await race.One.Scheduler.RunDueTransitionsAsync(CancellationToken.None);

        // An incident opens as the window ends; the other host's recompute commits Under Maintenance -> Partial Outage.
        race.Time.SetUtcNow(T0.AddHours(3));
        await race.Store.ApplySignalAsync(TestData.Signal(version: 1) with { OccurredAt = race.Time.GetUtcNow() }, CancellationToken.None);
        await race.RunPassRacedAsync();

        var changes = await race.One.NoticesAsync(race.Page.Id, NotificationKind.ComponentStatusChanged);
        Assert.Equal(ComponentStatus.PartialOutage, await race.One.StatusOfAsync(race.Component.Id));
        Assert.NotEmpty(changes);
        Assert.All(changes, r => Assert.Equal((ComponentStatus.UnderMaintenance, ComponentStatus.PartialOutage), (r.Content.OldStatus!.Value, r.Content.NewStatus!.Value)));
    }

    /// <summary>
    /// Two hosts over one in-memory store; the first sees its store through an interceptor that, once armed, lets the
    /// second host recompute the component right after the first stored a window's transition (before its settle reads
    /// the inputs).
    /// </summary>
    private sealed class Race : IAsyncDisposable
    {
        private bool _transitionStored;

        private Race(ManualTimeProvider time, InMemoryStatusStore store, MaintenanceHost one, MaintenanceHost other)
        {
            Time = time;
            Store = store;
            One = one;
            Other = other;
        }

        public ManualTimeProvider Time { get; }

        public InMemoryStatusStore Store { get; }

        public MaintenanceHost One { get; }

        public MaintenanceHost Other { get; }

        public StatusPage Page { get; private set; } = null!;

        public Component Component { get; private set; } = null!;

        public bool Armed { get; set; }

        public bool Raced { get; private set; }

        public static async Task<Race> StartAsync(string? teamId = null)
        {
            var time = new ManualTimeProvider(T0);
            var store = new InMemoryStatusStore();
            var (seen, control) = InterceptingStatusStore.Wrap(store);
            var one = await MaintenanceHost.StartAsync(time, seen, runLoop: false);
            var other = await MaintenanceHost.StartAsync(time, store, runLoop: false);
            var race = new Race(time, store, one, other);
            (race.Page, race.Component) = await one.CreatePageAsync(teamId);
            control.Before = race.Intercept;
            return race;
        }

        public async Task RunPassRacedAsync()
        {
            Armed = true;
            await One.Scheduler.RunDueTransitionsAsync(CancellationToken.None);
        }

        public async ValueTask DisposeAsync()
        {
            await One.DisposeAsync();
            await Other.DisposeAsync();
        }

        private Task? Intercept(string method, object?[] args)
        {
            if (Armed && method == nameof(InMemoryStatusStore.TryUpdateMaintenanceWindowAsync))
            {
                _transitionStored = true;
                return null;
            }

            if (_transitionStored && method == nameof(InMemoryStatusStore.LoadStatusInputsAsync))
            {
                _transitionStored = false;
                Armed = false;
                Raced = true;
                return Other.Engine.RecomputeComponentsAsync([Component.Id], "another host's recompute", CancellationToken.None);
            }

            return null;
        }
    }
}
