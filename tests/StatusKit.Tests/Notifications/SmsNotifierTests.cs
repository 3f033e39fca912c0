using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Notifications.Sms;
using StatusKit.TestSupport.Fakes;
using static StatusKit.Tests.Notifications.Support.NotificationFixtures;

namespace StatusKit.Tests.Notifications;

/// <summary>The SMS notifier against a fake Twilio (an <see cref="HttpMessageHandler"/> answering as the Messages API does).</summary>
public sealed class SmsNotifierTests
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string AuthToken = "twilio-auth-token-secret";
    private const string Number = "+14155550123";
    private readonly ListLoggerProvider _logs = new();
    private readonly FakeTwilio _twilio = new();

    [Fact]
    public async Task A_notice_is_a_form_POST_to_the_accounts_Messages_resource_with_Basic_auth_and_201_is_delivered()
    {
        await using var services = Services();

        var result = await Notifier(services).SendAsync(Message(SubscriberChannel.Sms, Number), CancellationToken.None);

        Assert.Equal(NotificationResultKind.Delivered, result.Kind);
        var request = Assert.Single(_twilio.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal($"https://api.twilio.com/2010-04-01/Accounts/{AccountSid}/Messages.json", request.Uri);
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal(("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}"))), request.Authorization);
        var form = Form(request.Body);
        Assert.Equal(Number, form["To"]);
        Assert.Equal("+15005550006", form["From"]);
        Assert.False(form.ContainsKey("MessagingServiceSid"));
        Assert.StartsWith("API is having a major outage", form["Body"], StringComparison.Ordinal);
        Assert.EndsWith("https://status.acme.test/acme", form["Body"], StringComparison.Ordinal);
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 4507);
        Assert.DoesNotContain(_logs.Entries, e => e.Message.Contains(AuthToken, StringComparison.Ordinal) || e.Message.Contains("4155550123", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_Messaging_Service_sends_instead_of_a_From_number_and_a_base_address_with_a_path_keeps_it()
    {
        await using var services = Services(o =>
        {
            o.From = null;
            o.MessagingServiceSid = "MG0123456789abcdef0123456789abcdef";
            o.BaseAddress = new Uri("https://twilio-proxy.example.com/twilio");
        });

        await Notifier(services).SendAsync(Message(SubscriberChannel.Sms, Number), CancellationToken.None);

        var request = Assert.Single(_twilio.Requests);
        Assert.Equal($"https://twilio-proxy.example.com/twilio/2010-04-01/Accounts/{AccountSid}/Messages.json", request.Uri);
        var form = Form(request.Body);
        Assert.Equal("MG0123456789abcdef0123456789abcdef", form["MessagingServiceSid"]);
        Assert.False(form.ContainsKey("From"));
    }

    [Theory]
    [InlineData(21610)]
    [InlineData(21211)]
    [InlineData(21614)]
    public async Task A_400_whose_code_says_the_number_is_gone_is_Gone_and_never_shows_the_whole_number(int code)
    {
        _twilio.Answer = () => TwilioError(HttpStatusCode.BadRequest, code, $"The 'To' number {Number} cannot take this message.");
        await using var services = Services();

        var result = await Notifier(services).SendAsync(Message(SubscriberChannel.Sms, Number), CancellationToken.None);

        Assert.Equal((NotificationResultKind.Gone, true), (result.Kind, result.IsDestinationFailure));
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("4155550123", result.Error, StringComparison.Ordinal);
        Assert.Contains("\u20260123", result.Error, StringComparison.Ordinal);
        var failed = Assert.Single(_logs.Entries, e => e.EventId.Id == 4508);
        Assert.DoesNotContain("4155550123", failed.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400, 21606, NotificationResultKind.Permanent)]
    [InlineData(401, 20003, NotificationResultKind.Permanent)]
    [InlineData(404, 20404, NotificationResultKind.Permanent)]
    [InlineData(429, 20429, NotificationResultKind.Retry)]
    [InlineData(500, 20500, NotificationResultKind.Retry)]
    [InlineData(503, 20503, NotificationResultKind.Retry)]
    public async Task Any_other_failure_is_the_sending_sides_and_never_counts_against_the_subscriber(int status, int code, NotificationResultKind expected)
    {
        _twilio.Answer = () => TwilioError((HttpStatusCode)status, code, "Something about the account.");
        await using var services = Services();

        var result = await Notifier(services).SendAsync(Message(SubscriberChannel.Sms, Number), CancellationToken.None);

        Assert.Equal((expected, false), (result.Kind, result.IsDestinationFailure));
    }

    [Fact]
    public async Task Too_many_requests_retries_after_Twilios_Retry_After()
    {
        _twilio.Answer = () =>
        {
            var response = TwilioError(HttpStatusCode.TooManyRequests, 20429, "Too Many Requests");
            response.Headers.Add("Retry-After", "7");
            return response;
        };
        await using var services = Services();

        var result = await Notifier(services).SendAsync(Message(SubscriberChannel.Sms, Number), CancellationToken.None);

        Assert.Equal((NotificationResultKind.Retry, TimeSpan.FromSeconds(7)), (result.Kind, result.RetryAfter));
    }

    [Fact]
    public async Task A_stored_destination_that_is_no_E164_number_is_unusable_without_a_request()
    {
        await using var services = Services();

        var result = await Notifier(services).SendAsync(Message(SubscriberChannel.Sms, "415 555 0123"), CancellationToken.None);

        Assert.Equal((NotificationResultKind.Permanent, true), (result.Kind, result.IsDestinationFailure));
        Assert.Empty(_twilio.Requests);
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 4509);
    }

    [Theory]
    [InlineData("+15551234567")]
    [InlineData("+123456789012345")]
    public async Task A_number_stored_before_numbers_were_checked_per_country_is_still_sent(string stored)
    {
        await using var services = Services();

        var result = await Notifier(services).SendAsync(Message(SubscriberChannel.Sms, stored), CancellationToken.None);

        Assert.Equal(NotificationResultKind.Delivered, result.Kind);
        Assert.Equal(stored, Form(Assert.Single(_twilio.Requests).Body)["To"]);
    }

    [Fact]
    public async Task A_confirmation_request_sends_its_link_and_the_opt_out_text()
    {
        await using var services = Services();
        var content = Content() with
        {
            Kind = NotificationKind.SubscriptionVerification,
            Subject = "Confirm your subscription to Acme Status",
            Body = "Confirm your subscription to Acme Status by opening https://status.acme.test/acme/subscriptions/verify?token=abc",
            Link = "https://status.acme.test/acme/subscriptions/verify?token=abc",
        };

        await Notifier(services).SendAsync(Message(SubscriberChannel.Sms, Number, content: content), CancellationToken.None);

        Assert.Equal(
            "Confirm your subscription to Acme Status: https://status.acme.test/acme/subscriptions/verify?token=abc\nReply STOP to unsubscribe.",
            Form(Assert.Single(_twilio.Requests).Body)["Body"]);
    }

    [Fact]
    public void The_options_validator_reports_every_failure_at_once_and_never_the_auth_token()
    {
        var result = new SmsNotifierOptionsValidator().Validate(null, new SmsNotifierOptions
        {
            AccountSid = "AB123",
            AuthToken = " ",
            From = "+1 415 555 0123",
            MessagingServiceSid = "MG0123456789abcdef0123456789abcdef",
            BaseAddress = new Uri("http://api.twilio.com/"),
            Timeout = TimeSpan.Zero,
            UserAgent = "bad agent (",
        });

        var failures = result.Failures!.ToList();
        Assert.Equal(7, failures.Count);
        foreach (var field in new[] { "AccountSid", "AuthToken", "both set", "From must be", "BaseAddress", "Timeout", "UserAgent" })
        {
            Assert.Contains(failures, f => f.Contains(field, StringComparison.Ordinal));
        }

        Assert.False(new SmsNotifierOptionsValidator().Validate(null, new SmsNotifierOptions()).Succeeded);
        Assert.True(new SmsNotifierOptionsValidator().Validate(null, Valid()).Succeeded);
        var withToken = Valid();
        withToken.AccountSid = "x";
        withToken.AuthToken = "secret-token-value";
        Assert.DoesNotContain(new SmsNotifierOptionsValidator().Validate(null, withToken).Failures!, f => f.Contains("secret-token-value", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("+15005550006", true)]
    [InlineData("+15551234567", true)]
    [InlineData("+1 500 555 0006", false)]
    [InlineData("ACME", false)]
    [InlineData("12345", false)]
    public void The_From_number_is_held_to_E164_form_only_so_a_sender_taken_before_still_starts(string from, bool taken)
    {
        var options = Valid();
        options.From = from;

        Assert.Equal(taken, new SmsNotifierOptionsValidator().Validate(null, options).Succeeded);
    }

    private static SmsNotifierOptions Valid() => new() { AccountSid = AccountSid, AuthToken = AuthToken, From = "+15005550006" };

    private static SmsNotifier Notifier(ServiceProvider services) => services.GetRequiredService<SmsNotifier>();

    private static HttpResponseMessage TwilioError(HttpStatusCode status, int code, string message) => new(status)
    {
        Content = new StringContent(
            $$"""{"code": {{code}}, "message": "{{message}}", "more_info": "https://www.twilio.com/docs/errors/{{code}}", "status": {{(int)status}}}""",
            Encoding.UTF8,
            "application/json"),
    };

    private static Dictionary<string, string> Form(string body) =>
        body.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => WebUtility.UrlDecode(p[0]), p => WebUtility.UrlDecode(p[1]));

    private ServiceProvider Services(Action<SmsNotifierOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<TimeProvider>(Clock());
        services.AddHttpClient(SmsNotifier.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => _twilio)
            .RemoveAllLoggers();
        services.Configure<SmsNotifierOptions>(o =>
        {
            o.AccountSid = AccountSid;
            o.AuthToken = AuthToken;
            o.From = "+15005550006";
            configure?.Invoke(o);
        });
        services.AddSingleton<SmsNotifier>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>Answers every request with <see cref="Answer"/> (a 201 Created message by default) and records what it was sent.</summary>
    private sealed class FakeTwilio : HttpMessageHandler
    {
        private readonly List<Recorded> _requests = [];

        public Func<HttpResponseMessage> Answer { get; set; } = () => new HttpResponseMessage(HttpStatusCode.Created)
        {
            Content = new StringContent("""{"sid": "SM0123456789abcdef0123456789abcdef", "status": "queued"}""", Encoding.UTF8, "application/json"),
        };

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
                    request.Method,
                    request.RequestUri!.AbsoluteUri,
                    request.Content?.Headers.ContentType?.MediaType,
                    (request.Headers.Authorization?.Scheme ?? string.Empty, request.Headers.Authorization?.Parameter ?? string.Empty),
                    body));
            }

            return Answer();
        }
    }

    private sealed record Recorded(HttpMethod Method, string Uri, string? ContentType, (string Scheme, string Parameter) Authorization, string Body);
}
