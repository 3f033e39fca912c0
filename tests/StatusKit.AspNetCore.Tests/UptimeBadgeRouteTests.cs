using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.Services;
using StatusKit.Status;
using StatusKit.Testing;
using StatusKit.Uptime;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// <c>badge.svg?show=uptime</c>: the page's or one component's uptime over <c>days=</c>, the figure the HTML page shows
/// for the same history, with the status badge's headers; bad parameters are 400 problems naming them.
/// </summary>
public sealed class UptimeBadgeRouteTests : IAsyncLifetime
{
    private const string Origin = "https://elsewhere.example";
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private WebApplication? _app;
    private Guid _pageId;
    private Guid _ledgerId;
    private Guid _webId;
    private string _token = string.Empty;

    private WebApplication App => _app ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _app = await EmbeddedHost.StartAsync(
            services =>
            {
                services.AddSingleton<TimeProvider>(_clock);
                services.AddStatusPages(o => o.WarmSnapshotsOnStart = false).AddStatusPageEndpoints();
            },
            app => app.MapStatusPages("/status"));
        var pages = App.Services.GetRequiredService<StatusPageService>();
        var components = App.Services.GetRequiredService<ComponentService>();
        _pageId = (await pages.CreateAsync(new CreateStatusPage { Name = "Acme", Slug = "acme" })).Id;
        _ledgerId = (await components.CreateAsync(new CreateComponent { PageId = _pageId, Name = "Ledger" })).Id;
        _webId = (await components.CreateAsync(new CreateComponent { PageId = _pageId, Name = "Web" })).Id;
        _token = (await pages.CreateWithAccessTokenAsync(new CreateStatusPage { Name = "Internal", Slug = "internal", IsPublic = false })).AccessToken!;

        // Ledger: 50 minutes of major outage on 5 March, 2 hours of partial outage on 8 March; Web: none. Now: 10 March.
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 5, 9, 0, 0, TimeSpan.Zero));
        await components.SetManualStatusAsync(_ledgerId, ComponentStatus.MajorOutage);
        _clock.Advance(TimeSpan.FromMinutes(50));
        await components.ClearManualStatusAsync(_ledgerId);
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 8, 14, 0, 0, TimeSpan.Zero));
        await components.SetManualStatusAsync(_ledgerId, ComponentStatus.PartialOutage);
        _clock.Advance(TimeSpan.FromHours(2));
        await components.ClearManualStatusAsync(_ledgerId);
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero));
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_component_uptime_badge_shows_the_figure_of_its_bar_on_the_html_page()
    {
        using var client = App.Client();
        var html = await client.GetStringAsync("/status/acme");

        var ledger = Label(await client.GetStringAsync($"/status/acme/badge.svg?component={_ledgerId}&show=uptime"));
        var web = Label(await client.GetStringAsync($"/status/acme/badge.svg?component={_webId}&show=uptime"));

        Assert.Equal($"uptime 90d: {BarFigure(html, "Ledger")}", ledger);
        Assert.Equal($"uptime 90d: {BarFigure(html, "Web")}", web);
        Assert.NotEqual("uptime 90d: 100%", ledger); // there was downtime
    }

    [Fact]
    public async Task A_page_uptime_badge_shows_the_page_uptime_over_all_its_components()
    {
        using var client = App.Client();
        var uptime = await App.Services.GetRequiredService<IUptimeService>().GetPageUptimeAsync(_pageId, 90);

        var label = Label(await client.GetStringAsync("/status/acme/badge.svg?show=uptime"));

        // Derived from the same history with the page's own formatting: less downtime than Ledger alone, more than Web.
        Assert.Equal($"uptime 90d: {UptimePercentText.Format(uptime!.UptimePercent!.Value)}", label);
        var ledger = uptime.Components.Single(c => c.ComponentId == _ledgerId).UptimePercent!.Value;
        Assert.InRange(uptime.UptimePercent.Value, ledger, 100);
        Assert.True(uptime.UptimePercent < 100);
    }

    [Fact]
    public async Task Days_narrows_the_window_and_the_label_names_it()
    {
        using var client = App.Client();
        var uptime = App.Services.GetRequiredService<IUptimeService>();

        var week = Label(await client.GetStringAsync($"/status/acme/badge.svg?component={_ledgerId}&show=uptime&days=7"));
        var today = Label(await client.GetStringAsync($"/status/acme/badge.svg?component={_ledgerId}&show=uptime&days=1"));
        var full = Label(await client.GetStringAsync($"/status/acme/badge.svg?component={_ledgerId}&show=uptime&days=90"));

        var expectedWeek = (await uptime.GetPageUptimeAsync(_pageId, 7))!.Components.Single(c => c.ComponentId == _ledgerId).UptimePercent!.Value;
        Assert.Equal($"uptime 7d: {UptimePercentText.Format(expectedWeek)}", week);
        Assert.Equal("uptime 1d: 100%", today);
        Assert.Equal(Label(await client.GetStringAsync($"/status/acme/badge.svg?component={_ledgerId}&show=uptime")), full);
        Assert.NotEqual(full, week);
    }

    [Fact]
    public async Task A_page_without_components_shows_no_data()
    {
        await App.Services.GetRequiredService<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Empty", Slug = "empty" });
        using var client = App.Client();

        var label = Label(await client.GetStringAsync("/status/empty/badge.svg?show=uptime&days=30"));

        Assert.Equal("uptime 30d: no data", label);
    }

    [Theory]
    [InlineData("show=percent", "show")]
    [InlineData("show=Uptime", "show")]
    [InlineData("show=", "show")]
    [InlineData("show=uptime&days=0", "days")]
    [InlineData("show=uptime&days=91", "days")]
    [InlineData("show=uptime&days=-1", "days")]
    [InlineData("show=uptime&days=7.5", "days")]
    [InlineData("show=uptime&days=x", "days")]
    [InlineData("show=uptime&days=", "days")]
    public async Task A_bad_show_or_days_is_a_400_problem_naming_it_that_other_sites_can_read(string query, string field)
    {
        using var client = App.Client();

        using var response = await client.SendAsync(FromOtherSite($"/status/acme/badge.svg?{query}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(["*"], response.Headers.GetValues("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Days_is_bounded_by_the_page_uptime_days_when_they_are_fewer()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero));
        await using var app = await EmbeddedHost.StartAsync(
            services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                services.AddStatusPages(o => o.WarmSnapshotsOnStart = false).AddStatusPageEndpoints(o => o.UptimeDays = 30);
            },
            a => a.MapStatusPages("/status"));
        await app.Services.GetRequiredService<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Short", Slug = "short" });
        using var client = app.Client();

        var byDefault = Label(await client.GetStringAsync("/status/short/badge.svg?show=uptime"));
        using var tooMany = await client.GetAsync("/status/short/badge.svg?show=uptime&days=31");

        Assert.Equal("uptime 30d: no data", byDefault);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("from 1 to 30", await tooMany.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_component_is_a_404_other_sites_can_read_as_for_the_status_badge()
    {
        using var client = App.Client();

        using var response = await client.SendAsync(FromOtherSite($"/status/acme/badge.svg?component={Guid.NewGuid()}&show=uptime"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(["*"], response.Headers.GetValues("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_private_page_uptime_badge_is_as_its_status_badge_a_404_without_its_token()
    {
        using var client = App.Client();

        using var without = await client.GetAsync("/status/internal/badge.svg?show=uptime&days=0");
        using var with = await client.GetAsync($"/status/internal/badge.svg?show=uptime&access_token={_token}");

        Assert.Equal(HttpStatusCode.NotFound, without.StatusCode);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
        Assert.True(with.Headers.CacheControl is { Private: true, NoStore: true }, $"Cache-Control: {with.Headers.CacheControl}");
    }

    [Fact]
    public async Task The_uptime_badge_has_the_status_badge_headers_and_answers_304_to_its_ETag()
    {
        using var client = App.Client();

        using var status = await client.SendAsync(FromOtherSite("/status/acme/badge.svg"));
        using var uptime = await client.SendAsync(FromOtherSite("/status/acme/badge.svg?show=uptime"));
        var again = FromOtherSite("/status/acme/badge.svg?show=uptime");
        again.Headers.IfNoneMatch.Add(uptime.Headers.ETag!);
        using var notModified = await client.SendAsync(again);

        Assert.Equal(status.Content.Headers.ContentType, uptime.Content.Headers.ContentType);
        Assert.Equal("image/svg+xml; charset=utf-8", uptime.Content.Headers.ContentType?.ToString());
        Assert.Equal(status.Headers.CacheControl, uptime.Headers.CacheControl);
        Assert.Equal(["*"], uptime.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Equal(["nosniff"], uptime.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal(["nosniff"], status.Headers.GetValues("X-Content-Type-Options"));
        Assert.NotEqual(status.Headers.ETag, uptime.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task Show_status_is_the_status_badge_byte_for_byte_whatever_days_says()
    {
        using var client = App.Client();

        var page = await client.GetByteArrayAsync("/status/acme/badge.svg");
        var component = await client.GetByteArrayAsync($"/status/acme/badge.svg?component={_ledgerId}");

        Assert.Equal(page, await client.GetByteArrayAsync("/status/acme/badge.svg?show=status"));
        Assert.Equal(page, await client.GetByteArrayAsync("/status/acme/badge.svg?show=status&days=500"));
        Assert.Equal(component, await client.GetByteArrayAsync($"/status/acme/badge.svg?component={_ledgerId}&show=status"));
        Assert.Equal("status: All Systems Operational", Label(System.Text.Encoding.UTF8.GetString(page)));
    }

    private static string? Label(string svg) => XDocument.Parse(svg).Root!.Attribute("aria-label")?.Value;

    // The figure the HTML page's uptime bar of a component shows ("Ledger: 99.94% uptime over the last 90 days").
    private static string BarFigure(string html, string component)
    {
        var match = Regex.Match(html, $"<ol class=\"uptime\" aria-label=\"{component}: (?<figure>[0-9.]+%) uptime over the last 90 days\">");
        Assert.True(match.Success, $"No uptime bar of {component} on the page.");
        return match.Groups["figure"].Value;
    }

    private static HttpRequestMessage FromOtherSite(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", Origin);
        return request;
    }
}
