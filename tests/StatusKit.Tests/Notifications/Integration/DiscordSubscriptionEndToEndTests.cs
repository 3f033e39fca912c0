using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusKit.Configuration;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Notifications.Discord;
using StatusKit.Notifications.Dispatching;
using StatusKit.Notifications.Http;
using StatusKit.Services;
using StatusKit.TestSupport;

namespace StatusKit.Tests.Notifications.Integration;

/// <summary>
/// A Discord subscriber through <c>AddStatusPages()</c>: the dispatcher posts its confirmation request as an embed whose
/// link confirms it; Discord's rate limit delays the retry as long as Discord asked; a deleted webhook (404) stops the
/// subscription as a gone destination. Discord is a fake <see cref="HttpMessageHandler"/>.
/// </summary>
public sealed class DiscordSubscriptionEndToEndTests
{
    private const string Webhook = "https://discord.com/api/webhooks/112233445566778899/AbC-dEf_123";

    [Fact]
    public async Task A_Discord_subscriber_gets_an_embed_with_the_confirmation_link_and_confirms_with_it()
    {
        var discord = new FakeDiscord(() => new HttpResponseMessage(HttpStatusCode.NoContent));
        await using var kit = Kit(discord);
        var (page, _) = await kit.CreatePageAsync("Acme");

        var subscription = await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Discord, Destination = Webhook });
        Assert.Equal(1, await kit.Get<NotificationDispatcher>().RunOnceAsync(CancellationToken.None));

        var (target, body) = Assert.Single(discord.Requests);
        Assert.Equal(Webhook, target.AbsoluteUri);
        using var json = JsonDocument.Parse(body);
        var embed = json.RootElement.GetProperty("embeds")[0];
        var link = new Uri(embed.GetProperty("url").GetString()!);
        Assert.StartsWith($"https://status.acme.test/status/{page.Slug}/subscriptions/verify?token=", link.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal($"token={subscription.VerificationToken}", link.Query.TrimStart('?'));
        Assert.Contains($"[Confirm your subscription]({link.AbsoluteUri})", embed.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("[Unsubscribe](", embed.GetProperty("description").GetString(), StringComparison.Ordinal);

        var confirmed = await kit.Subscribers.VerifyAsync(page.Id, subscription.VerificationToken!);

        Assert.True(confirmed!.IsVerified);
        Assert.Equal(SubscriberChannel.Discord, confirmed.Channel);
    }

    [Fact]
    public async Task Discords_rate_limit_delays_the_retry_by_the_seconds_it_asked_for()
    {
        var discord = new FakeDiscord(() => new HttpResponseMessage(HttpStatusCode.TooManyRequests)
        {
            Content = new StringContent("""{"message": "You are being rate limited.", "retry_after": 3600.5, "global": false}""", Encoding.UTF8, "application/json"),
        });
        await using var kit = Kit(discord);
        var (page, _) = await kit.CreatePageAsync("Acme");
        await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Discord, Destination = Webhook });
        var sentAt = kit.Clock.GetUtcNow();

        await kit.Get<NotificationDispatcher>().RunOnceAsync(CancellationToken.None);

        var row = Assert.Single(await kit.Store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id }, CancellationToken.None));
        Assert.Equal((NotificationState.Pending, 1), (row.State, row.Attempts));
        Assert.Equal(sentAt + TimeSpan.FromSeconds(3600.5), row.DueAt);
    }

    [Fact]
    public async Task A_deleted_webhook_stops_the_subscription_as_a_gone_destination()
    {
        var discord = new FakeDiscord(() => new HttpResponseMessage(HttpStatusCode.NotFound)
        {
            Content = new StringContent("""{"message": "Unknown Webhook", "code": 10015}""", Encoding.UTF8, "application/json"),
        });
        await using var kit = Kit(discord);
        var (page, _) = await kit.CreatePageAsync("Acme");
        var subscription = await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Discord, Destination = Webhook });

        await kit.Get<NotificationDispatcher>().RunOnceAsync(CancellationToken.None);

        var subscriber = await kit.Subscribers.GetAsync(subscription.Subscriber.Id);
        Assert.Equal((false, SubscriberDeactivationReason.DestinationGone), (subscriber!.IsActive, subscriber.DeactivationReason));
        var row = Assert.Single(await kit.Store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id }, CancellationToken.None));
        Assert.Equal(NotificationState.DeadLettered, row.State);
        Assert.Contains("Unknown Webhook", row.LastError, StringComparison.Ordinal);
    }

    private static StatusKitHarness Kit(FakeDiscord discord) => new(services =>
    {
        services.Configure<StatusPagesOptions>(o =>
        {
            o.PublicBaseAddress = new Uri("https://status.acme.test/status");
            o.LinkSigningKey = Convert.ToBase64String(new byte[32]);
        });
        services.Replace(ServiceDescriptor.Singleton(sp => new WebhookAddressGuard(
            sp.GetRequiredService<IOptions<WebhookAddressGuardOptions>>(),
            sp.GetRequiredService<ILogger<WebhookAddressGuard>>(),
            (_, _) => Task.FromResult<IPAddress[]>([IPAddress.Parse("162.159.135.232")]))));
        services.AddHttpClient(DiscordNotifier.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => discord);
    });

    /// <summary>Discord's Execute Webhook: records each request and gives the answer it was made with.</summary>
    private sealed class FakeDiscord(Func<HttpResponseMessage> answer) : HttpMessageHandler
    {
        public List<(Uri Target, string Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((request.RequestUri!, await request.Content!.ReadAsStringAsync(cancellationToken)));
            return answer();
        }
    }
}
