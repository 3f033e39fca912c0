using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Notifications.Discord;
using StatusKit.Notifications.Http;
using StatusKit.Tests.Notifications.Support;
using StatusKit.TestSupport.Fakes;
using static StatusKit.Tests.Notifications.Support.NotificationFixtures;

namespace StatusKit.Tests.Notifications;

/// <summary>The Discord notifier against a fake Discord (an <see cref="HttpMessageHandler"/> answering as Execute Webhook does).</summary>
public sealed class DiscordNotifierTests
{
    private const string Webhook = "https://discord.com/api/webhooks/112233445566778899/AbC-dEf_123";
    private readonly ListLoggerProvider _logs = new();
    private readonly FakeDiscord _discord = new();

    [Fact]
    public async Task A_notice_is_posted_as_JSON_to_the_webhook_and_204_is_delivered()
    {
        _discord.Answer = () => new HttpResponseMessage(HttpStatusCode.NoContent);
        await using var services = Services();

        var result = await services.GetRequiredService<DiscordNotifier>().SendAsync(Message(SubscriberChannel.Discord, Webhook), CancellationToken.None);

        Assert.Equal(NotificationResultKind.Delivered, result.Kind);
        var request = Assert.Single(_discord.Requests);
        Assert.Equal((HttpMethod.Post, Webhook), (request.Method, request.Uri));
        Assert.Equal(("application/json", "StatusKit-Discord/1.0"), (request.ContentType, request.UserAgent));
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal("API is having a major outage", json.RootElement.GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 4504);
        Assert.DoesNotContain(_logs.Entries, e => e.Message.Contains("AbC-dEf_123", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(200, NotificationResultKind.Delivered)]
    [InlineData(204, NotificationResultKind.Delivered)]
    [InlineData(404, NotificationResultKind.Gone)]
    [InlineData(410, NotificationResultKind.Gone)]
    [InlineData(401, NotificationResultKind.Gone)]
    [InlineData(400, NotificationResultKind.Permanent)]
    [InlineData(403, NotificationResultKind.Permanent)]
    [InlineData(429, NotificationResultKind.Retry)]
    [InlineData(500, NotificationResultKind.Retry)]
    [InlineData(502, NotificationResultKind.Retry)]
    [InlineData(503, NotificationResultKind.Retry)]
    public async Task Discords_answer_maps_to_the_result_and_a_deleted_webhook_or_a_revoked_token_is_gone(int status, NotificationResultKind expected)
    {
        _discord.Answer = () => new HttpResponseMessage((HttpStatusCode)status)
        {
            Content = new StringContent(
                status switch
                {
                    404 => """{"message": "Unknown Webhook", "code": 10015}""",
                    401 => """{"message": "Invalid Webhook Token", "code": 50027}""",
                    _ => "{}",
                },
                Encoding.UTF8,
                "application/json"),
        };
        await using var services = Services();

        var result = await services.GetRequiredService<DiscordNotifier>().SendAsync(Message(SubscriberChannel.Discord, Webhook), CancellationToken.None);

        Assert.Equal(expected, result.Kind);
        Assert.Equal(expected != NotificationResultKind.Delivered, result.IsDestinationFailure);
        if (expected != NotificationResultKind.Delivered)
        {
            Assert.Contains(status.ToString(CultureInfo.InvariantCulture), result.Error, StringComparison.Ordinal);
            Assert.Contains(_logs.Entries, e => e.EventId.Id == 4505);
        }

        if (status == 404)
        {
            Assert.Contains("Unknown Webhook", result.Error, StringComparison.Ordinal);
        }

        if (status == 401)
        {
            Assert.Contains("Invalid Webhook Token", result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Too_many_requests_retries_after_the_Retry_After_header()
    {
        _discord.Answer = () =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests)
            {
                Content = new StringContent("""{"message": "You are being rate limited.", "retry_after": 2.5, "global": false}""", Encoding.UTF8, "application/json"),
            };
            response.Headers.Add("Retry-After", "3");
            return response;
        };
        await using var services = Services();

        var result = await services.GetRequiredService<DiscordNotifier>().SendAsync(Message(SubscriberChannel.Discord, Webhook), CancellationToken.None);

        Assert.Equal((NotificationResultKind.Retry, TimeSpan.FromSeconds(3)), (result.Kind, result.RetryAfter));
    }

    [Fact]
    public async Task Too_many_requests_without_the_header_retries_after_the_bodys_fractional_retry_after()
    {
        _discord.Answer = () => new HttpResponseMessage(HttpStatusCode.TooManyRequests)
        {
            Content = new StringContent("""{"message": "You are being rate limited.", "retry_after": 1.25, "global": true}""", Encoding.UTF8, "application/json"),
        };
        await using var services = Services();

        var result = await services.GetRequiredService<DiscordNotifier>().SendAsync(Message(SubscriberChannel.Discord, Webhook), CancellationToken.None);

        Assert.Equal((NotificationResultKind.Retry, TimeSpan.FromSeconds(1.25)), (result.Kind, result.RetryAfter));
    }

    [Theory]
    [InlineData("""{"retry_after": -4}""", 0.0)]
    [InlineData("""{"retry_after": "soon"}""", null)]
    [InlineData("""[{"retry_after": 4}]""", null)]
    [InlineData("""not json, retry_after""", null)]
    [InlineData("""{"retry_after": 1e400}""", null)]
    public void A_bodys_retry_after_is_read_only_when_it_is_a_number_and_never_negative(string body, double? seconds)
    {
        Assert.Equal(seconds is { } s ? TimeSpan.FromSeconds(s) : null, HttpDelivery.RetryAfterInBody(body));
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Unauthorized)]
    public async Task A_404_or_401_stays_permanent_for_the_other_channels_which_do_not_say_gone_with_it(HttpStatusCode status)
    {
        using var response = new HttpResponseMessage(status);

        var result = await HttpDelivery.MapAsync(response, Clock(), CancellationToken.None);

        Assert.Equal(NotificationResultKind.Permanent, result.Kind);
    }

    [Fact]
    public async Task The_address_guard_refuses_a_connection_to_a_private_address_on_the_notifiers_own_client()
    {
        // Wired as docs/notifications.md tells hosts: the client's handler is the guard's, which dials only allowed addresses.
        await using var services = BuildServices(Clock(), _logs, allowPrivateNetworks: false, resolve: (_, _) => Task.FromResult<IPAddress[]>([IPAddress.Loopback]));

        var result = await services.GetRequiredService<DiscordNotifier>().SendAsync(Message(SubscriberChannel.Discord, Webhook), CancellationToken.None);

        Assert.Equal((NotificationResultKind.Permanent, true), (result.Kind, result.IsDestinationFailure));
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 4101);
    }

    [Fact]
    public async Task A_configured_username_and_avatar_name_the_message_s_author()
    {
        await using var services = Services(o =>
        {
            o.Username = "Acme Status";
            o.AvatarUrl = new Uri("https://status.acme.example/logo.png");
        });

        await services.GetRequiredService<DiscordNotifier>().SendAsync(Message(SubscriberChannel.Discord, Webhook), CancellationToken.None);

        using var json = JsonDocument.Parse(Assert.Single(_discord.Requests).Body);
        Assert.Equal("Acme Status", json.RootElement.GetProperty("username").GetString());
        Assert.Equal("https://status.acme.example/logo.png", json.RootElement.GetProperty("avatar_url").GetString());
    }

    [Fact]
    public async Task Without_a_username_or_avatar_the_webhook_s_own_are_kept()
    {
        await using var services = Services();

        await services.GetRequiredService<DiscordNotifier>().SendAsync(Message(SubscriberChannel.Discord, Webhook), CancellationToken.None);

        using var json = JsonDocument.Parse(Assert.Single(_discord.Requests).Body);
        Assert.False(json.RootElement.TryGetProperty("username", out _));
        Assert.False(json.RootElement.TryGetProperty("avatar_url", out _));
    }

    [Fact]
    public async Task A_destination_that_is_no_URL_is_unusable_without_a_request()
    {
        await using var services = Services();

        var result = await services.GetRequiredService<DiscordNotifier>().SendAsync(Message(SubscriberChannel.Discord, "not a url"), CancellationToken.None);

        Assert.Equal(NotificationResultKind.Permanent, result.Kind);
        Assert.Empty(_discord.Requests);
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 4506);
    }

    private ServiceProvider Services(Action<DiscordNotifierOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.Configure(configure ?? (static _ => { }));
        services.AddLogging(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<TimeProvider>(Clock());
        services.AddSingleton<WebhookAddressGuard>();
        services.AddHttpClient(DiscordNotifier.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => _discord)
            .RemoveAllLoggers();
        services.AddSingleton<DiscordNotifier>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>Answers every request with <see cref="Answer"/> and records what it was sent.</summary>
    private sealed class FakeDiscord : HttpMessageHandler
    {
        private readonly List<Recorded> _requests = [];

        public Func<HttpResponseMessage> Answer { get; set; } = () => new HttpResponseMessage(HttpStatusCode.NoContent);

        public IReadOnlyList<Recorded> Requests
        {
            get
            {
                lock (_requests)
                {
                    return [.. _requests];
                }
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            lock (_requests)
            {
                _requests.Add(new Recorded(
                    request.Method, request.RequestUri!.AbsoluteUri, request.Content?.Headers.ContentType?.MediaType, request.Headers.UserAgent.ToString(), body));
            }

            return Answer();
        }
    }

    private sealed record Recorded(HttpMethod Method, string Uri, string? ContentType, string UserAgent, string Body);
}
