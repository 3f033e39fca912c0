using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusKit.Model;
using StatusKit.Notifications.Http;
using StatusKit.Services;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// Subscribing a Discord webhook through the public route, by JSON and by the page's form. The host's address guard
/// resolves Discord's host names to a public address without DNS (its resolver is the one seam tests use).
/// </summary>
public sealed class DiscordSubscriptionTests
{
    private const string Webhook = "https://discord.com/api/webhooks/112233445566778899/AbC-dEf_123";

    [Fact]
    public async Task A_Discord_webhook_subscribes_by_JSON_and_by_the_form_with_the_discord_channel()
    {
        await using var app = await StartAsync();
        using var client = app.Client();

        using var json = await client.PostAsJsonAsync("/status/acme/subscriptions", new { channel = "discord", destination = Webhook, notifyOn = new[] { "outage" } });
        using var form = await client.PostAsync("/status/acme/subscriptions", new FormUrlEncodedContent(
            [new("channel", "Discord"), new("destination", Webhook.Replace("discord.com", "discordapp.com", StringComparison.Ordinal))]));

        Assert.Equal(HttpStatusCode.Accepted, json.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, form.StatusCode);
        var pageId = (await app.Services.GetRequiredService<StatusPageService>().GetBySlugAsync("acme"))!.Id;
        var subscribers = await app.Services.GetRequiredService<SubscriberService>().ListAsync(pageId);
        Assert.Equal(
            [(SubscriberChannel.Discord, Webhook, NotificationEvents.Outage), (SubscriberChannel.Discord, "https://discordapp.com/api/webhooks/112233445566778899/AbC-dEf_123", NotificationEvents.All)],
            subscribers.OrderBy(s => s.CreatedAt).ThenBy(s => s.Destination.Length).Select(s => (s.Channel, s.Destination, s.NotifyOn)));
    }

    [Fact]
    public async Task A_URL_that_is_no_Discord_webhook_is_a_400_naming_the_destination_and_saying_what_is_expected()
    {
        await using var app = await StartAsync();
        using var client = app.Client();

        using var refused = await client.PostAsJsonAsync("/status/acme/subscriptions", new { channel = "discord", destination = "https://hooks.slack.com/services/T0/B0/x" });

        await AdminResponses.AssertProblemAsync(refused, HttpStatusCode.BadRequest, "destination");
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("https://discord.com/api/webhooks/{id}/{token}", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task<WebApplication> StartAsync()
    {
        var app = await EmbeddedHost.StartAsync(
            services =>
            {
                services.AddStatusPages().AddStatusPageEndpoints();
                services.Replace(ServiceDescriptor.Singleton(GuardResolvingToAPublicAddress));
            },
            app => app.MapStatusPages("/status"));
        await app.Services.GetRequiredService<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Acme", Slug = "acme" });
        return app;
    }

    // The guard's resolver is internal to StatusKit; this test assembly sees only StatusKit.AspNetCore's internals.
    private static WebhookAddressGuard GuardResolvingToAPublicAddress(IServiceProvider services) =>
        (WebhookAddressGuard)Activator.CreateInstance(
            typeof(WebhookAddressGuard),
            BindingFlags.Instance | BindingFlags.NonPublic,
            binder: null,
            [
                services.GetRequiredService<IOptions<WebhookAddressGuardOptions>>(),
                services.GetRequiredService<ILogger<WebhookAddressGuard>>(),
                (Func<string, CancellationToken, Task<IPAddress[]>>)((_, _) => Task.FromResult<IPAddress[]>([IPAddress.Parse("162.159.135.232")])),
            ],
            culture: null)!;
}
