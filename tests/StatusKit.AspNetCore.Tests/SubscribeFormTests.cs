using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Services;
using StatusKit.TestSupport.Fakes;

namespace StatusKit.AspNetCore.Tests;

/// <summary>The page's "Subscribe to updates" form, and what <c>POST subscriptions</c> answers the browser that submits it.</summary>
[Collection(SampleHostCollection.Name)]
public sealed class SubscribeFormTests(SampleHostFactory factory)
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    [Fact]
    public async Task The_page_offers_a_subscribe_form_for_every_channel_with_a_notifier_and_every_component()
    {
        using var client = factory.CreatePublicClient("192.0.2.40");
        var components = await factory.Service<ComponentService>().ListAsync(await factory.PageIdAsync("demo"));

        var html = await client.GetStringAsync("/status/demo");

        Assert.Contains("<form method=\"post\" action=\"/status/demo/subscriptions\">", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"notifyOn\" value=\"\">", html, StringComparison.Ordinal);
        foreach (var channel in new[] { "email", "slack", "webhook", "teams", "discord" })
        {
            Assert.Contains($"name=\"channel\" value=\"{channel}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("value=\"teams\"> Microsoft Teams (workflow webhook URL)</label>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"discord\"> Discord (webhook URL)</label>", html, StringComparison.Ordinal);
        foreach (var notifyOn in new[] { "degraded", "outage", "maintenance", "resolved" })
        {
            Assert.Contains($"name=\"notifyOn\" value=\"{notifyOn}\" checked>", html, StringComparison.Ordinal);
        }

        Assert.All(components, c => Assert.Contains($"name=\"components\" value=\"{c.Id}\">", html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Submitting_the_form_from_a_browser_subscribes_and_answers_a_page_that_links_back()
    {
        using var client = factory.CreatePublicClient("192.0.2.41");
        var pageId = await factory.PageIdAsync("demo");
        var payouts = (await factory.Service<ComponentService>().ListAsync(pageId)).Single(c => c.Name == "Payouts");

        using var response = await PostFormAsync(client, BrowserAccept,
            ("channel", "email"), ("destination", "form-visitor@example.com"), ("notifyOn", ""), ("notifyOn", "outage"), ("notifyOn", "resolved"), ("components", payouts.Id.ToString()));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Check your messages</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/status/demo\">Back to the status page</a>", html, StringComparison.Ordinal);
        var subscriber = (await factory.Service<SubscriberService>().ListAsync(pageId)).Single(s => s.Destination == "form-visitor@example.com");
        Assert.Equal((NotificationEvents.Outage | NotificationEvents.Resolved, false), (subscriber.NotifyOn, subscriber.IsVerified));
        Assert.Equal([payouts.Id], subscriber.ComponentIds);
    }

    [Fact]
    public async Task The_pages_a_subscriber_lands_on_wear_the_status_pages_style()
    {
        using var client = factory.CreatePublicClient("192.0.2.43");
        var statusPage = await client.GetStringAsync("/status/demo");
        var style = statusPage[statusPage.IndexOf("<style>", StringComparison.Ordinal)..(statusPage.IndexOf("</style>", StringComparison.Ordinal) + "</style>".Length)];
        var subscription = await factory.Service<SubscriberService>().SubscribeAsync(new Subscribe
        {
            PageId = await factory.PageIdAsync("demo"), Channel = SubscriberChannel.Email, Destination = "styled@example.com",
        });

        using var answer = await PostFormAsync(client, BrowserAccept, ("channel", "email"), ("destination", "styled-form@example.com"));
        var asked = await client.GetStringAsync($"/status/demo/subscriptions/unsubscribe?token={subscription.UnsubscribeToken}");

        Assert.Contains(style, await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(style, asked, StringComparison.Ordinal);
        Assert.Contains("<main class=\"notice card\">", asked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_browser_whose_form_is_refused_gets_a_page_naming_the_problem_and_nothing_is_stored()
    {
        using var client = factory.CreatePublicClient("192.0.2.42");
        var pageId = await factory.PageIdAsync("demo");

        using var response = await PostFormAsync(client, BrowserAccept, ("channel", "email"), ("destination", "not-an-address"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Subscription not saved</h1>", html, StringComparison.Ordinal);
        Assert.Contains("not-an-address", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/status/demo\">Back to the status page</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(await factory.Service<SubscriberService>().ListAsync(pageId), s => s.Destination.Contains("not-an-address", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_browser_form_sent_as_plain_text_gets_a_415_page_naming_the_content_types_the_route_takes()
    {
        // <form enctype="text/plain">, which a host's own form may carry: its body is not a form the route can read.
        using var client = factory.CreatePublicClient("192.0.2.46");
        var pageId = await factory.PageIdAsync("demo");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/status/demo/subscriptions")
        {
            Content = new StringContent("channel=email\r\ndestination=form-plain@example.com\r\n", System.Text.Encoding.UTF8, "text/plain"),
        };
        request.Headers.TryAddWithoutValidation("Accept", BrowserAccept);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Subscription not saved</h1>", html, StringComparison.Ordinal);
        Assert.Contains("application/x-www-form-urlencoded", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/status/demo\">Back to the status page</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(await factory.Service<SubscriberService>().ListAsync(pageId), s => s.Destination == "form-plain@example.com");
    }

    [Fact]
    public async Task A_form_with_every_event_unticked_is_refused_rather_than_subscribed_to_everything()
    {
        using var client = factory.CreatePublicClient("192.0.2.45");
        var pageId = await factory.PageIdAsync("demo");

        using var response = await PostFormAsync(client, BrowserAccept, ("channel", "email"), ("destination", "form-no-events@example.com"), ("notifyOn", ""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Choose at least one of degraded, outage, maintenance, resolved.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(await factory.Service<SubscriberService>().ListAsync(pageId), s => s.Destination == "form-no-events@example.com");
    }

    [Fact]
    public async Task A_script_posting_the_same_form_keeps_getting_JSON_and_problem_details()
    {
        using var client = factory.CreatePublicClient("192.0.2.43");

        using var accepted = await PostFormAsync(client, "*/*", ("channel", "email"), ("destination", "form-script@example.com"));
        using var refused = await PostFormAsync(client, "*/*", ("channel", "email"), ("destination", "not-an-address"));

        Assert.Equal((HttpStatusCode.Accepted, "application/json"), (accepted.StatusCode, accepted.Content.Headers.ContentType?.MediaType));
        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (refused.StatusCode, refused.Content.Headers.ContentType?.MediaType));
    }

    [Fact]
    public async Task A_browser_over_the_rate_limit_gets_a_page_with_Retry_After()
    {
        using var client = factory.CreatePublicClient("192.0.2.44");
        for (var i = 0; i < 5; i++)
        {
            using var ok = await PostFormAsync(client, BrowserAccept, ("channel", "email"), ("destination", $"form-limit-{i}@example.com"));
            Assert.Equal(HttpStatusCode.Accepted, ok.StatusCode);
        }

        using var response = await PostFormAsync(client, BrowserAccept, ("channel", "email"), ("destination", "form-limit-5@example.com"));

        Assert.Equal((HttpStatusCode)429, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains("Back to the status page", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_email_notifier_the_form_offers_Slack_webhook_and_Teams_only_and_the_option_can_hide_it()
    {
        async Task<string> PageAsync(bool show)
        {
            await using var app = await EmbeddedHost.StartAsync(
                services => services.AddStatusPages().AddStatusPageEndpoints(o => o.ShowSubscribeForm = show),
                app => app.MapStatusPages("/status"));
            await app.Services.GetRequiredService<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Acme", Slug = "acme" });
            using var client = app.Client();
            return await client.GetStringAsync("/status/acme");
        }

        var shown = await PageAsync(show: true);
        var hidden = await PageAsync(show: false);

        Assert.Contains("value=\"slack\" checked>", shown, StringComparison.Ordinal);
        Assert.Contains("value=\"webhook\">", shown, StringComparison.Ordinal);
        Assert.Contains("value=\"teams\">", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"email\"", shown, StringComparison.Ordinal);
        Assert.Contains("<label for=\"subscribe-destination\">URL</label>", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Only some components", shown, StringComparison.Ordinal); // the page has none
        Assert.DoesNotContain("<form", hidden, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_taking_only_some_channels_offers_only_those_and_the_route_refuses_the_others()
    {
        await using var app = await EmbeddedHost.StartAsync(
            services => services.AddStatusPages(o => o.SubscriptionChannels = [SubscriberChannel.Teams]).AddStatusPageEndpoints(),
            app => app.MapStatusPages("/status"));
        await app.Services.GetRequiredService<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Acme", Slug = "acme" });
        using var client = app.Client();

        var html = await client.GetStringAsync("/status/acme");
        using var slack = await client.PostAsJsonAsync("/status/acme/subscriptions", new { channel = "slack", destination = "https://hooks.slack.com/services/T0/B0/x" });

        Assert.Equal(1, html.Split("name=\"channel\"").Length - 1);
        Assert.Contains("value=\"teams\" checked>", html, StringComparison.Ordinal);
        await AdminResponses.AssertProblemAsync(slack, HttpStatusCode.BadRequest, "channel");
    }

    [Fact]
    public async Task A_hosts_notifier_for_a_channel_number_StatusKit_does_not_know_adds_no_choice_and_breaks_no_page()
    {
        await using var app = await EmbeddedHost.StartAsync(
            services => services.AddStatusPages().AddStatusPageEndpoints().Services.AddSingleton<INotifier>(new RecordingNotifier((SubscriberChannel)9)),
            app => app.MapStatusPages("/status"));
        await app.Services.GetRequiredService<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Acme", Slug = "acme" });
        using var client = app.Client();

        var html = await client.GetStringAsync("/status/acme");

        Assert.Equal(4, html.Split("name=\"channel\"").Length - 1);
        Assert.Contains("value=\"teams\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submitting_the_form_with_the_Teams_channel_subscribes_the_workflow_URL()
    {
        using var client = factory.CreatePublicClient("192.0.2.47");
        const string Workflow = "https://127.0.0.1:1/workflows/form-visitor/triggers/manual/paths/invoke?sig=x";

        using var response = await PostFormAsync(client, BrowserAccept, ("channel", "teams"), ("destination", Workflow));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains("<h1>Check your messages</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var subscriber = (await factory.Service<SubscriberService>().ListAsync(await factory.PageIdAsync("demo"))).Single(s => s.Destination == Workflow);
        Assert.Equal((SubscriberChannel.Teams, false), (subscriber.Channel, subscriber.IsVerified));
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string accept, params (string Name, string Value)[] fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/status/demo/subscriptions")
        {
            Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))),
        };
        request.Headers.Accept.ParseAdd(accept);
        return await client.SendAsync(request);
    }
}
