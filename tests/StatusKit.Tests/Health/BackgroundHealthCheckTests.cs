using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StatusKit.Abstractions;
using StatusKit.Engine;
using StatusKit.Health;
using StatusKit.InMemory;
using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Notifications.Dispatching;
using StatusKit.Testing;
using StatusKit.TestSupport.Fakes;

namespace StatusKit.Tests.Health;

/// <summary>
/// The background check says what an operator's probe should hear: healthy while the work runs, degraded while some of
/// it fails, unhealthy once it has kept failing for <see cref="StatusKitHealthOptions.UnhealthyAfter"/>, healthy again
/// once it recovers.
/// </summary>
public sealed class BackgroundHealthCheckTests : IAsyncDisposable
{
    private readonly ManualTimeProvider _time = new(TestData.T0);
    private readonly InterceptingStatusStore _control;
    private readonly ServiceProvider _services;
    private readonly StatusPage _page = TestData.Page();

    public BackgroundHealthCheckTests()
    {
        (var store, _control) = InterceptingStatusStore.Wrap(new InMemoryStatusStore());
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(_time).AddSingleton(store);
        services.AddStatusPages();

        // One attempt per pass: the scheduler's in-pass retries would wait on the manual clock.
        services.Configure<MaintenanceOptions>(o => o.TransitionRetryAttempts = 1);
        _services = services.BuildServiceProvider();
    }

    private IStatusStore Store => _services.GetRequiredService<IStatusStore>();

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    [Fact]
    public async Task Check_NothingFailed_IsHealthy()
    {
        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Null(result.Exception);
    }

    [Fact]
    public async Task Check_RecomputeFailing_IsDegradedThenUnhealthyAfterTheGraceThenHealthyOnceItRecovers()
    {
        await Store.AddPageAsync(_page, default);
        await Store.AddComponentAsync(TestData.Component(_page.Id), default);
        _control.Before = (method, _) => method == nameof(IStatusStore.LoadStatusInputsAsync) ? throw new TimeoutException("database down") : null;
        var engine = _services.GetRequiredService<IStatusEngine>();

        await Assert.ThrowsAsync<TimeoutException>(() => engine.RecomputePageAsync(_page.Id, default));
        var failing = await CheckAsync();
        _time.Advance(TimeSpan.FromMinutes(5));
        await engine.WhenIdleAsync(default);
        var stillFailing = await CheckAsync();
        _control.Before = null;
        _time.Advance(TimeSpan.FromSeconds(5));
        await engine.WhenIdleAsync(default);
        var recovered = await CheckAsync();

        Assert.Equal(HealthStatus.Degraded, failing.Status);
        Assert.StartsWith($"Component status recomputes: 1 failing since {TestData.T0:O}", failing.Description, StringComparison.Ordinal);
        Assert.EndsWith("TimeoutException: database down", failing.Description, StringComparison.Ordinal);
        Assert.IsType<TimeoutException>(failing.Exception);
        Assert.Equal(1, failing.Data["statuses.failing"]);
        Assert.Equal(HealthStatus.Unhealthy, stillFailing.Status);
        Assert.Equal(HealthStatus.Healthy, recovered.Status);
    }

    [Fact]
    public async Task Check_DispatcherCannotClaim_IsDegradedUntilAPassClaimsAgain()
    {
        // Not a transient error: the dispatcher's store retries would wait on the manual clock.
        _control.Before = (method, _) => method == nameof(IStatusStore.ClaimNotificationsAsync) ? throw new InvalidOperationException("database down") : null;
        var dispatcher = _services.GetRequiredService<NotificationDispatcher>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => dispatcher.RunOnceAsync(default));
        var failing = await CheckAsync();
        _control.Before = null;
        await dispatcher.RunOnceAsync(default);
        var recovered = await CheckAsync();

        Assert.Equal(HealthStatus.Degraded, failing.Status);
        Assert.StartsWith("Notification dispatch: 1 failing since", failing.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, recovered.Status);
    }

    [Fact]
    public async Task Check_MaintenanceWindowTransitionFailing_IsDegradedUntilItIsApplied()
    {
        var (window, scheduler) = await ArrangeWindowWhoseStartFailsAsync();

        await scheduler.RunDueTransitionsAsync(default);
        var failing = await CheckAsync();
        _control.Before = null;
        _time.Advance(TimeSpan.FromMinutes(30));
        await scheduler.RunDueTransitionsAsync(default);
        var started = await Store.GetMaintenanceWindowAsync(window.Id, default);
        var recovered = await CheckAsync();

        Assert.Equal(HealthStatus.Degraded, failing.Status);
        Assert.StartsWith("Maintenance transitions: 1 failing since", failing.Description, StringComparison.Ordinal);
        Assert.Equal(MaintenanceState.InProgress, started!.State);
        Assert.Equal(HealthStatus.Healthy, recovered.Status);
    }

    [Fact]
    public async Task Check_WindowFailingHereThenDeletedElsewhere_IsHealthyAfterTheNextPass()
    {
        var (window, scheduler) = await ArrangeWindowWhoseStartFailsAsync();
        await scheduler.RunDueTransitionsAsync(default);
        var failing = await CheckAsync();

        // Another host deletes the window: this one is never told, and lists it no more.
        _control.Before = null;
        var stored = await Store.GetMaintenanceWindowAsync(window.Id, default);
        await Store.DeleteMaintenanceWindowAsync(window.Id, stored!.Version, [], default);
        await scheduler.RunDueTransitionsAsync(default);
        var afterDelete = await CheckAsync();

        Assert.Equal(HealthStatus.Degraded, failing.Status);
        Assert.Equal(HealthStatus.Healthy, afterDelete.Status);
    }

    [Fact]
    public async Task Check_SeveralPartsFailing_NamesEachAndCarriesTheLatestError()
    {
        _control.Before = (method, _) => method switch
        {
            nameof(IStatusStore.ClaimNotificationsAsync) => throw new InvalidOperationException("claim failed"),
            nameof(IStatusStore.ListOpenMaintenanceWindowsAsync) => throw new TimeoutException("list failed"),
            _ => null,
        };

        await Assert.ThrowsAsync<InvalidOperationException>(() => _services.GetRequiredService<NotificationDispatcher>().RunOnceAsync(default));
        _time.Advance(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<TimeoutException>(() => _services.GetRequiredService<MaintenanceScheduler>().RunDueTransitionsAsync(default));
        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("Maintenance transitions: 1 failing", result.Description, StringComparison.Ordinal);
        Assert.Contains("Notification dispatch: 1 failing", result.Description, StringComparison.Ordinal);
        Assert.IsType<TimeoutException>(result.Exception);
        Assert.Equal(["maintenance.failing", "maintenance.failingSince", "maintenance.lastError", "notifications.failing", "notifications.failingSince", "notifications.lastError"], result.Data.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Check_RegisteredWithAnotherFailureStatus_ReportsThatOnceUnhealthy()
    {
        _control.Before = (method, _) => method == nameof(IStatusStore.ClaimNotificationsAsync) ? throw new InvalidOperationException("database down") : null;
        await Assert.ThrowsAsync<InvalidOperationException>(() => _services.GetRequiredService<NotificationDispatcher>().RunOnceAsync(default));
        _time.Advance(TimeSpan.FromMinutes(5));

        var result = await CheckAsync(HealthStatus.Degraded);

        Assert.Equal(HealthStatus.Degraded, result.Status);
    }

    // A one-off window due to start now, whose start cannot be stored: the store refuses every window update.
    private async Task<(MaintenanceWindow Window, MaintenanceScheduler Scheduler)> ArrangeWindowWhoseStartFailsAsync()
    {
        await Store.AddPageAsync(_page, default);
        var window = TestData.Window(_page.Id, componentIds: [], occurrenceStartsAt: TestData.At(-1)) with
        {
            Recurrence = null, ExcludedOccurrences = [], ReminderSentFor = null, AnnouncedFor = null, StartsAt = TestData.At(-1), EndsAt = TestData.At(59),
        };
        await Store.AddMaintenanceWindowAsync(window, [], default);
        _control.Before = (method, _) => method == nameof(IStatusStore.TryUpdateMaintenanceWindowAsync) ? throw new TimeoutException("database down") : null;
        return (window, _services.GetRequiredService<MaintenanceScheduler>());
    }

    private Task<HealthCheckResult> CheckAsync(HealthStatus failureStatus = HealthStatus.Unhealthy)
    {
        var check = _services.GetRequiredService<StatusKitBackgroundHealthCheck>();
        var context = new HealthCheckContext { Registration = new HealthCheckRegistration(StatusKitHealthChecks.BackgroundName, check, failureStatus, null) };
        return check.CheckHealthAsync(context);
    }
}
