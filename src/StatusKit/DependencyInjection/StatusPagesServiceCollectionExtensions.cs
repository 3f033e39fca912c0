using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusKit.Abstractions;
using StatusKit.Audit;
using StatusKit.Caching;
using StatusKit.Engine;
using StatusKit.Health;
using StatusKit.Hosting;
using StatusKit.InMemory;
using StatusKit.Maintenance;
using StatusKit.Metrics;
using StatusKit.Notifications;
using StatusKit.Configuration;
using StatusKit.Diagnostics;
using StatusKit.Notifications.Dispatching;
using StatusKit.Services;
using StatusKit.Upstream;
using StatusKit.Uptime;
using StatusKit.Notifications.Http;

#pragma warning disable IDE0130
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers StatusKit.</summary>
public static class StatusPagesServiceCollectionExtensions
{
    /// <summary>
    /// Adds StatusKit: the status engine, the page read path, the services, and — unless the host registered its own
    /// first — the in-memory store and the in-process snapshot cache. Options are validated at start-up. Safe to call
    /// more than once. Logging must be registered (the generic host does this; otherwise call <c>AddLogging()</c>).
    /// Metrics are recorded on the <see cref="StatusKit.StatusKitMetrics.MeterName"/> meter from the provider's
    /// <c>IMeterFactory</c>, added with <c>AddMetrics()</c> unless the host registered one.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures <see cref="StatusPagesOptions"/>.</param>
    /// <returns>A builder for the store, cache and notifier choices.</returns>
    public static IStatusPagesBuilder AddStatusPages(this IServiceCollection services, Action<StatusPagesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(StatusPagesMarker)))
        {
            // Already added: only the new configuration applies.
            if (configure is not null)
            {
                services.Configure(configure);
            }

            return new StatusPagesBuilder(services);
        }

        services.AddSingleton<StatusPagesMarker>();
        services.AddOptions<StatusPagesOptions>().ValidateOnStart();
        services.AddOptions<NotificationOptions>().ValidateOnStart();
        services.AddOptions<MaintenanceOptions>().ValidateOnStart();
        services.AddOptions<StatusKitHealthOptions>().ValidateOnStart();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StatusPagesOptions>, StatusPagesOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MaintenanceOptions>, MaintenanceOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StatusKitHealthOptions>, StatusKitHealthOptionsValidator>());

        // First among StatusKit's hosted services: reports the failures of every options type at once, before the
        // other hosted services read their options in their constructors.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, OptionsStartupCheck>());
        services.TryAddSingleton(TimeProvider.System);

        // Health: what the background work reports failing, read by the checks a host adds (AddStatusKit on its
        // health checks builder, or its own registrations of the two check types).
        services.TryAddSingleton<BackgroundWorkHealth>();
        services.TryAddSingleton(sp => new StatusKitBackgroundHealthCheck(
            sp.GetRequiredService<BackgroundWorkHealth>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<StatusKitHealthOptions>>()));
        services.TryAddSingleton(sp => new StatusKitStoreHealthCheck(sp.GetRequiredService<IStatusStore>()));

        // Metrics, on the provider's IMeterFactory: the host's own when it registered one (the generic host and ASP.NET
        // Core do), else the default one AddMetrics() adds (the HTTP notifiers' AddHttpClient() adds it too).
        services.AddMetrics();
        services.TryAddSingleton<StatusKitInstruments>();

        // Ports: the host's own registrations win.
        services.TryAddSingleton<IStatusStore, InMemoryStatusStore>();
        services.TryAddSingleton<IStatusCache, InProcessStatusCache>();

        // Engine.
        services.TryAddSingleton<StatusChangeFeed>();
        services.TryAddSingleton<IStatusChangeFeed>(sp => sp.GetRequiredService<StatusChangeFeed>());
        services.TryAddSingleton<PageSnapshotBuilder>();
        services.TryAddSingleton<PageSnapshotReader>();
        services.TryAddSingleton<IStatusPageReader>(sp => sp.GetRequiredService<PageSnapshotReader>());
        services.TryAddSingleton(sp => new BackplaneRelay(
            sp.GetService<IStatusChangeBackplane>(), sp.GetRequiredService<PageSnapshotReader>(),
            sp.GetRequiredService<IOptions<StatusPagesOptions>>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<BackplaneRelay>>(),
            sp.GetRequiredService<BackgroundWorkHealth>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, BackplaneRelay>(sp => sp.GetRequiredService<BackplaneRelay>()));
        services.TryAddSingleton<StatusRecomputer>();
        services.TryAddSingleton<StatusEngine>();
        services.TryAddSingleton<IStatusEngine>(sp => sp.GetRequiredService<StatusEngine>());
        services.TryAddSingleton<IIncidentIntake, IncidentIntake>();
        services.TryAddSingleton<IUptimeService, UptimeService>();

        // Services (internal constructors: built here so their dependencies can stay internal).
        services.TryAddSingleton<SubscriberLinks>();
        services.TryAddSingleton<IDestinationValidator, DestinationValidator>();
        // The audit log: an accessor, when one is registered (the host's own, or StatusKit.AspNetCore's), names who makes
        // each change, else "system"; the trail records the services' changes, the log reads them, and a pass prunes the
        // old ones.
        services.TryAddSingleton(sp => new AuditTrail(
            sp.GetRequiredService<IStatusStore>(), sp.GetService<IAuditActorAccessor>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<AuditTrail>>()));
        services.TryAddSingleton(sp => new AuditLog(sp.GetRequiredService<IStatusStore>()));
        services.TryAddSingleton(sp => new StatusPageService(
            sp.GetRequiredService<IStatusStore>(), sp.GetRequiredService<StatusEngine>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<AuditTrail>()));
        services.TryAddSingleton(sp => new ManualStatusExpiry(
            sp.GetRequiredService<IStatusStore>(),
            sp.GetRequiredService<StatusEngine>(),
            sp.GetRequiredService<AuditTrail>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<IHostApplicationLifetime>(),
            sp.GetRequiredService<ILogger<ManualStatusExpiry>>(),
            sp.GetRequiredService<BackgroundWorkHealth>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ManualStatusExpiry>(sp => sp.GetRequiredService<ManualStatusExpiry>()));
        // Third-party components: one poller reads every upstream page through its own client, whose connections go
        // through the webhook notifiers' address guard (registered by AddHttpNotifiers below); it times out on the
        // injected TimeProvider, and its requests are logged by the poller's own events.
        services.AddHttpClient(UpstreamPoller.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<WebhookAddressGuard>().CreateHandler())
            .RemoveAllLoggers();
        services.TryAddSingleton(sp => new UpstreamPoller(
            sp.GetRequiredService<IStatusStore>(), sp.GetRequiredService<StatusEngine>(), sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<IOptions<StatusPagesOptions>>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<IHostApplicationLifetime>(),
            sp.GetRequiredService<ILogger<UpstreamPoller>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, UpstreamPoller>(sp => sp.GetRequiredService<UpstreamPoller>()));
        services.TryAddSingleton(sp => new ComponentService(
            sp.GetRequiredService<IStatusStore>(), sp.GetRequiredService<StatusEngine>(), sp.GetRequiredService<ManualStatusExpiry>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<AuditTrail>(), sp.GetRequiredService<UpstreamPoller>()));
        services.TryAddSingleton(sp => new StatusIncidentService(
            sp.GetRequiredService<IStatusStore>(), sp.GetRequiredService<StatusEngine>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<AuditTrail>()));
        services.TryAddSingleton(sp => new PageMetricService(
            sp.GetRequiredService<IStatusStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<AuditTrail>()));
        services.TryAddSingleton(sp => new IncidentTemplateService(
            sp.GetRequiredService<IStatusStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<IncidentTemplateService>>(),
            sp.GetRequiredService<AuditTrail>()));
        services.TryAddSingleton(sp => new IncidentImportService(
            sp.GetRequiredService<IStatusStore>(), sp.GetRequiredService<StatusEngine>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<IncidentImportService>>(), sp.GetRequiredService<AuditTrail>()));
        services.TryAddSingleton(sp => new ComponentImportService(
            sp.GetRequiredService<IStatusStore>(), sp.GetRequiredService<StatusEngine>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ComponentImportService>>(), sp.GetRequiredService<AuditTrail>()));
        services.TryAddSingleton(sp => new SubscriberService(
            sp.GetRequiredService<IStatusStore>(), sp.GetRequiredService<IDestinationValidator>(), sp.GetRequiredService<SubscriberLinks>(),
            sp.GetRequiredService<IOptions<StatusPagesOptions>>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SubscriberService>>(),
            sp.GetRequiredService<AuditTrail>()));
        services.TryAddSingleton(sp => new SubscriberImportService(
            sp.GetRequiredService<IStatusStore>(), sp.GetRequiredService<SubscriberService>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SubscriberImportService>>(), sp.GetRequiredService<AuditTrail>()));
        services.TryAddSingleton(sp => new NotificationLog(sp.GetRequiredService<IStatusStore>()));

        NotifierRegistration.AddHttpNotifiers(services);
        services.TryAddSingleton<MaintenanceEffects>();
        services.TryAddSingleton(sp => new MaintenanceService(
            sp.GetRequiredService<IStatusStore>(),
            sp.GetRequiredService<MaintenanceEffects>(),
            sp.GetRequiredService<IMaintenanceScheduler>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<MaintenanceOptions>>(),
            sp.GetRequiredService<AuditTrail>()));
        services.TryAddSingleton(sp => new MaintenanceImportService(
            sp.GetRequiredService<IStatusStore>(), sp.GetRequiredService<MaintenanceService>(), sp.GetRequiredService<StatusEngine>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<MaintenanceImportService>>(),
            sp.GetRequiredService<AuditTrail>()));

        // The default maintenance scheduler; a host that registers its own IMaintenanceScheduler first keeps it, and
        // then the default's timer loop stays idle.
        services.TryAddSingleton(sp => new MaintenanceScheduler(
            sp.GetRequiredService<IStatusStore>(),
            sp.GetRequiredService<MaintenanceEffects>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<MaintenanceOptions>>(),
            sp.GetService<IHostApplicationLifetime>(),
            sp.GetRequiredService<ILogger<MaintenanceScheduler>>(),
            sp.GetRequiredService<BackgroundWorkHealth>(),
            () => sp.GetService<IMaintenanceScheduler>() is MaintenanceScheduler,
            sp.GetRequiredService<AuditTrail>()));
        services.TryAddSingleton<IMaintenanceScheduler>(sp => sp.GetRequiredService<MaintenanceScheduler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, MaintenanceScheduler>(sp => sp.GetRequiredService<MaintenanceScheduler>()));

        AddHourlyCleanup(services, sp => new UnverifiedSubscriberCleanup(
            sp.GetRequiredService<IStatusStore>(),
            sp.GetRequiredService<IOptions<StatusPagesOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<IHostApplicationLifetime>(),
            sp.GetRequiredService<ILogger<UnverifiedSubscriberCleanup>>()));
        AddHourlyCleanup(services, sp => new AuditLogPruning(
            sp.GetRequiredService<IStatusStore>(),
            sp.GetRequiredService<IOptions<StatusPagesOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<IHostApplicationLifetime>(),
            sp.GetRequiredService<ILogger<AuditLogPruning>>()));
        AddHourlyCleanup(services, sp => new MetricPointPruning(
            sp.GetRequiredService<IStatusStore>(),
            sp.GetRequiredService<IOptions<StatusPagesOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<IHostApplicationLifetime>(),
            sp.GetRequiredService<ILogger<MetricPointPruning>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, StartupRecompute>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SnapshotWarmupService>());

        // Notification dispatcher: one instance, resolvable for RunOnceAsync and run as a hosted service.
        services.TryAddSingleton(sp => new NotificationDispatcher(
            sp.GetRequiredService<IStatusStore>(), sp.GetServices<INotifier>(), sp.GetRequiredService<SubscriberLinks>(),
            sp.GetRequiredService<IOptions<NotificationOptions>>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetService<IHostApplicationLifetime>(), sp.GetRequiredService<ILogger<NotificationDispatcher>>(),
            sp.GetRequiredService<BackgroundWorkHealth>(), sp.GetRequiredService<StatusKitInstruments>(), audit: sp.GetRequiredService<AuditTrail>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, NotificationDispatcher>(sp => sp.GetRequiredService<NotificationDispatcher>()));
        return new StatusPagesBuilder(services);
    }

    /// <summary>Registers an hourly clean-up once, resolvable for its pass and run as a hosted service.</summary>
    private static void AddHourlyCleanup<T>(IServiceCollection services, Func<IServiceProvider, T> create)
        where T : HourlyCleanup
    {
        services.TryAddSingleton(create);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, T>(sp => sp.GetRequiredService<T>()));
    }

    /// <summary>Marks a collection StatusKit was added to, so a second AddStatusPages() adds nothing twice.</summary>
    private sealed class StatusPagesMarker;
}
