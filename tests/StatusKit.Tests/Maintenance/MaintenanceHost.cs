using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StatusKit.Abstractions;
using StatusKit.Engine;
using StatusKit.InMemory;
using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Status;
using StatusKit.Testing;
using StatusKit.TestSupport.Fakes;

namespace StatusKit.Tests.Maintenance;

/// <summary>
/// The contract's <see cref="MaintenanceSchedulerTestHost"/> with logs, options and the default scheduler's timer loop
/// (run only when asked), for tests of the default scheduler itself.
/// </summary>
internal sealed class MaintenanceHost : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly MaintenanceSchedulerTestHost _host;
    private bool _loopStarted;

    private MaintenanceHost(MaintenanceSchedulerTestHost host, ListLoggerProvider logs)
    {
        _host = host;
        Logs = logs;
    }

    public ManualTimeProvider Time => _host.Time;

    public ListLoggerProvider Logs { get; }

    public IStatusStore Store => _host.Store;

    public MaintenanceService Maintenance => _host.Maintenance;

    public MaintenanceScheduler Scheduler => Services.GetRequiredService<MaintenanceScheduler>();

    public IMaintenanceScheduler Port => _host.Port;

    public StatusEngine Engine => Services.GetRequiredService<StatusEngine>();

    public IServiceProvider Services => _host.Services;

    public static async Task<MaintenanceHost> StartAsync(
        ManualTimeProvider time,
        IStatusStore? store = null,
        Action<MaintenanceOptions>? configure = null,
        bool runLoop = true)
    {
        var logs = new ListLoggerProvider();
        var inner = await MaintenanceSchedulerTestHost.StartAsync(time, store ?? new InMemoryStatusStore(), services =>
        {
            services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
            services.Configure<MaintenanceOptions>(o => configure?.Invoke(o));
        });
        var host = new MaintenanceHost(inner, logs);
        if (runLoop)
        {
            await host.StartLoopAsync();
        }

        return host;
    }

    public async Task StartLoopAsync()
    {
        _loopStarted = true;
        await Scheduler.StartAsync(CancellationToken.None);
        await SettleAsync();
    }

    /// <summary>Waits until the scheduler loop sleeps and the engine is idle.</summary>
    public async Task SettleAsync()
    {
        using var cts = new CancellationTokenSource(Patience);
        if (_loopStarted)
        {
            await Scheduler.WhenIdleAsync(cts.Token);
        }

        await Engine.WhenIdleAsync(cts.Token);
    }

    /// <summary>Moves the clock to <paramref name="target"/> through every timer wake-up on the way, settling after each.</summary>
    public async Task RunUntilAsync(DateTimeOffset target)
    {
        while (Scheduler.NextWakeUpAt is { } wake && wake <= target && wake > Time.GetUtcNow())
        {
            Time.SetUtcNow(wake);
            await SettleAsync();
        }

        if (target > Time.GetUtcNow())
        {
            Time.SetUtcNow(target);
        }

        await SettleAsync();
    }

    public Task<(StatusPage Page, Component Component)> CreatePageAsync(string? teamId = null) => _host.CreatePageAsync(teamId);

    public Task<ComponentStatus> StatusOfAsync(Guid componentId) => _host.StatusOfAsync(componentId);

    public Task<List<Notification>> NoticesAsync(Guid pageId, NotificationKind kind) => _host.NoticesAsync(pageId, kind);

    public Task<List<StatusHistoryEntry>> HistoryAsync(Guid pageId, Guid componentId) => _host.HistoryAsync(pageId, componentId);

    /// <summary>Waits (spinning, never sleeping) until the manual clock has at least <paramref name="count"/> armed timers.</summary>
    public static async Task WaitForTimersAsync(ManualTimeProvider time, int count)
    {
        var watch = Stopwatch.StartNew();
        while (time.ActiveTimerCount < count)
        {
            if (watch.Elapsed > Patience)
            {
                throw new TimeoutException($"Expected {count} armed timer(s), saw {time.ActiveTimerCount}.");
            }

            await Task.Yield();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_loopStarted)
        {
            await Scheduler.StopAsync(CancellationToken.None);
        }

        await _host.DisposeAsync();
    }
}
