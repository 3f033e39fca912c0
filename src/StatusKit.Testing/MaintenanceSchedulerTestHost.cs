using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StatusKit.Abstractions;
using StatusKit.Engine;
using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Services;
using StatusKit.Status;

namespace StatusKit.Testing;

/// <summary>
/// One "host" of StatusKit for <see cref="MaintenanceSchedulerContractTests"/>: services composed through
/// <c>AddStatusPages()</c> with a <see cref="ManualTimeProvider"/>, over a store that several hosts may share (a restart
/// is a new host over the same store). No hosted service runs: the tests call
/// <see cref="IMaintenanceScheduler.RunDueTransitionsAsync"/> on <see cref="Port"/> themselves.
/// </summary>
public sealed class MaintenanceSchedulerTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private MaintenanceSchedulerTestHost(ServiceProvider provider, ManualTimeProvider time)
    {
        _provider = provider;
        Time = time;
    }

    /// <summary>The clock of the host.</summary>
    public ManualTimeProvider Time { get; }

    /// <summary>The host's services.</summary>
    public IServiceProvider Services => _provider;

    /// <summary>The store the host was started over.</summary>
    public IStatusStore Store => _provider.GetRequiredService<IStatusStore>();

    /// <summary>The maintenance service, through which the tests create and cancel windows.</summary>
    public MaintenanceService Maintenance => _provider.GetRequiredService<MaintenanceService>();

    /// <summary>The scheduler under test: whatever the host resolves as <see cref="IMaintenanceScheduler"/>.</summary>
    public IMaintenanceScheduler Port => _provider.GetRequiredService<IMaintenanceScheduler>();

    /// <summary>The status engine; <see cref="IStatusEngine.WhenIdleAsync"/> waits for the recomputes a transition started.</summary>
    public IStatusEngine Engine => _provider.GetRequiredService<IStatusEngine>();

    /// <summary>
    /// Composes a host over <paramref name="store"/> with the clock <paramref name="time"/>. <paramref name="configure"/>
    /// runs before <c>AddStatusPages()</c>, so an <see cref="IMaintenanceScheduler"/> it registers replaces the default
    /// (as in an application); it may also register logging (otherwise log messages are dropped) or configure options.
    /// </summary>
    /// <param name="time">The clock the host reads; share one between hosts of one test.</param>
    /// <param name="store">The store; share one between hosts to model several instances or a restart.</param>
    /// <param name="configure">Registrations of the host under test, or <see langword="null"/> for the default scheduler.</param>
    /// <returns>The host; dispose it to stop it.</returns>
    public static Task<MaintenanceSchedulerTestHost> StartAsync(
        ManualTimeProvider time,
        IStatusStore store,
        Action<IServiceCollection>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(store);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton(store);
        configure?.Invoke(services);
        services.TryAddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.TryAdd(ServiceDescriptor.Singleton(typeof(ILogger<>), typeof(Logger<>)));
        services.AddStatusPages(o => o.WarmSnapshotsOnStart = false);
        return Task.FromResult(new MaintenanceSchedulerTestHost(services.BuildServiceProvider(), time));
    }

    /// <summary>
    /// Creates a page with one component "API" (of <paramref name="teamId"/>) through the services, and an active,
    /// verified subscriber of the whole page to every event, so every maintenance notice has a recipient.
    /// </summary>
    /// <param name="teamId">The component's team, or <see langword="null"/> for none.</param>
    /// <returns>The page and its component.</returns>
    public async Task<(StatusPage Page, Component Component)> CreatePageAsync(string? teamId = null)
    {
        var page = await _provider.GetRequiredService<StatusPageService>().CreateAsync(new CreateStatusPage { Name = TestData.Unique("Acme") });
        var component = await _provider.GetRequiredService<ComponentService>().CreateAsync(
            new CreateComponent { PageId = page.Id, Name = "API", TeamId = teamId });
        var subscriber = TestData.Subscriber(page.Id) with { ComponentIds = [], NotifyOn = NotificationEvents.All, CreatedAt = Time.GetUtcNow() };
        await Store.AddSubscriberAsync(subscriber, [], CancellationToken.None);
        return (page, component);
    }

    /// <summary>The stored status of a component.</summary>
    /// <param name="componentId">The component.</param>
    /// <returns>Its status as the store keeps it.</returns>
    public async Task<ComponentStatus> StatusOfAsync(Guid componentId) =>
        (await Store.GetComponentAsync(componentId, CancellationToken.None))
            ?.Status ?? throw new InvalidOperationException($"The component {componentId} is not stored.");

    /// <summary>The outbox rows of a page (the first 1,000) of one kind.</summary>
    /// <param name="pageId">The page.</param>
    /// <param name="kind">The kind of notice.</param>
    /// <returns>The rows, in the store's order.</returns>
    public async Task<List<Notification>> NoticesAsync(Guid pageId, NotificationKind kind) =>
        [.. (await Store.ListNotificationsAsync(new NotificationQuery { PageId = pageId, Take = 1000 }, CancellationToken.None))
            .Where(n => n.Content.Kind == kind)];

    /// <summary>The status history of one component of a page, oldest first.</summary>
    /// <param name="pageId">The page.</param>
    /// <param name="componentId">The component.</param>
    /// <returns>The history entries.</returns>
    public async Task<List<StatusHistoryEntry>> HistoryAsync(Guid pageId, Guid componentId) =>
        [.. (await Store.ListStatusHistoryAsync(pageId, DateTimeOffset.MinValue, CancellationToken.None)).Where(h => h.ComponentId == componentId)];

    /// <summary>Disposes the host's services (not the store, which hosts share).</summary>
    /// <returns>A task that completes when the services are disposed.</returns>
    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
