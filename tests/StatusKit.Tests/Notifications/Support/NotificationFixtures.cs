using StatusKit.Testing;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Notifications.Discord;
using StatusKit.Notifications.Http;
using StatusKit.Notifications.Slack;
using StatusKit.Notifications.Teams;
using StatusKit.Notifications.Webhooks;
using StatusKit.Status;
using StatusKit.TestSupport.Fakes;

namespace StatusKit.Tests.Notifications.Support;

/// <summary>Messages and a DI container wired the way docs/notifications.md tells hosts to wire the notifiers.</summary>
public static class NotificationFixtures
{
    public static readonly Guid PageId = Guid.Parse("0197a5d0-0000-7000-8000-000000000001");
    public static readonly Guid ComponentId = Guid.Parse("0197a5d0-0000-7000-8000-000000000002");

    public static NotificationMessage Message(
        SubscriberChannel channel,
        string destination,
        string? signingSecret = null,
        Uri? unsubscribeUrl = null,
        NotificationContent? content = null) => new(
        Guid.Parse("0197a5d0-0000-7000-8000-0000000000aa"),
        1,
        new Subscriber
        {
            Id = Guid.Parse("0197a5d0-0000-7000-8000-0000000000bb"),
            PageId = PageId,
            Channel = channel,
            Destination = destination,
            IsVerified = true,
            UnsubscribeTokenHash = new string('a', 64),
            SigningSecret = signingSecret,
            CreatedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        },
        content ?? Content(),
        unsubscribeUrl);

    public static NotificationContent Content() => new()
    {
        Kind = NotificationKind.ComponentStatusChanged,
        Event = NotificationEvents.Outage,
        Subject = "API is having a major outage",
        Body = "Requests to the API fail.\n\nWe are investigating.",
        PageName = "Acme Status",
        PageSlug = "acme",
        ComponentId = ComponentId,
        ComponentName = "API",
        OldStatus = ComponentStatus.Operational,
        NewStatus = ComponentStatus.MajorOutage,
        Link = "https://status.acme.test/acme",
        OccurredAt = new DateTimeOffset(2026, 1, 5, 8, 59, 30, TimeSpan.Zero),
    };

    public static ServiceProvider BuildServices(
        TimeProvider clock,
        ListLoggerProvider logs,
        bool allowPrivateNetworks = true,
        bool allowHttp = false,
        TimeSpan? timeout = null,
        Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton(clock);
        services.Configure<WebhookAddressGuardOptions>(o =>
        {
            o.AllowPrivateNetworks = allowPrivateNetworks;
            o.AllowHttp = allowHttp;
        });
        if (resolve is null)
        {
            services.AddSingleton<WebhookAddressGuard>();
        }
        else
        {
            services.AddSingleton(sp => new WebhookAddressGuard(
                sp.GetRequiredService<IOptions<WebhookAddressGuardOptions>>(),
                sp.GetRequiredService<ILogger<WebhookAddressGuard>>(),
                resolve));
        }

        services.Configure<WebhookNotifierOptions>(o => o.Timeout = timeout ?? o.Timeout);
        services.Configure<SlackNotifierOptions>(o => o.Timeout = timeout ?? o.Timeout);
        services.Configure<TeamsNotifierOptions>(o => o.Timeout = timeout ?? o.Timeout);
        services.Configure<DiscordNotifierOptions>(o => o.Timeout = timeout ?? o.Timeout);
        foreach (var name in new[] { WebhookNotifier.HttpClientName, SlackNotifier.HttpClientName, TeamsNotifier.HttpClientName, DiscordNotifier.HttpClientName })
        {
            services.AddHttpClient(name, c => c.Timeout = Timeout.InfiniteTimeSpan)
                .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<WebhookAddressGuard>().CreateHandler())
                .RemoveAllLoggers();
        }

        services.AddSingleton<WebhookNotifier>();
        services.AddSingleton<SlackNotifier>();
        services.AddSingleton<TeamsNotifier>();
        services.AddSingleton<DiscordNotifier>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static ManualTimeProvider Clock() => new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    /// <summary>A port on 127.0.0.1 that nothing listens on (bound, then released).</summary>
    public static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
