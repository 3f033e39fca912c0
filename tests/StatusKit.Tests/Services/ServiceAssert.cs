using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Notifications.Http;
using StatusKit.TestSupport;
using StatusKit.TestSupport.Fakes;

namespace StatusKit.Tests.Services;

/// <summary>Assertions shared by the service tests: a rejected call raises the right exception and changes nothing.</summary>
internal static class ServiceAssert
{
    /// <summary>The store methods that write; a rejected call must call none of them.</summary>
    private static readonly string[] WriteMethods =
    [
        nameof(IStatusStore.AddPageAsync), nameof(IStatusStore.UpdatePageAsync), nameof(IStatusStore.DeletePageAsync),
        nameof(IStatusStore.AddComponentAsync), nameof(IStatusStore.UpdateComponentAsync), nameof(IStatusStore.DeleteComponentAsync),
        nameof(IStatusStore.ReorderComponentsAsync), nameof(IStatusStore.CommitStatusAsync), nameof(IStatusStore.ApplySignalAsync),
        nameof(IStatusStore.AddMaintenanceWindowAsync), nameof(IStatusStore.TryUpdateMaintenanceWindowAsync), nameof(IStatusStore.DeleteMaintenanceWindowAsync),
        nameof(IStatusStore.AddStatusIncidentAsync), nameof(IStatusStore.UpdateStatusIncidentAsync), nameof(IStatusStore.AppendStatusIncidentUpdateAsync),
        nameof(IStatusStore.DeleteStatusIncidentAsync), nameof(IStatusStore.AddSubscriberAsync), nameof(IStatusStore.UpdateSubscriberAsync),
        nameof(IStatusStore.DeleteSubscriberAsync), nameof(IStatusStore.EnqueueNotificationsAsync),
        nameof(IStatusStore.AddIncidentTemplateAsync), nameof(IStatusStore.UpdateIncidentTemplateAsync), nameof(IStatusStore.DeleteIncidentTemplateAsync),
        nameof(IStatusStore.AddPageMetricAsync), nameof(IStatusStore.UpdatePageMetricAsync), nameof(IStatusStore.DeletePageMetricAsync),
        nameof(IStatusStore.AddMetricPointsAsync), nameof(IStatusStore.RecordUpstreamStatusAsync),
    ];

    /// <summary>
    /// Runs <paramref name="act"/>, expects <typeparamref name="TException"/> naming <paramref name="field"/>, and checks
    /// that no store write was attempted and that the store's contents are unchanged.
    /// </summary>
    public static async Task<TException> RejectsAsync<TException>(StatusKitHarness kit, string? field, Func<Task> act)
        where TException : StatusKitException
    {
        var before = await DumpAsync(kit.Store);
        var writesBefore = WriteCount(kit.StoreControl);

        var ex = await Assert.ThrowsAsync<TException>(act);

        Assert.Equal(field, ex.Field);
        Assert.False(string.IsNullOrWhiteSpace(ex.Message));
        if (ex is not StatusKitConflictException)
        {
            // A conflict (a taken slug, name or destination) is found by the store's atomic write, which then
            // changes nothing; every other rejection happens before any write is attempted.
            Assert.Equal(writesBefore, WriteCount(kit.StoreControl));
        }

        Assert.Equal(before, await DumpAsync(kit.Store));
        return ex;
    }

    /// <summary>Expects a <see cref="StatusKitValidationException"/> naming <paramref name="field"/>, and no change.</summary>
    public static Task<StatusKitValidationException> InvalidAsync(StatusKitHarness kit, string field, Func<Task> act) =>
        RejectsAsync<StatusKitValidationException>(kit, field, act);

    /// <summary>Records compare their lists by reference; compare them as JSON instead.</summary>
    public static void SameRecord<T>(T expected, T? actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));

    public static int WriteCount(InterceptingStatusStore control) => WriteMethods.Sum(control.Calls);

    /// <summary>Everything the store holds, as JSON: pages with their components, incidents, incident templates, subscribers, windows and history, and the outbox.</summary>
    public static async Task<string> DumpAsync(IStatusStore store)
    {
        var ct = CancellationToken.None;
        var pages = new List<object>();
        foreach (var page in await store.ListPagesAsync(null, ct))
        {
            pages.Add(new
            {
                page,
                components = await store.ListComponentsAsync(page.Id, ct),
                incidents = await store.ListStatusIncidentsAsync(page.Id, new StatusIncidentQuery { Take = 1_000 }, ct),
                templates = await store.ListIncidentTemplatesAsync(page.Id, ct),
                subscribers = await store.ListSubscribersAsync(page.Id, ct),
                windows = await store.ListMaintenanceWindowsAsync(page.Id, new MaintenanceWindowQuery { Take = 1_000 }, ct),
                history = await store.ListStatusHistoryAsync(page.Id, DateTimeOffset.MinValue, ct),
            });
        }

        var outbox = await store.ListNotificationsAsync(new NotificationQuery { Take = 10_000 }, ct);
        return JsonSerializer.Serialize(new { pages, outbox });
    }

    /// <summary>The outbox of a page, oldest first.</summary>
    public static async Task<IReadOnlyList<Notification>> OutboxAsync(StatusKitHarness kit, Guid pageId) =>
        [.. (await kit.Store.ListNotificationsAsync(new NotificationQuery { PageId = pageId, Take = 10_000 }, CancellationToken.None)).OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)];

    /// <summary>
    /// A harness whose webhook guard resolves every host name through <paramref name="dns"/> (no real DNS), optionally
    /// with an Email notifier, an SMS notifier and private networks allowed.
    /// </summary>
    public static StatusKitHarness Kit(bool withEmail = true, bool allowPrivateNetworks = false, Dictionary<string, IPAddress>? dns = null, bool withSms = false) =>
        new(services =>
        {
            if (withEmail)
            {
                services.AddSingleton<INotifier>(new RecordingNotifier(SubscriberChannel.Email));
            }

            if (withSms)
            {
                services.AddSingleton<INotifier>(new RecordingNotifier(SubscriberChannel.Sms));
            }

            services.Configure<WebhookAddressGuardOptions>(o => o.AllowPrivateNetworks = allowPrivateNetworks);
            var table = dns ?? new Dictionary<string, IPAddress>(StringComparer.OrdinalIgnoreCase)
            {
                ["hooks.slack.com"] = IPAddress.Parse("93.184.216.34"),
                ["hooks.example.com"] = IPAddress.Parse("151.101.1.140"),
                ["flows.example.com"] = IPAddress.Parse("20.42.65.92"),
                ["discord.com"] = IPAddress.Parse("162.159.135.232"),
                ["discordapp.com"] = IPAddress.Parse("162.159.133.233"),
                ["ptb.discord.com"] = IPAddress.Parse("162.159.136.232"),
                ["canary.discord.com"] = IPAddress.Parse("162.159.137.232"),
                ["internal.example.com"] = IPAddress.Parse("10.1.2.3"),
            };
            services.Replace(ServiceDescriptor.Singleton(sp => new WebhookAddressGuard(
                sp.GetRequiredService<IOptions<WebhookAddressGuardOptions>>(),
                sp.GetRequiredService<ILogger<WebhookAddressGuard>>(),
                (host, _) => Task.FromResult<IPAddress[]>(IPAddress.TryParse(host, out var literal) ? [literal]
                    : table.TryGetValue(host, out var address) ? [address]
                    : throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostNotFound)))));
        });
}
