using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StatusKit.Abstractions;
using StatusKit.Maintenance;
using StatusKit.Notifications;
using StatusKit.Notifications.Dispatching;
using StatusKit.Services;

namespace StatusKit.EntityFrameworkCore.Tests.MultiInstance;

/// <summary>
/// One complete StatusKit composition ("host"): <c>AddStatusPages().UseEntityFrameworkCoreStore&lt;…&gt;()</c> over a
/// PostgreSQL database that other hosts share, with its own scheduler, dispatcher and cache. No hosted services are
/// started: the test drives the scheduler's and the dispatcher's passes itself.
/// </summary>
internal sealed class PostgreSqlHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public PostgreSqlHost(string connectionString, TimeProvider time, INotifier notifier, ILoggerProvider logs)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(time);
        services.AddDbContextFactory<StatusKitPostgreSqlDbContext>(o => o.UseNpgsql(connectionString));
        services.AddSingleton(notifier);
        services.AddStatusPages(o => o.WarmSnapshotsOnStart = false).UseEntityFrameworkCoreStore<StatusKitPostgreSqlDbContext>();
        services.Configure<MaintenanceOptions>(o =>
        {
            // The transitions' notices are under test: 200 "scheduled" notices written with the windows at the start
            // would queue ahead of them and hold back the first component changes long enough to merge with the next.
            o.ReminderLeadTime = TimeSpan.Zero;
            o.NotifyWhenScheduled = false;
        });
        services.Configure<NotificationOptions>(o =>
        {
            // Every row is due at once and sent on the first attempt: the cap would only turn rows into digests.
            o.MaxNotificationsPerHour = 0;
            o.RetryJitter = 0;

            // Both subscribers hear every maintenance notice and component change, and one dispatcher at a time holds
            // a subscriber's rows, so a pass moves at most one batch: it must drain the burst of 20 windows starting
            // together before they end, or a queued change merges with the return to Operational and is superseded.
            o.BatchSize = 60;
        });

        // No host here: the test drives the background services' passes itself.
        services.RemoveAll<IHostedService>();
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public IStatusStore Store => _provider.GetRequiredService<IStatusStore>();

    public MaintenanceScheduler Scheduler => _provider.GetRequiredService<MaintenanceScheduler>();

    public NotificationDispatcher Dispatcher => _provider.GetRequiredService<NotificationDispatcher>();

    public MaintenanceService Maintenance => _provider.GetRequiredService<MaintenanceService>();

    public StatusPageService Pages => _provider.GetRequiredService<StatusPageService>();

    public ComponentService Components => _provider.GetRequiredService<ComponentService>();

    public SubscriberService Subscribers => _provider.GetRequiredService<SubscriberService>();

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
