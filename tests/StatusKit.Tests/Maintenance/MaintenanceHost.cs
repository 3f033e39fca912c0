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
using StatusKit.Services;
using StatusKit.Status;
using StatusKit.TestSupport.Contract;
using StatusKit.TestSupport.Fakes;

namespace StatusKit.Tests.Maintenance;

/// <summary>
/// One "host" composed through <c>AddStatusPages()</c> with a manual clock, over a store that several hosts may share
/// (a restart is a new host over the same store). The scheduler's timer loop runs only when asked.
/// </summary>
internal sealed class MaintenanceHost : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly ServiceProvider _provider;
    private bool _loopStarted;

    private MaintenanceHost(ServiceProvider provider, ManualTimeProvider time, ListLoggerProvider logs)
    {
        _provider = provider;
        Time = time;
        Logs = logs;
    }

    public ManualTimeProvider Time { get; }

    public ListLoggerProvider Logs { get; }

    public IStatusStore Store => _provider.GetRequiredService<IStatusStore>();

    public MaintenanceService Maintenance => _provider.GetRequiredService<MaintenanceService>();

    public MaintenanceScheduler Scheduler => _provider.GetRequiredService<MaintenanceScheduler>();

    public IMaintenanceScheduler Port => _provider.GetRequiredService<IMaintenanceScheduler>();

    public StatusEngine Engine => _provider.GetRequiredService<StatusEngine>();

    public IServiceProvider Services => _provider;

    public static async Task<MaintenanceHost> StartAsync(
        ManualTimeProvider time,
        IStatusStore? store = null,
        Action<MaintenanceOptions>? configure = null,
        bool runLoop = true)
    {
        var logs = new ListLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton(store ?? new InMemoryStatusStore());
        services.AddStatusPages(o => o.WarmSnapshotsOnStart = false);
        services.Configure<MaintenanceOptions>(o => configure?.Invoke(o));
        var host = new MaintenanceHost(services.BuildServiceProvider(), time, logs);
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

    public async Task<(StatusPage Page, Component Component)> CreatePageAsync(string? teamId = null)
    {
        var page = await _provider.GetRequiredService<StatusPageService>().CreateAsync(new CreateStatusPage { Name = TestData.Unique("Acme") });
        var component = await _provider.GetRequiredService<ComponentService>().CreateAsync(
            new CreateComponent { PageId = page.Id, Name = "API", TeamId = teamId });
        var subscriber = TestData.Subscriber(page.Id) with { ComponentIds = [], NotifyOn = NotificationEvents.All, CreatedAt = Time.GetUtcNow() };
        await Store.AddSubscriberAsync(subscriber, [], CancellationToken.None);
        return (page, component);
    }

    public async Task<ComponentStatus> StatusOfAsync(Guid componentId) =>
        (await Store.GetComponentAsync(componentId, CancellationToken.None))!.Status;

    public async Task<List<Notification>> NoticesAsync(Guid pageId, NotificationKind kind) =>
        [.. (await Store.ListNotificationsAsync(new NotificationQuery { PageId = pageId, Take = 1000 }, CancellationToken.None))
            .Where(n => n.Content.Kind == kind)];

    public async Task<List<StatusHistoryEntry>> HistoryAsync(Guid pageId, Guid componentId) =>
        [.. (await Store.ListStatusHistoryAsync(pageId, DateTimeOffset.MinValue, CancellationToken.None)).Where(h => h.ComponentId == componentId)];

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

        await _provider.DisposeAsync();
    }
}
