using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Services;
using StatusKit.TestSupport.Fakes;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// A page served on its own domain (<c>Host: status.acme.example</c>): its public routes at the root, its links from the
/// root, its absolute links on the domain, nothing else there, and every other Host as before.
/// </summary>
public sealed class CustomDomainTests
{
    private const string Domain = "status.acme.example";

    [Fact]
    public async Task The_page_is_served_at_the_root_of_its_domain_with_its_links_from_the_root()
    {
        await using var app = await StartAsync();
        using var client = Client(app, Domain);

        using var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<title>Acme", html, StringComparison.Ordinal);
        Assert.Contains("data-events=\"/events\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/history\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/v2/summary.json\"", html, StringComparison.Ordinal);
        Assert.Contains("action=\"/subscriptions\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/status/acme", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"//", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_kept_on_the_host_links_from_the_root_on_its_domain_and_under_its_path_elsewhere()
    {
        await using var app = await StartAsync();
        using var onDomain = Client(app, Domain);
        using var onHost = Client(app, "host.example");

        var underPath = await onHost.GetStringAsync("/status/acme");
        var atRoot = await onDomain.GetStringAsync("/");
        var underPathAgain = await onHost.GetStringAsync("/status/acme");

        Assert.Contains("href=\"/status/acme/history\"", underPath, StringComparison.Ordinal);
        Assert.Contains("href=\"/history\"", atRoot, StringComparison.Ordinal);
        Assert.DoesNotContain("/status/acme", atRoot, StringComparison.Ordinal);
        Assert.Equal(underPath, underPathAgain);
    }

    [Fact]
    public async Task The_JSON_API_history_incident_page_and_feeds_answer_on_the_domain_with_absolute_links_there()
    {
        await using var app = await StartAsync(o => o.PublicBaseAddress = new Uri("https://host.example/status"));
        var incident = await IncidentAsync(app);
        using var client = Client(app, Domain);

        using var summary = JsonDocument.Parse(await client.GetStringAsync("/api/v2/summary.json"));
        var history = await client.GetStringAsync("/history");
        using var incidentPage = await client.GetAsync($"/incidents/{incident.Id}");
        var atom = await client.GetStringAsync("/history.atom");
        var rss = await client.GetStringAsync("/history.rss");

        Assert.Equal("https://" + Domain, summary.RootElement.GetProperty("page").GetProperty("url").GetString());
        Assert.Equal($"https://{Domain}/incidents/{incident.Id}", summary.RootElement.GetProperty("incidents")[0].GetProperty("shortlink").GetString());
        Assert.Contains($"href=\"/incidents/{incident.Id}\"", history, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, incidentPage.StatusCode);
        Assert.Contains("API errors", await incidentPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains($"https://{Domain}/incidents/{incident.Id}", atom, StringComparison.Ordinal);
        Assert.Contains($"https://{Domain}/incidents/{incident.Id}", rss, StringComparison.Ordinal);
        Assert.DoesNotContain("host.example", atom + rss, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pages_links_in_the_API_use_its_domain_on_the_hosts_own_address_too()
    {
        await using var app = await StartAsync();
        using var client = Client(app, "host.example");

        using var summary = JsonDocument.Parse(await client.GetStringAsync("/status/acme/api/v2/summary.json"));

        Assert.Equal("https://" + Domain, summary.RootElement.GetProperty("page").GetProperty("url").GetString());
    }

    [Fact]
    public async Task With_the_option_off_the_pages_absolute_links_stay_under_the_public_base_address()
    {
        await using var app = await StartAsync(o => o.PublicBaseAddress = new Uri("https://host.example/status"), serveCustomDomains: false);
        var incident = await IncidentAsync(app);
        using var client = Client(app, "host.example");

        using var summary = JsonDocument.Parse(await client.GetStringAsync("/status/acme/api/v2/summary.json"));
        var atom = await client.GetStringAsync("/status/acme/history.atom");
        using var subscribed = await client.PostAsJsonAsync("/status/acme/subscriptions", new { channel = "email", destination = "ops@acme.example" });

        Assert.Equal("https://host.example/status/acme", summary.RootElement.GetProperty("page").GetProperty("url").GetString());
        Assert.Equal($"https://host.example/status/acme/incidents/{incident.Id}", summary.RootElement.GetProperty("incidents")[0].GetProperty("shortlink").GetString());
        Assert.Contains($"https://host.example/status/acme/incidents/{incident.Id}", atom, StringComparison.Ordinal);
        Assert.DoesNotContain(Domain, atom, StringComparison.Ordinal);
        var verification = Assert.Single(await app.Services.GetRequiredService<IStatusStore>()
            .ListNotificationsAsync(new NotificationQuery { PageId = incident.PageId }, CancellationToken.None), n => n.Content.Link?.Contains("verify", StringComparison.Ordinal) == true);
        Assert.StartsWith("https://host.example/status/acme/subscriptions/verify?token=", verification.Content.Link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serving_custom_domains_turns_on_the_cores_links_to_them()
    {
        await using var on = await StartAsync();
        await using var off = await StartAsync(serveCustomDomains: false);

        Assert.True(on.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Configuration.StatusPagesOptions>>().Value.LinkToCustomDomains);
        Assert.False(off.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Configuration.StatusPagesOptions>>().Value.LinkToCustomDomains);
    }

    [Fact]
    public async Task Subscribing_on_the_domain_sends_a_confirmation_link_on_the_domain()
    {
        await using var app = await StartAsync();
        using var client = Client(app, Domain);

        using var response = await client.PostAsJsonAsync("/subscriptions", new { channel = "email", destination = "ops@acme.example" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var page = (await app.Services.GetRequiredService<StatusPageService>().GetBySlugAsync("acme"))!;
        var verification = Assert.Single(await app.Services.GetRequiredService<IStatusStore>()
            .ListNotificationsAsync(new NotificationQuery { PageId = page.Id }, CancellationToken.None));
        Assert.StartsWith($"https://{Domain}/subscriptions/verify?token=", verification.Content.Link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_confirmation_link_opens_on_the_domain_and_its_form_posts_there()
    {
        await using var app = await StartAsync();
        using var client = Client(app, Domain);
        using var subscribed = await client.PostAsJsonAsync("/subscriptions", new { channel = "email", destination = "ops@acme.example" });
        var page = (await app.Services.GetRequiredService<StatusPageService>().GetBySlugAsync("acme"))!;
        var link = new Uri(Assert.Single(await app.Services.GetRequiredService<IStatusStore>()
            .ListNotificationsAsync(new NotificationQuery { PageId = page.Id }, CancellationToken.None)).Content.Link!);

        using var asked = await client.GetAsync(link.PathAndQuery);
        var question = await asked.Content.ReadAsStringAsync();
        using var confirmed = await client.PostAsync(link.PathAndQuery, null);

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains($"action=\"{System.Net.WebUtility.HtmlEncode(link.PathAndQuery)}\"", question, StringComparison.Ordinal);
        Assert.DoesNotContain("/status/acme", question, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.True((await app.Services.GetRequiredService<SubscriberService>().ListAsync(page.Id)).Single().IsVerified);
    }

    [Fact]
    public async Task The_event_stream_badge_and_embed_script_answer_on_the_domain()
    {
        await using var app = await StartAsync();
        using var client = Client(app, Domain);

        using var events = await client.GetAsync("/events", HttpCompletionOption.ResponseHeadersRead);
        using var badge = await client.GetAsync("/badge.svg");
        using var embed = await client.GetAsync("/embed.js");

        Assert.Equal(HttpStatusCode.OK, events.StatusCode);
        Assert.Equal("text/event-stream", events.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, badge.StatusCode);
        Assert.Equal(HttpStatusCode.OK, embed.StatusCode);
    }

    [Theory]
    [InlineData("/admin/pages")]
    [InlineData("/status/admin/pages")]
    [InlineData("/status/acme/admin/pages")]
    [InlineData("/status/acmex")]
    [InlineData("/status/other")]
    public async Task Nothing_but_the_pages_own_routes_answers_on_its_domain(string path)
    {
        await using var app = await StartAsync();
        await app.Services.GetRequiredService<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Other", Slug = "other" });
        using var onDomain = Client(app, Domain);
        using var onHost = Client(app, "host.example");

        using var there = await onDomain.GetAsync(path);
        using var admin = await onHost.GetAsync("/status/admin/pages");

        Assert.Equal(HttpStatusCode.NotFound, there.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Theory]
    [InlineData("host.example")]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("other.acme.example")]
    public async Task A_host_that_is_no_pages_domain_gets_the_hosts_own_routes(string host)
    {
        await using var app = await StartAsync();
        using var client = Client(app, host);

        using var page = await client.GetAsync("/status/acme");
        using var root = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, root.StatusCode);
    }

    [Fact]
    public async Task A_path_already_under_the_pages_own_prefix_and_slug_is_the_same_page_so_the_hosts_redirects_land()
    {
        await using var app = await EmbeddedHost.StartAsync(
            services =>
            {
                services.AddStatusPages().AddStatusPageEndpoints(o => o.ServeCustomDomains = true);
                services.AddHttpsRedirection(o => o.HttpsPort = 443);
            },
            app =>
            {
                app.UseHttpsRedirection();
                app.MapStatusPages("/status");
            });
        await app.Services.GetRequiredService<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Acme", Slug = "acme", CustomDomain = Domain });
        using var plain = Client(app, Domain);
        using var secure = Client(app, Domain, https: true);

        using var redirect = await plain.GetAsync("/history");
        using var followed = await secure.GetAsync(redirect.Headers.Location!.PathAndQuery);
        var html = await followed.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirect.StatusCode);
        Assert.Equal($"https://{Domain}/status/acme/history", redirect.Headers.Location!.AbsoluteUri);
        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
        Assert.Contains("href=\"/\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/status/acme", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_port_and_case_of_the_Host_do_not_matter()
    {
        await using var app = await StartAsync();
        using var client = Client(app, "Status.ACME.example:8443");

        using var response = await client.GetAsync("/api/v2/status.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task With_the_option_off_the_Host_is_ignored()
    {
        await using var app = await StartAsync(serveCustomDomains: false);
        using var client = Client(app, Domain);

        using var root = await client.GetAsync("/");
        using var page = await client.GetAsync("/status/acme");

        Assert.Equal(HttpStatusCode.NotFound, root.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task A_cleared_or_moved_domain_stops_being_served_at_once()
    {
        await using var app = await StartAsync();
        var pages = app.Services.GetRequiredService<StatusPageService>();
        using var client = Client(app, Domain);
        using var before = await client.GetAsync("/");
        var page = (await pages.GetBySlugAsync("acme"))!;

        await pages.UpdateAsync(page.Id, new UpdateStatusPage { CustomDomain = "" });
        using var after = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Fact]
    public async Task A_domain_set_on_this_host_answers_at_once_though_it_was_asked_before()
    {
        await using var app = await StartAsync(configurePage: false);
        var pages = app.Services.GetRequiredService<StatusPageService>();
        var page = await pages.CreateAsync(new CreateStatusPage { Name = "Acme", Slug = "acme" });
        using var client = Client(app, Domain);
        using var before = await client.GetAsync("/");

        await pages.UpdateAsync(page.Id, new UpdateStatusPage { CustomDomain = Domain });
        using var after = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task A_private_page_on_its_domain_takes_its_token_into_a_cookie_for_the_whole_domain()
    {
        await using var app = await StartAsync(configurePage: false);
        var created = await app.Services.GetRequiredService<StatusPageService>().CreateWithAccessTokenAsync(
            new CreateStatusPage { Name = "Internal", Slug = "internal", IsPublic = false, CustomDomain = Domain });
        using var client = Client(app, Domain, https: true);

        using var refused = await client.GetAsync("/");
        using var opened = await client.GetAsync($"/history?access_token={created.AccessToken}");
        var cookie = opened.Headers.GetValues("Set-Cookie").Single();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v2/summary.json");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var withCookie = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, opened.StatusCode);
        Assert.Equal("/history", opened.Headers.Location?.OriginalString);
        Assert.Contains("path=/;", cookie + ";", StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, withCookie.StatusCode);
    }

    [Fact]
    public async Task The_admin_API_sets_reads_and_clears_a_pages_custom_domain_and_refuses_a_taken_or_bad_one()
    {
        await using var app = await StartAsync(configurePage: false);
        using var admin = Client(app, "host.example");

        using var created = await admin.PostAsJsonAsync("/status/admin/pages", new { name = "Acme", slug = "acme", customDomain = "Status.Acme.Example" });
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var id = body.RootElement.GetProperty("id").GetString();
        using var taken = await admin.PostAsJsonAsync("/status/admin/pages", new { name = "Other", customDomain = Domain });
        using var bad = await admin.PostAsJsonAsync("/status/admin/pages", new { name = "Other", customDomain = "https://status.other.example/" });
        using var cleared = await admin.PatchAsJsonAsync($"/status/admin/pages/{id}", new { customDomain = "" });
        using var clearedBody = JsonDocument.Parse(await cleared.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(Domain, body.RootElement.GetProperty("customDomain").GetString());
        await AdminResponses.AssertProblemAsync(taken, HttpStatusCode.Conflict, "customDomain");
        await AdminResponses.AssertProblemAsync(bad, HttpStatusCode.BadRequest, "customDomain");
        Assert.Equal(JsonValueKind.Null, clearedBody.RootElement.GetProperty("customDomain").ValueKind);
    }

    private static async Task<WebApplication> StartAsync(
        Action<Configuration.StatusPagesOptions>? configure = null, bool serveCustomDomains = true, bool configurePage = true)
    {
        var app = await EmbeddedHost.StartAsync(
            services =>
            {
                services.AddStatusPages(o =>
                {
                    configure?.Invoke(o);
                    if (o.PublicBaseAddress is not null)
                    {
                        o.LinkSigningKey = Convert.ToBase64String(new byte[32]);
                    }
                }).AddStatusPageEndpoints(o => o.ServeCustomDomains = serveCustomDomains);
                services.AddSingleton<INotifier>(new RecordingNotifier(SubscriberChannel.Email));
            },
            app => app.MapStatusPages("/status"));
        if (configurePage)
        {
            await app.Services.GetRequiredService<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Acme", Slug = "acme", CustomDomain = Domain });
        }

        return app;
    }

    private static async Task<StatusIncident> IncidentAsync(WebApplication app)
    {
        var page = (await app.Services.GetRequiredService<StatusPageService>().GetBySlugAsync("acme"))!;
        return await app.Services.GetRequiredService<StatusIncidentService>().CreateAsync(
            new CreateStatusIncident { PageId = page.Id, Title = "API errors", Message = "We are investigating." });
    }

    private static HttpClient Client(WebApplication app, string host, bool https = false)
    {
        var client = app.GetTestServer().CreateClient();
        client.BaseAddress = new Uri($"{(https ? "https" : "http")}://{host}/");
        return client;
    }
}
