using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.Model;
using StatusKit.Services;
using StatusKit.Testing;
using static StatusKit.AspNetCore.Tests.AdminResponses;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// <c>{page}/metrics-section</c>: the page's "System metrics" section alone, as the page draws it, which the page's
/// script fetches again about once a minute (with <c>If-None-Match</c>) so its charts stay current; the same access,
/// range and caching rules as the page.
/// </summary>
public sealed partial class MetricsSectionRouteTests : IAsyncLifetime
{
    private const string Domain = "status.acme.example";
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 10, 2, 0, TimeSpan.Zero));
    private WebApplication? _app;
    private Guid _metricId;
    private string _token = "";

    private WebApplication App => _app ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _app = await EmbeddedHost.StartAsync(
            services =>
            {
                services.AddSingleton<TimeProvider>(_clock);
                services.AddStatusPages(o => o.WarmSnapshotsOnStart = false).AddStatusPageEndpoints(o => o.ServeCustomDomains = true);
            },
            app => app.MapStatusPages("/status"));
        var pages = App.Services.GetRequiredService<StatusPageService>();
        var metrics = App.Services.GetRequiredService<PageMetricService>();
        var acme = await pages.CreateAsync(new CreateStatusPage { Name = "Acme", Slug = "acme", CustomDomain = Domain });
        await pages.CreateAsync(new CreateStatusPage { Name = "Plain", Slug = "plain" });
        var hidden = await pages.CreateAsync(new CreateStatusPage { Name = "Hidden", Slug = "hidden" });
        var created = await pages.CreateWithAccessTokenAsync(new CreateStatusPage { Name = "Internal", Slug = "internal", IsPublic = false });
        _token = created.AccessToken!;
        _metricId = (await metrics.CreateAsync(new CreatePageMetric { PageId = acme.Id, Name = "API response time", Suffix = "ms" })).Id;
        await metrics.AddPointsAsync(_metricId, [new MetricPoint(_clock.GetUtcNow().AddMinutes(-30), 80)]);
        await metrics.CreateAsync(new CreatePageMetric { PageId = hidden.Id, Name = "Secret", Visible = false });
        var secret = await metrics.CreateAsync(new CreatePageMetric { PageId = created.Page.Id, Name = "Queue depth" });
        await metrics.AddPointsAsync(secret.Id, [new MetricPoint(_clock.GetUtcNow().AddMinutes(-10), 3)]);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("?metrics=week", "?metrics=week")]
    [InlineData("?metrics=month", "?metrics=month")]
    [InlineData("?metrics=day", "")]
    public async Task The_section_is_the_one_the_page_of_the_same_range_draws_byte_for_byte(string query, string pageQuery)
    {
        using var client = App.Client();

        using var response = await client.GetAsync("/status/acme/metrics-section" + query);
        var section = await response.Content.ReadAsStringAsync();
        var page = await client.GetStringAsync("/status/acme" + pageQuery);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<section id=\"metrics\"", section, StringComparison.Ordinal);
        Assert.EndsWith("</section>", section, StringComparison.Ordinal);
        Assert.Contains(section, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pages_section_names_where_to_fetch_it_again_and_how_often()
    {
        using var client = App.Client();

        var day = await client.GetStringAsync("/status/acme");
        var week = await client.GetStringAsync("/status/acme?metrics=week");

        Assert.Equal(("/status/acme/metrics-section", "60000"), Refresh(day));
        Assert.Equal(("/status/acme/metrics-section?metrics=week", "60000"), Refresh(week));
    }

    [Fact]
    public async Task An_unchanged_section_is_a_304_and_a_new_point_gives_a_new_section_and_ETag()
    {
        using var client = App.Client();
        using var first = await client.GetAsync("/status/acme/metrics-section");
        var tag = first.Headers.ETag!.ToString();

        using var again = await GetAsync(client, "/status/acme/metrics-section", tag);
        await AddPointOnceTheKeptSectionAgedAsync(412);
        using var changed = await GetAsync(client, "/status/acme/metrics-section", tag);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(tag, changed.Headers.ETag!.ToString());
        Assert.Contains("<strong>412 ms</strong>", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("?metrics=week", "?metrics=week")]
    public async Task The_page_carries_its_sections_ETag_so_the_first_refresh_of_an_unchanged_section_is_a_304(string pageQuery, string query)
    {
        using var client = App.Client();
        var page = await client.GetStringAsync("/status/acme" + pageQuery);
        var tag = RefreshTag(page);

        using var first = await GetAsync(client, "/status/acme/metrics-section" + query, tag!);
        await AddPointOnceTheKeptSectionAgedAsync(412);
        using var changed = await GetAsync(client, "/status/acme/metrics-section" + query, tag!);

        Assert.Equal(HttpStatusCode.NotModified, first.StatusCode);
        Assert.Equal(tag, first.Headers.ETag?.ToString());
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
    }

    [Fact]
    public async Task The_sections_ETag_is_outside_the_section_whose_bytes_it_hashes()
    {
        using var client = App.Client();
        var page = await client.GetStringAsync("/status/acme");
        using var response = await client.GetAsync("/status/acme/metrics-section");
        var section = await response.Content.ReadAsStringAsync();

        Assert.Equal(response.Headers.ETag?.ToString(), RefreshTag(page));
        Assert.DoesNotContain("data-refresh-etag", section, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("hidden")]
    public async Task A_page_without_a_visible_metric_carries_no_sections_ETag(string slug)
    {
        using var client = App.Client();

        var page = await client.GetStringAsync("/status/" + slug);

        Assert.Null(RefreshTag(page));
    }

    [Fact]
    public async Task Each_range_has_its_own_ETag()
    {
        using var client = App.Client();
        using var day = await client.GetAsync("/status/acme/metrics-section");

        using var week = await GetAsync(client, "/status/acme/metrics-section?metrics=week", day.Headers.ETag!.ToString());

        Assert.Equal(HttpStatusCode.OK, week.StatusCode);
        Assert.Contains("API response time, last 7 days</title>", await week.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task It_carries_the_caching_and_security_headers_of_the_page()
    {
        using var client = App.Client();

        using var page = await client.GetAsync("/status/acme");
        using var section = await client.GetAsync("/status/acme/metrics-section");

        Assert.Equal(page.Headers.CacheControl, section.Headers.CacheControl);
        Assert.Equal(page.Headers.Vary.ToArray(), section.Headers.Vary.ToArray());
        Assert.Equal(page.Headers.GetValues("Content-Security-Policy").Single(), section.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", section.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", section.Headers.GetValues("Referrer-Policy").Single());
    }

    [Theory]
    [InlineData("year")]
    [InlineData("WEEK")]
    [InlineData("day&metrics=week")]
    public async Task Another_range_is_a_400_problem_naming_metrics(string value)
    {
        using var client = App.Client();

        await AssertProblemAsync(await client.GetAsync("/status/acme/metrics-section?metrics=" + value), HttpStatusCode.BadRequest, "metrics");
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("hidden")]
    public async Task A_page_without_a_visible_metric_has_an_empty_section_whatever_the_range(string slug)
    {
        using var client = App.Client();

        using var response = await client.GetAsync($"/status/{slug}/metrics-section?metrics=year");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_page_is_a_404()
    {
        using var client = App.Client();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/status/nope/metrics-section")).StatusCode);
    }

    [Fact]
    public async Task A_private_page_answers_as_its_page_does_refused_without_its_token_open_with_it_and_kept_from_shared_caches()
    {
        using var client = App.Client();

        foreach (var (token, bearer) in new[] { ("", false), ("?access_token=" + new string('0', 64), false), ("", true), ("?access_token=" + _token, false) })
        {
            using var page = await GetAsync(client, "/status/internal" + token, bearer);
            using var section = await GetAsync(client, "/status/internal/metrics-section" + token, bearer);

            Assert.Equal(page.StatusCode, section.StatusCode);
            Assert.Equal(page.Headers.CacheControl?.ToString(), section.Headers.CacheControl?.ToString());
        }

        using var open = await GetAsync(client, "/status/internal/metrics-section", bearer: true);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.True(open.Headers.CacheControl is { Private: true, NoStore: true, Public: false }, open.Headers.CacheControl?.ToString());
        Assert.Contains("Queue depth", await open.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/status/internal/metrics-section")).StatusCode);
    }

    [Fact]
    public async Task On_the_pages_custom_domain_it_is_at_the_root_and_so_are_its_links()
    {
        using var client = App.GetTestServer().CreateClient();
        client.BaseAddress = new Uri($"http://{Domain}/");

        var page = await client.GetStringAsync("/?metrics=month");
        var section = await client.GetStringAsync("/metrics-section?metrics=month");

        Assert.Equal(("/metrics-section?metrics=month", "60000"), Refresh(page));
        Assert.Contains(section, page, StringComparison.Ordinal);
        Assert.Contains("href=\"/?metrics=week#metrics\"", section, StringComparison.Ordinal);
    }

    // A point the host's own code submits (not through the admin API), shown once the section the host keeps rendered is
    // as old as PublicCacheMaxAge (10 s by default): the point is a minute old by then, and the first section had none.
    private async Task AddPointOnceTheKeptSectionAgedAsync(double value)
    {
        await App.Services.GetRequiredService<PageMetricService>().AddPointsAsync(_metricId, [new MetricPoint(_clock.GetUtcNow(), value)]);
        _clock.Advance(TimeSpan.FromSeconds(10));
    }

    private async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, bool bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (bearer)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        }

        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string ifNoneMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return await client.SendAsync(request);
    }

    private static (string Url, string Milliseconds) Refresh(string html)
    {
        var match = RefreshPattern().Match(html);
        Assert.True(match.Success, "The section names no refresh.");
        return (WebUtility.HtmlDecode(match.Groups[1].Value), match.Groups[2].Value);
    }

    // The ETag the page names for its section (on its <body>), HTML-decoded; null when it names none.
    private static string? RefreshTag(string html) =>
        BodyTagPattern().Match(html) is { Success: true } body && RefreshTagPattern().Match(body.Value) is { Success: true } tag
            ? WebUtility.HtmlDecode(tag.Groups[1].Value)
            : null;

    [GeneratedRegex("<body[^>]*>")]
    private static partial Regex BodyTagPattern();

    [GeneratedRegex(" data-refresh-etag=\"([^\"]*)\"")]
    private static partial Regex RefreshTagPattern();

    [GeneratedRegex("<section id=\"metrics\"[^>]* data-refresh=\"([^\"]*)\" data-refresh-ms=\"([0-9]+)\"")]
    private static partial Regex RefreshPattern();
}
