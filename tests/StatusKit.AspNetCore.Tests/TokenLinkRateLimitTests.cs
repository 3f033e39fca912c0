using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Services;
using StatusKit.Testing;
using StatusKit.TestSupport.Fakes;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// The routes whose URL holds a token (<c>subscriptions/verify</c>, <c>unsubscribe</c>, <c>manage</c>) share a
/// per-client limit of their own, <see cref="StatusPageEndpointOptions.TokenLinkPermitLimit"/> per
/// <see cref="StatusPageEndpointOptions.TokenLinkWindow"/>, on the host's clock: beyond it they answer 429 with
/// <c>Retry-After</c> and touch nothing.
/// </summary>
public sealed class TokenLinkRateLimitTests : IAsyncLifetime
{
    private const int Limit = 3;
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly ListLoggerProvider _logs = new();
    private WebApplication? _app;
    private Subscription? _subscription;

    private WebApplication App => _app ?? throw new InvalidOperationException("Not started.");

    private Subscription Subscription => _subscription ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _app = await EmbeddedHost.StartAsync(
            services =>
            {
                services.AddSingleton<TimeProvider>(_clock);
                services.AddSingleton<ILoggerProvider>(_logs);
                services.AddSingleton<IStartupFilter, ClientAddressStartupFilter>();
                services.AddStatusPages().AddStatusPageEndpoints(o =>
                {
                    o.TokenLinkPermitLimit = Limit;
                    o.TokenLinkWindow = TimeSpan.FromMinutes(2);
                });
                services.AddSingleton<INotifier>(new RecordingNotifier(SubscriberChannel.Email));
            },
            app => app.MapStatusPages());
        var page = await App.Services.GetRequiredService<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Acme", Slug = "acme" });
        _subscription = await App.Services.GetRequiredService<SubscriberService>().SubscribeAsync(new Subscribe
        {
            PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "reader@example.com", PreVerified = true,
        });
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_token_routes_together_answer_429_with_Retry_After_and_problem_details_beyond_the_clients_permits()
    {
        using var client = Client("198.51.100.7", json: true);

        using var verify = await client.GetAsync("/status/acme/subscriptions/verify?token=guess-1");
        using var unsubscribe = await client.GetAsync("/status/acme/subscriptions/unsubscribe?token=guess-2");
        using var manage = await client.PostAsync("/status/acme/subscriptions/manage?token=guess-3", null);
        _clock.Advance(TimeSpan.FromSeconds(30));
        using var refused = await client.GetAsync("/status/acme/subscriptions/manage?token=guess-4");

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound], new[] { verify.StatusCode, unsubscribe.StatusCode, manage.StatusCode });
        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(90), refused.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("no-store", refused.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_refused_unsubscribe_changes_nothing_and_the_next_window_takes_it()
    {
        using var client = Client("198.51.100.8", json: true);
        var link = $"/status/acme/subscriptions/unsubscribe?token={Subscription.UnsubscribeToken}";
        for (var i = 0; i < Limit; i++)
        {
            using var look = await client.GetAsync(link);
            Assert.Equal(HttpStatusCode.OK, look.StatusCode);
        }

        using var refused = await client.PostAsync(link, null);
        var stillActive = (await App.Services.GetRequiredService<SubscriberService>().GetAsync(Subscription.Subscriber.Id))!.IsActive;
        _clock.Advance(TimeSpan.FromMinutes(2));
        using var taken = await client.PostAsync(link, null);

        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        Assert.True(stillActive);
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.False((await App.Services.GetRequiredService<SubscriberService>().GetAsync(Subscription.Subscriber.Id))!.IsActive);
    }

    [Fact]
    public async Task Each_client_has_its_own_permits_an_IPv6_client_by_its_64_prefix()
    {
        using var first = Client("2001:db8:7:1::1", json: true);
        using var samePrefix = Client("2001:db8:7:1::2", json: true);
        using var other = Client("203.0.113.9", json: true);

        for (var i = 0; i < Limit; i++)
        {
            using var used = await first.GetAsync("/status/acme/subscriptions/verify?token=guess");
        }

        using var refused = await samePrefix.GetAsync("/status/acme/subscriptions/verify?token=guess");
        using var allowed = await other.GetAsync("/status/acme/subscriptions/verify?token=guess");

        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, allowed.StatusCode);
    }

    [Fact]
    public async Task A_person_gets_a_page_saying_so_and_the_refusal_is_logged_without_the_token()
    {
        using var client = Client("198.51.100.9", json: false);
        for (var i = 0; i < Limit; i++)
        {
            using var used = await client.GetAsync("/status/acme/subscriptions/manage?token=secret-looking-token");
        }

        using var refused = await client.GetAsync("/status/acme/subscriptions/manage?token=secret-looking-token");

        Assert.Equal(((HttpStatusCode)429, "text/html"), (refused.StatusCode, refused.Content.Headers.ContentType?.MediaType));
        Assert.Equal(TimeSpan.FromMinutes(2), refused.Headers.RetryAfter?.Delta);
        Assert.Contains("Too many requests", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var logged = Assert.Single(_logs.Entries, e => e.EventId.Id == 1414);
        Assert.Equal(("StatusKit.AspNetCore.Subscriptions", LogLevel.Information), (logged.Category, logged.Level));
        Assert.Contains("acme", logged.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_logs.Entries, e => e.Message.Contains("secret-looking-token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_subscribe_route_keeps_its_own_budget()
    {
        using var client = Client("198.51.100.10", json: true);
        for (var i = 0; i < Limit; i++)
        {
            using var used = await client.GetAsync("/status/acme/subscriptions/verify?token=guess");
        }

        using var subscribe = await client.PostAsync(
            "/status/acme/subscriptions", new StringContent("""{ "channel": "email", "destination": "new@example.com" }""", null, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, subscribe.StatusCode);
    }

    [Fact]
    public async Task The_subscribe_routes_own_limit_runs_on_the_hosts_clock_too_and_ends_with_its_window()
    {
        using var client = Client("198.51.100.11", json: true);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add(await SubscribeAsync(client, $"reader{i}@example.com"));
        }

        _clock.Advance(TimeSpan.FromSeconds(20));
        using var refused = await client.PostAsync(
            "/status/acme/subscriptions", new StringContent("""{ "channel": "email", "destination": "late@example.com" }""", null, "application/json"));
        _clock.Advance(TimeSpan.FromSeconds(40));
        var nextWindow = await SubscribeAsync(client, "late@example.com");

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Accepted, status));
        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(40), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.Accepted, nextWindow);
    }

    private static async Task<HttpStatusCode> SubscribeAsync(HttpClient client, string destination)
    {
        using var response = await client.PostAsync(
            "/status/acme/subscriptions", new StringContent($$"""{ "channel": "email", "destination": "{{destination}}" }""", null, "application/json"));
        return response.StatusCode;
    }

    private HttpClient Client(string address, bool json)
    {
        var client = App.Client();
        client.DefaultRequestHeaders.Add(ClientAddressStartupFilter.HeaderName, address);
        if (json)
        {
            client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }

        return client;
    }
}
