using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.Notifications.Dispatching;
using StatusKit.Notifications.Webhooks;
using StatusKit.Services;
using StatusKit.Testing;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// A webhook subscribed through the public route learns its signing secret as docs/notifications.md tells a receiver
/// to: the verification request brings a link, the receiver confirms with a POST that accepts JSON, and the answer
/// (which only the holder of the token, the URL's owner, gets) carries the secret, with which the receiver then checks
/// every later delivery. The receiver is an endpoint of the same test app: the webhook notifier's HTTP client reaches it
/// through the test server.
/// </summary>
public sealed class WebhookSigningSecretTests : IAsyncLifetime
{
    private const string ReceiverUrl = "http://127.0.0.1/hooks/statuskit";
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly Receiver _receiver = new();
    private WebApplication? _app;

    private WebApplication App => _app ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _app = await EmbeddedHost.StartAsync(
            services =>
            {
                services.AddSingleton<TimeProvider>(_clock);
                services.AddStatusPages(o =>
                    {
                        o.PublicBaseAddress = new Uri("https://status.example.test/status");
                        o.LinkSigningKey = Convert.ToBase64String(new byte[32]);
                    })
                    .ConfigureWebhookAddresses(o => o.AllowPrivateNetworks = true)
                    .AddStatusPageEndpoints();
                // The webhook notifier's requests go to this app's test server, where the receiver below listens.
                services.AddHttpClient(WebhookNotifier.HttpClientName)
                    .ConfigurePrimaryHttpMessageHandler(sp => ((TestServer)sp.GetRequiredService<IServer>()).CreateHandler());
            },
            app =>
            {
                app.MapStatusPages("/status");
                app.MapPost("/hooks/statuskit", (HttpRequest request) => _receiver.HandleAsync(request, _clock));
            });
        _receiver.StatusHost = App.Client();
        await App.Services.GetRequiredService<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Acme Status", Slug = "acme" });
    }

    public async Task DisposeAsync()
    {
        _receiver.StatusHost?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task PublicSubscribe_Webhook_ReceiverGetsItsSecretByConfirming_AndVerifiesLaterDeliveriesWithIt()
    {
        // Arrange: a webhook subscribes through the public route, whose answer is the one any destination gets.
        using var visitor = App.Client();
        using var subscribed = await visitor.PostAsJsonAsync("/status/acme/subscriptions", new { channel = "webhook", destination = ReceiverUrl });
        using var other = await visitor.PostAsJsonAsync("/status/acme/subscriptions", new { channel = "webhook", destination = "http://127.0.0.1/hooks/other" });
        Assert.Equal(HttpStatusCode.Accepted, subscribed.StatusCode);
        Assert.Equal(await other.Content.ReadAsStringAsync(), await subscribed.Content.ReadAsStringAsync());

        // Act: the verification request reaches the receiver, which confirms and keeps the secret; then an incident.
        await DispatchUntilAsync(_receiver.Confirmed);
        await App.Services.GetRequiredService<StatusIncidentService>().CreateAsync(new CreateStatusIncident
        {
            PageId = (await App.Services.GetRequiredService<StatusPageService>().GetBySlugAsync("acme"))!.Id,
            Title = "Elevated errors",
            Message = "We are looking into it.",
        });
        await DispatchUntilAsync(_receiver.VerifiedDelivery);

        // Assert: the secret came from the confirmation, for this URL, and is the one the deliveries are signed with.
        var confirmation = await _receiver.Confirmed;
        Assert.Equal(ReceiverUrl, confirmation.GetProperty("destination").GetString());
        Assert.Equal("acme", confirmation.GetProperty("page").GetProperty("slug").GetString());
        var secret = confirmation.GetProperty("signingSecret").GetString();
        Assert.True(WebhookSignature.IsValidSecret(secret));
        Assert.DoesNotContain(secret!, await subscribed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("incident.created", (await _receiver.VerifiedDelivery).GetProperty("type").GetString());
        Assert.True(_receiver.VerificationRequestSignedWithTheSecret, "the verification request, kept, verifies with the secret afterwards");
        Assert.Equal(0, _receiver.Refused);
    }

    [Fact]
    public async Task EveryDelivery_CarriesAnUnsubscribeLink_ThatUnsubscribesTheReceiverWhenPosted()
    {
        // Arrange: a receiver subscribed through the public route, confirmed, and sent an incident.
        using var visitor = App.Client();
        using var subscribed = await visitor.PostAsJsonAsync("/status/acme/subscriptions", new { channel = "webhook", destination = ReceiverUrl });
        await DispatchUntilAsync(_receiver.Confirmed);
        var page = (await App.Services.GetRequiredService<StatusPageService>().GetBySlugAsync("acme"))!;
        await App.Services.GetRequiredService<StatusIncidentService>().CreateAsync(new CreateStatusIncident
        {
            PageId = page.Id,
            Title = "Elevated errors",
            Message = "We are looking into it.",
        });
        await DispatchUntilAsync(_receiver.VerifiedDelivery);
        var link = (await _receiver.VerifiedDelivery).GetProperty("meta").GetProperty("unsubscribe").GetString();

        // Act: the receiver's owner follows the link as RFC 8058 one-click does.
        using var answer = await _receiver.StatusHost!.PostAsync(
            link, new FormUrlEncodedContent([new KeyValuePair<string, string>("List-Unsubscribe", "One-Click")]));

        // Assert: the link is under the public base address, and the receiver no longer gets anything.
        Assert.StartsWith("https://status.example.test/status/acme/subscriptions/unsubscribe?token=", link, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var subscriber = Assert.Single(await App.Services.GetRequiredService<SubscriberService>().ListAsync(page.Id));
        Assert.Equal(ReceiverUrl, subscriber.Destination);
        Assert.False(subscriber.IsActive);
    }

    [Fact]
    public async Task ConfirmingAgain_WithTheSameLink_ShowsTheSecretNoMore()
    {
        var subscription = await App.Services.GetRequiredService<SubscriberService>().SubscribeAsync(new Subscribe
        {
            PageId = (await App.Services.GetRequiredService<StatusPageService>().GetBySlugAsync("acme"))!.Id,
            Channel = StatusKit.Model.SubscriberChannel.Webhook,
            Destination = "http://127.0.0.1/hooks/again",
        });
        using var client = App.Client();
        var link = $"/status/acme/subscriptions/verify?token={subscription.VerificationToken}";

        using var first = await client.SendAsync(JsonPost(link));
        using var second = await client.SendAsync(JsonPost(link));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound), (first.StatusCode, second.StatusCode));
        Assert.Equal("no-store", first.Headers.CacheControl?.ToString());
        var secret = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("signingSecret").GetString();
        Assert.Equal(subscription.Subscriber.SigningSecret, secret);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(secret!, await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmingInABrowser_ShowsTheSecretOnThePage()
    {
        var subscription = await App.Services.GetRequiredService<SubscriberService>().SubscribeAsync(new Subscribe
        {
            PageId = (await App.Services.GetRequiredService<StatusPageService>().GetBySlugAsync("acme"))!.Id,
            Channel = StatusKit.Model.SubscriberChannel.Webhook,
            Destination = "http://127.0.0.1/hooks/by-hand",
        });
        using var client = App.Client();

        using var confirmed = await client.PostAsync($"/status/acme/subscriptions/verify?token={subscription.VerificationToken}", null);

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("text/html", confirmed.Content.Headers.ContentType?.MediaType);
        Assert.Contains(subscription.Subscriber.SigningSecret!, WebUtility.HtmlDecode(await confirmed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    private static HttpRequestMessage JsonPost(string link)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, link);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    /// <summary>Runs dispatcher passes until <paramref name="done"/> completes (the hosted dispatcher may send first).</summary>
    private async Task DispatchUntilAsync(Task done)
    {
        var dispatcher = App.Services.GetRequiredService<NotificationDispatcher>();
        for (var pass = 0; pass < 20 && !done.IsCompleted; pass++)
        {
            await dispatcher.RunOnceAsync(CancellationToken.None);
        }

        await done.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>
    /// A webhook receiver written from docs/notifications.md: it confirms a verification request with a POST to its link,
    /// takes the secret from the answer once it names the receiver's own URL, and accepts a delivery only when its
    /// Standard Webhooks signature verifies with that secret.
    /// </summary>
    private sealed class Receiver
    {
        private readonly TaskCompletionSource<JsonElement> _confirmed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<JsonElement> _verified = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConcurrentQueue<(string Id, string Timestamp, string Body, string Signature)> _verificationRequests = new();
        private int _refused;
        private string? _secret;

        public HttpClient? StatusHost { get; set; }

        public Task<JsonElement> Confirmed => _confirmed.Task;

        public Task<JsonElement> VerifiedDelivery => _verified.Task;

        public int Refused => Volatile.Read(ref _refused);

        public bool VerificationRequestSignedWithTheSecret => _secret is { } secret
            && _verificationRequests.Any(r => WebhookSignature.Verify(secret, r.Id, r.Timestamp, r.Body, r.Signature));

        public async Task<IResult> HandleAsync(HttpRequest request, TimeProvider clock)
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var (id, timestamp, signature) = (request.Headers["webhook-id"].ToString(), request.Headers["webhook-timestamp"].ToString(), request.Headers["webhook-signature"].ToString());
            var payload = JsonDocument.Parse(body).RootElement;
            if (payload.GetProperty("type").GetString() == "subscription.verification")
            {
                // Signed with the secret the receiver does not have yet: kept, to be checked once it has.
                _verificationRequests.Enqueue((id, timestamp, body, signature));
                using var confirm = JsonPost(payload.GetProperty("link").GetString()!);
                using var answer = await StatusHost!.SendAsync(confirm);
                var confirmation = await answer.Content.ReadFromJsonAsync<JsonElement>();
                if (answer.IsSuccessStatusCode && confirmation.GetProperty("destination").GetString() == ReceiverUrl)
                {
                    _secret = confirmation.GetProperty("signingSecret").GetString();
                    _confirmed.TrySetResult(confirmation);
                }

                return Results.NoContent();
            }

            if (_secret is null || !WebhookSignature.Verify(_secret, id, timestamp, body, signature, clock.GetUtcNow(), TimeSpan.FromMinutes(5)))
            {
                Interlocked.Increment(ref _refused);
                return Results.Unauthorized();
            }

            _verified.TrySetResult(payload);
            return Results.NoContent();
        }
    }
}
