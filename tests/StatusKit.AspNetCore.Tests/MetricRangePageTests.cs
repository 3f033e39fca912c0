using System.Net;
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
/// The page's "System metrics" section over a day, a week or a month: <c>?metrics=week</c> and <c>?metrics=month</c>
/// (the day is the plain page), chosen by three links without script, each range its own document and ETag.
/// </summary>
public sealed partial class MetricRangePageTests : IAsyncLifetime
{
    private const string Domain = "status.acme.example";
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 10, 2, 0, TimeSpan.Zero));
    private WebApplication? _app;

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
        var acme = await pages.CreateAsync(new CreateStatusPage { Name = "Acme", Slug = "acme", CustomDomain = Domain });
        var german = await pages.CreateAsync(new CreateStatusPage { Name = "Beispiel", Slug = "beispiel", Language = "de" });
        await pages.CreateAsync(new CreateStatusPage { Name = "Plain", Slug = "plain" });
        var hidden = await pages.CreateAsync(new CreateStatusPage { Name = "Hidden", Slug = "hidden" });
        await MetricWithAPointEveryFiveMinutesAsync(acme.Id, visible: true);
        await MetricWithAPointEveryFiveMinutesAsync(german.Id, visible: true);
        await MetricWithAPointEveryFiveMinutesAsync(hidden.Id, visible: false);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("", 288, "Day", "API response time, last 24 hours")]
    [InlineData("?metrics=day", 288, "Day", "API response time, last 24 hours")]
    [InlineData("?metrics=week", 168, "Week", "API response time, last 7 days")]
    [InlineData("?metrics=month", 120, "Month", "API response time, last 30 days")]
    public async Task Each_range_draws_its_buckets_titles_its_chart_and_marks_its_link_current(string query, int buckets, string current, string title)
    {
        using var client = App.Client();

        var html = await client.GetStringAsync("/status/acme" + query);

        Assert.Equal(buckets, PointsDrawn(html));
        Assert.Contains($">{title}</title>", html, StringComparison.Ordinal);
        Assert.Equal([current], CurrentLinks(html));
    }

    [Fact]
    public async Task Naming_the_day_or_nothing_gives_the_plain_page_byte_for_byte()
    {
        using var client = App.Client();

        var plain = await client.GetStringAsync("/status/acme");
        var day = await client.GetStringAsync("/status/acme?metrics=day");
        var empty = await client.GetStringAsync("/status/acme?metrics=");

        Assert.Equal(plain, day);
        Assert.Equal(plain, empty);
    }

    [Fact]
    public async Task The_descriptions_and_axes_say_the_range()
    {
        using var client = App.Client();

        var week = await client.GetStringAsync("/status/acme?metrics=week");
        var month = await client.GetStringAsync("/status/acme?metrics=month");

        Assert.Contains("Hourly average over the last 7 days: lowest 1 ms, highest 1 ms.</desc>", week, StringComparison.Ordinal);
        Assert.Contains("<span>7 days ago</span><span>Now</span>", week, StringComparison.Ordinal);
        Assert.Contains("Average per 6 hours over the last 30 days: lowest 1 ms, highest 1 ms.</desc>", month, StringComparison.Ordinal);
        Assert.Contains("<span>30 days ago</span><span>Now</span>", month, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_links_reload_the_page_at_the_section_the_day_being_the_plain_page()
    {
        using var client = App.Client();

        var html = await client.GetStringAsync("/status/acme?metrics=month");

        Assert.Equal(
            [("/status/acme#metrics", "Day"), ("/status/acme?metrics=week#metrics", "Week"), ("/status/acme?metrics=month#metrics", "Month")],
            RangeLinks(html));
        Assert.Contains("<section id=\"metrics\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_the_pages_custom_domain_the_links_start_at_the_root()
    {
        using var client = App.GetTestServer().CreateClient();
        client.BaseAddress = new Uri($"http://{Domain}/");

        var html = await client.GetStringAsync("/?metrics=week");

        Assert.Equal(168, PointsDrawn(html));
        Assert.Equal(
            [("/#metrics", "Day"), ("/?metrics=week#metrics", "Week"), ("/?metrics=month#metrics", "Month")],
            RangeLinks(html));
    }

    [Fact]
    public async Task A_German_page_names_the_ranges_in_German()
    {
        using var client = App.Client();

        var html = await client.GetStringAsync("/status/beispiel?metrics=week");

        Assert.Equal(["Tag", "Woche", "Monat"], RangeLinks(html).Select(l => l.Text));
        Assert.Equal(["Woche"], CurrentLinks(html));
        Assert.Contains("API response time, letzte 7 Tage</title>", html, StringComparison.Ordinal);
        Assert.Contains("<span>vor 7 Tagen</span><span>Jetzt</span>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("year")]
    [InlineData("WEEK")]
    [InlineData("day&metrics=week")]
    public async Task Another_value_is_a_400_problem_naming_metrics(string value)
    {
        using var client = App.Client();

        await AssertProblemAsync(await client.GetAsync("/status/acme?metrics=" + value), HttpStatusCode.BadRequest, "metrics");
    }

    [Fact]
    public async Task A_long_value_is_not_echoed_at_length()
    {
        using var client = App.Client();
        var value = new string('x', 5_000);

        using var response = await client.GetAsync("/status/acme?metrics=" + value);

        var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("value.invalid", problem.GetProperty("code").GetString());
        Assert.DoesNotContain(new string('x', 41), detail, StringComparison.Ordinal);
        Assert.StartsWith("The chart range '" + new string('x', 40) + "…' is not one of day, week or month", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_value_is_quoted_whole()
    {
        using var client = App.Client();

        using var response = await client.GetAsync("/status/acme?metrics=year");

        var detail = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        Assert.Equal("The chart range 'year' is not one of day, week or month (the day is the page without the parameter).", detail);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("hidden")]
    public async Task A_page_without_a_visible_metric_ignores_the_parameter(string slug)
    {
        using var client = App.Client();
        var plain = await client.GetStringAsync($"/status/{slug}");

        var week = await client.GetStringAsync($"/status/{slug}?metrics=week");
        var unknown = await client.GetStringAsync($"/status/{slug}?metrics=year");

        Assert.DoesNotContain("id=\"metrics\"", plain, StringComparison.Ordinal);
        Assert.Equal(plain, week);
        Assert.Equal(plain, unknown);
    }

    [Fact]
    public async Task Each_range_has_its_own_ETag_so_a_week_after_a_day_is_the_week()
    {
        using var client = App.Client();
        using var day = await client.GetAsync("/status/acme");
        var dayTag = day.Headers.ETag!.ToString();

        using var week = await GetAsync(client, "/status/acme?metrics=week", dayTag);
        var weekHtml = await week.Content.ReadAsStringAsync();
        using var weekAgain = await GetAsync(client, "/status/acme?metrics=week", week.Headers.ETag!.ToString());
        using var dayAgain = await GetAsync(client, "/status/acme", week.Headers.ETag!.ToString());

        Assert.Equal(HttpStatusCode.OK, week.StatusCode);
        Assert.Equal(168, PointsDrawn(weekHtml));
        Assert.NotEqual(dayTag, week.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.NotModified, weekAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, dayAgain.StatusCode);
        Assert.Equal(288, PointsDrawn(await dayAgain.Content.ReadAsStringAsync()));
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string ifNoneMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return await client.SendAsync(request);
    }

    // One point every 5 minutes for 31 days up to now, all of value 1: every bucket of every range has an average.
    private async Task MetricWithAPointEveryFiveMinutesAsync(Guid pageId, bool visible)
    {
        var metrics = App.Services.GetRequiredService<PageMetricService>();
        var metric = await metrics.CreateAsync(new CreatePageMetric { PageId = pageId, Name = "API response time", Suffix = "ms", Visible = visible });
        var now = _clock.GetUtcNow();
        var points = Enumerable.Range(0, 31 * 288).Select(i => new MetricPoint(now.AddMinutes(-5 * i), 1)).ToArray();
        foreach (var batch in points.Chunk(PageMetricService.MaxPointsPerSubmit))
        {
            await metrics.AddPointsAsync(metric.Id, batch);
        }
    }

    // The points of the chart's line: one move or line command per bucket drawn.
    private static int PointsDrawn(string html) => ChartPath().Match(html).Groups[1].Value.Count(c => c is 'M' or 'L');

    private static IEnumerable<string> CurrentLinks(string html) =>
        RangeLinkPattern().Matches(NavOf(html)).Where(m => m.Groups[2].Success).Select(m => m.Groups[3].Value);

    private static IEnumerable<(string Href, string Text)> RangeLinks(string html) =>
        [.. RangeLinkPattern().Matches(NavOf(html)).Select(m => (WebUtility.HtmlDecode(m.Groups[1].Value), m.Groups[3].Value))];

    private static string NavOf(string html)
    {
        var start = html.IndexOf("<nav class=\"metric-ranges\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "The page has no range links.");
        return html[start..html.IndexOf("</nav>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("<path fill=\"none\"[^>]* d=\"([^\"]*)\"")]
    private static partial Regex ChartPath();

    [GeneratedRegex("<a href=\"([^\"]*)\"( aria-current=\"true\")?>([^<]*)</a>")]
    private static partial Regex RangeLinkPattern();
}
