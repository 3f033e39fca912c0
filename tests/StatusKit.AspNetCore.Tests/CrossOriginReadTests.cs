using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.Services;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// A script on another site (a team's own website showing its status) can read a public page's machine-readable routes,
/// as Statuspage's <c>api/v2</c> allows: <c>Access-Control-Allow-Origin: *</c> on their answers (a 304 too), and
/// preflight requests answered. Nothing else opens to other sites: not the HTML pages, the subscription routes, the
/// admin API, nor any route of a private page.
/// </summary>
public sealed class CrossOriginReadTests : IAsyncLifetime
{
    private const string Origin = "https://www.example.com";
    private WebApplication? _app;
    private string _token = string.Empty;

    private WebApplication App => _app ?? throw new InvalidOperationException("Not started.");

    public static TheoryData<string> Documents => new()
    {
        "/api/v2/summary.json", "/api/v2/status.json", "/api/v2/components.json", "/api/v2/incidents.json",
        "/api/v2/incidents/unresolved.json", "/api/v2/scheduled-maintenances.json", "/api/v2/scheduled-maintenances/upcoming.json",
        "/api/v2/scheduled-maintenances/active.json", "/api/v2/metrics.json", "/badge.svg", "/history.atom", "/history.rss", "/maintenance.ics",
    };

    public static TheoryData<string> ReadRoutes => [.. ((IEnumerable<object[]>)Documents).Select(row => (string)row[0]), "/events"];

    public async Task InitializeAsync()
    {
        _app = await StartAsync(allow: true);
        _token = (await App.Services.GetRequiredService<StatusPageService>()
            .CreateWithAccessTokenAsync(new CreateStatusPage { Name = "Internal", Slug = "internal", IsPublic = false })).AccessToken!;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task A_public_page_document_and_its_304_are_readable_from_any_origin_with_their_ETag(string route)
    {
        using var client = App.Client();

        using var response = await client.SendAsync(FromOtherSite(HttpMethod.Get, "/status/acme" + route));
        using var revalidation = FromOtherSite(HttpMethod.Get, "/status/acme" + route);
        revalidation.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var notModified = await client.SendAsync(revalidation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["*"], response.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Equal(["ETag"], response.Headers.GetValues("Access-Control-Expose-Headers"));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(["*"], notModified.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Equal(["ETag"], notModified.Headers.GetValues("Access-Control-Expose-Headers"));
    }

    [Fact]
    public async Task A_public_page_event_stream_is_readable_from_any_origin()
    {
        using var client = App.Client();

        using var stream = await client.SendAsync(FromOtherSite(HttpMethod.Get, "/status/acme/events"), HttpCompletionOption.ResponseHeadersRead);
        using var head = await client.SendAsync(FromOtherSite(HttpMethod.Head, "/status/acme/events"));

        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["*"], stream.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Equal(["*"], head.Headers.GetValues("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_public_page_badge_of_a_component_it_does_not_have_is_a_404_a_script_on_another_site_can_read()
    {
        using var client = App.Client();

        using var response = await client.SendAsync(FromOtherSite(HttpMethod.Get, $"/status/acme/badge.svg?component={Guid.NewGuid()}"));
        using var privateBadge = await client.SendAsync(FromOtherSite(HttpMethod.Get, $"/status/internal/badge.svg?component={Guid.NewGuid()}&access_token={_token}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(["*"], response.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.NotFound, privateBadge.StatusCode);
        Assert.False(privateBadge.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [MemberData(nameof(ReadRoutes))]
    public async Task A_preflight_for_a_public_page_read_route_allows_GET_and_HEAD_with_its_conditional_headers(string route)
    {
        using var client = App.Client();

        using var response = await client.SendAsync(Preflight("/status/acme" + route, route == "/events" ? "last-event-id" : "if-none-match"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(["*"], response.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Equal(["GET, HEAD"], response.Headers.GetValues("Access-Control-Allow-Methods"));
        var allowed = Assert.Single(response.Headers.GetValues("Access-Control-Allow-Headers")).Split(", ");
        Assert.Contains("If-None-Match", allowed);
        Assert.Equal(route == "/events", allowed.Contains("Last-Event-ID"));
        Assert.True(int.Parse(Assert.Single(response.Headers.GetValues("Access-Control-Max-Age")), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_OPTIONS_request_that_is_no_preflight_is_still_405_and_a_preflight_for_another_method_is_refused()
    {
        using var client = App.Client();

        using var plain = await client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/status/acme/api/v2/status.json"));
        var post = Preflight("/status/acme/api/v2/status.json", "if-none-match");
        post.Headers.Remove("Access-Control-Request-Method");
        post.Headers.Add("Access-Control-Request-Method", "POST");
        using var forPost = await client.SendAsync(post);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, plain.StatusCode);
        Assert.False(plain.Headers.Contains("Access-Control-Allow-Origin"));
        // Routing finds no endpoint that takes a preflight for POST: 404 (not 405, which it answers without preflights).
        Assert.Equal(HttpStatusCode.NotFound, forPost.StatusCode);
        Assert.False(forPost.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/history")]
    [InlineData("/subscriptions/verify?token=nope")]
    [InlineData("/subscriptions/unsubscribe?token=nope")]
    [InlineData("/subscriptions/manage?token=nope")]
    public async Task The_HTML_pages_and_subscription_pages_answer_no_cross_origin_headers_and_refuse_preflights_with_405(string route)
    {
        using var client = App.Client();

        using var response = await client.SendAsync(FromOtherSite(HttpMethod.Get, "/status/acme" + route));
        using var preflight = await client.SendAsync(Preflight("/status/acme" + route, "if-none-match"));

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, response.StatusCode.ToString());
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, preflight.StatusCode);
        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Subscribing_and_the_admin_API_answer_no_cross_origin_headers()
    {
        using var client = App.Client();
        using var subscribe = FromOtherSite(HttpMethod.Post, "/status/acme/subscriptions");
        subscribe.Content = new StringContent("""{"channel":"webhook","destination":"https://hooks.example.com/x"}""", Encoding.UTF8, "application/json");

        using var subscribed = await client.SendAsync(subscribe);
        using var unsubscribe = await client.SendAsync(FromOtherSite(HttpMethod.Post, "/status/acme/subscriptions/unsubscribe?token=nope"));
        using var admin = await client.SendAsync(FromOtherSite(HttpMethod.Get, "/status/admin/pages"));
        using var adminPreflight = await client.SendAsync(Preflight("/status/admin/pages", "content-type"));

        Assert.True((int)subscribed.StatusCode < 500, subscribed.StatusCode.ToString());
        Assert.False(subscribed.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(unsubscribe.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.False(admin.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(adminPreflight.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [MemberData(nameof(ReadRoutes))]
    public async Task A_private_page_opens_none_of_its_read_routes_to_other_sites_even_to_its_token(string route)
    {
        using var client = App.Client();
        using var withBearer = FromOtherSite(HttpMethod.Get, "/status/internal" + route);
        withBearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);

        using var bearer = await client.SendAsync(withBearer, HttpCompletionOption.ResponseHeadersRead);
        using var query = await client.SendAsync(FromOtherSite(HttpMethod.Get, $"/status/internal{route}?access_token={_token}"), HttpCompletionOption.ResponseHeadersRead);
        using var without = await client.SendAsync(FromOtherSite(HttpMethod.Get, "/status/internal" + route), HttpCompletionOption.ResponseHeadersRead);
        using var preflight = await client.SendAsync(Preflight("/status/internal" + route, "if-none-match"));
        using var preflightWithToken = await client.SendAsync(Preflight($"/status/internal{route}?access_token={_token}", "if-none-match"));

        Assert.Equal(HttpStatusCode.OK, bearer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, without.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, preflight.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, preflightWithToken.StatusCode);
        Assert.All([bearer, query, without, preflight, preflightWithToken], response =>
            Assert.DoesNotContain(response.Headers, header => header.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase)));
    }

    [Theory]
    [InlineData("/api/v2/status.json")]
    [InlineData("/events")]
    public async Task A_page_that_does_not_exist_answers_a_preflight_as_it_answers_a_read(string route)
    {
        using var client = App.Client();

        using var read = await client.SendAsync(FromOtherSite(HttpMethod.Get, "/status/no-such-page" + route));
        using var preflight = await client.SendAsync(Preflight("/status/no-such-page" + route, "if-none-match"));

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, preflight.StatusCode);
        Assert.DoesNotContain(preflight.Headers, header => header.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(ReadRoutes))]
    public async Task With_AllowCrossOriginReads_off_no_route_of_a_public_page_opens_to_other_sites(string route)
    {
        await using var app = await StartAsync(allow: false);
        using var client = app.Client();

        using var read = await client.SendAsync(FromOtherSite(HttpMethod.Get, "/status/acme" + route), HttpCompletionOption.ResponseHeadersRead);
        using var preflight = await client.SendAsync(Preflight("/status/acme" + route, "if-none-match"));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.False(read.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, preflight.StatusCode);
        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_host_CORS_default_policy_answers_for_the_origins_it_allows_and_every_preflight_and_the_header_is_never_sent_twice()
    {
        const string Allowed = "https://allowed.example.com";
        await using var app = await EmbeddedHost.StartAsync(
            services =>
            {
                services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(Allowed).AllowCredentials()));
                services.AddStatusPages().AddStatusPageEndpoints();
            },
            app =>
            {
                app.UseCors();
                app.MapStatusPages();
            });
        await app.Services.GetRequiredService<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Acme", Slug = "acme" });
        using var client = app.Client();

        using var fromAllowed = FromOtherSite(HttpMethod.Get, "/status/acme/api/v2/status.json");
        fromAllowed.Headers.Remove("Origin");
        fromAllowed.Headers.Add("Origin", Allowed);
        using var allowed = await client.SendAsync(fromAllowed);
        using var other = await client.SendAsync(FromOtherSite(HttpMethod.Get, "/status/acme/api/v2/status.json"));

        var allowedPreflight = Preflight("/status/acme/api/v2/status.json", "if-none-match");
        allowedPreflight.Headers.Remove("Origin");
        allowedPreflight.Headers.Add("Origin", Allowed);
        using var hostPreflight = await client.SendAsync(allowedPreflight);
        using var otherPreflight = await client.SendAsync(Preflight("/status/acme/api/v2/status.json", "if-none-match"));

        Assert.Equal([Allowed], allowed.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Equal(["*"], other.Headers.GetValues("Access-Control-Allow-Origin"));
        // The host's middleware answers every preflight itself, by its policy: it refuses the other origin.
        Assert.Equal([Allowed], hostPreflight.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Equal(["true"], hostPreflight.Headers.GetValues("Access-Control-Allow-Credentials"));
        Assert.False(otherPreflight.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_host_CORS_middleware_with_named_policies_only_leaves_the_pages_to_StatusKit()
    {
        await using var app = await EmbeddedHost.StartAsync(
            services =>
            {
                services.AddCors(o => o.AddPolicy("site", p => p.WithOrigins("https://allowed.example.com")));
                services.AddStatusPages().AddStatusPageEndpoints();
            },
            app =>
            {
                app.UseCors();
                app.MapGet("/own", () => "own").RequireCors("site");
                app.MapStatusPages();
            });
        await app.Services.GetRequiredService<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Acme", Slug = "acme" });
        using var client = app.Client();

        using var preflight = await client.SendAsync(Preflight("/status/acme/api/v2/status.json", "if-none-match"));
        using var read = await client.SendAsync(FromOtherSite(HttpMethod.Get, "/status/acme/api/v2/status.json"));

        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal(["*"], preflight.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Equal(["*"], read.Headers.GetValues("Access-Control-Allow-Origin"));
    }

    private static HttpRequestMessage FromOtherSite(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Origin", Origin);
        return request;
    }

    private static HttpRequestMessage Preflight(string path, string requestHeaders)
    {
        var request = FromOtherSite(HttpMethod.Options, path);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", requestHeaders);
        return request;
    }

    private static async Task<WebApplication> StartAsync(bool allow)
    {
        var app = await EmbeddedHost.StartAsync(
            services => services.AddStatusPages().AddStatusPageEndpoints(o => o.AllowCrossOriginReads = allow),
            app => app.MapStatusPages());
        await app.Services.GetRequiredService<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Acme", Slug = "acme" });
        return app;
    }
}
