using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using StatusKit.Model;
using StatusKit.Services;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// Headless Chromium watching a page's "System metrics" charts: a point pushed after the page loaded appears once the
/// page's script fetches the section again (the sample host in the tests does so every 400 ms instead of every minute),
/// the charts still drawn by the server and the page's CSP unchanged, and an unchanged section is a 304 from the first
/// refresh on (the page names its section's ETag); a hidden page fetches nothing until it is shown.
/// </summary>
public sealed class MetricsRefreshBrowserTests(KestrelSampleHost host) : IClassFixture<KestrelSampleHost>
{
    private const string Chart = "#metrics .metric-chart path";

    [Fact]
    public async Task A_point_pushed_after_the_page_loaded_appears_in_its_chart_without_a_reload_keeping_the_focus_on_the_range_link()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        if (chromium is null)
        {
            return;
        }

        await WithMetricAsync("browser-metrics-live", async metric =>
        {
            var page = await chromium.Browser.NewPageAsync();
            // No live-update stream: this test is about the charts, and in the test host other tests' floods of changes can
            // make the relay tell every open stream to reload, which would replace the page mid-test.
            await page.RouteAsync("**/browser-metrics-live/events*", route => route.AbortAsync());
            // What the page's policy refused, and the script's own failures (the favicon's 404 is neither).
            var errors = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                {
                    errors.Add(message.Text);
                }
            };
            page.PageError += (_, error) => errors.Add(error);
            var firstRefresh = page.WaitForResponseAsync(r => r.Url.EndsWith("/metrics-section", StringComparison.Ordinal), new() { Timeout = 10_000 });
            await page.GotoAsync(host.BaseAddress + "/status/browser-metrics-live");
            Assert.Null(await page.QuerySelectorAsync(Chart));
            Assert.Equal("No data in the last 24 hours", await page.InnerTextAsync("#metrics .metric-latest"));
            await page.FocusAsync("#metrics nav a[aria-current]");
            // The page names its section's ETag, so even the first refresh of the unchanged section is a 304.
            Assert.Equal(HttpStatusCode.NotModified, (HttpStatusCode)(await firstRefresh).Status);

            await PushAsync(metric.Id, 412);

            await page.WaitForSelectorAsync(Chart, new PageWaitForSelectorOptions { Timeout = 10_000, State = WaitForSelectorState.Attached });
            Assert.Equal("412 ms", await page.InnerTextAsync("#metrics .metric-latest strong"));
            Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.matches('#metrics nav a[aria-current]')"), "the range link lost the focus");
            Assert.True(
                await page.EvaluateAsync<bool>("() => document.querySelector('#metrics svg').getAttribute('aria-labelledby').split(' ').every(id => document.getElementById(id))"),
                "the chart's title and description are not found by their ids");
            Assert.Equal(1, await page.EvaluateAsync<int>("() => document.querySelectorAll('#metrics').length"));

            // The swapped-in range links still choose the range, whose charts are then the ones kept current (from a
            // 304: the week's page names the week's section's ETag). The week's page has loaded once its script fetched
            // that section, which is what this waits for (not the load event, which CI once saw Playwright miss).
            var weekFetched = page.WaitForResponseAsync(r => r.Url.EndsWith("/metrics-section?metrics=week", StringComparison.Ordinal), new() { Timeout = 20_000 });
            await page.ClickAsync("#metrics nav a[href$='?metrics=week#metrics']");
            Assert.Equal(HttpStatusCode.NotModified, (HttpStatusCode)(await weekFetched).Status);
            Assert.EndsWith("/status/browser-metrics-live?metrics=week#metrics", page.Url, StringComparison.Ordinal);
            Assert.Equal("Week", await page.InnerTextAsync("#metrics nav a[aria-current]"));
            Assert.True(errors.Count == 0, string.Join(" | ", errors));
        });
    }

    [Fact]
    public async Task A_hidden_page_fetches_nothing_and_catches_up_as_soon_as_it_is_shown()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        if (chromium is null)
        {
            return;
        }

        await WithMetricAsync("browser-metrics-hidden", async metric =>
        {
            var page = await chromium.Browser.NewPageAsync();
            // The tab in the background, as far as the page's script can tell, until the test says otherwise.
            await page.AddInitScriptAsync("""
                (() => {
                  window.hidden = true;
                  Object.defineProperty(document, 'visibilityState', { get: () => window.hidden ? 'hidden' : 'visible' });
                })();
                """);
            var fetches = 0;
            page.Request += (_, request) =>
            {
                if (request.Url.Contains("/metrics-section", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref fetches);
                }
            };
            await page.GotoAsync(host.BaseAddress + "/status/browser-metrics-hidden");
            await PushAsync(metric.Id, 7);

            // Three turns of the 400 ms refresh while hidden.
            await page.WaitForTimeoutAsync(1_200);
            Assert.Equal(0, Volatile.Read(ref fetches));
            Assert.Null(await page.QuerySelectorAsync(Chart));

            await page.EvaluateAsync("() => { window.hidden = false; document.dispatchEvent(new Event('visibilitychange')); }");

            await page.WaitForSelectorAsync(Chart, new PageWaitForSelectorOptions { Timeout = 10_000, State = WaitForSelectorState.Attached });
            Assert.Equal("7 ms", await page.InnerTextAsync("#metrics .metric-latest strong"));
        });
    }

    // A point measured now, through the admin API as a monitor sends it: the write lets go of the pages the host keeps
    // rendered, so the next fetch of the section shows it.
    private async Task PushAsync(Guid metricId, double value)
    {
        using var admin = host.Factory.CreateAdminClient();
        using var response = await admin.PostAsJsonAsync($"{host.BaseAddress}/status/admin/metrics/{metricId}/points", new { value });
        response.EnsureSuccessStatusCode();
    }

    // A new page with one visible metric and no points, deleted afterwards.
    private async Task WithMetricAsync(string slug, Func<PageMetric, Task> test)
    {
        var pages = host.Factory.Service<StatusPageService>();
        var statusPage = await pages.CreateAsync(new CreateStatusPage { Name = "Metrics " + slug, Slug = slug });
        try
        {
            var metric = await host.Factory.Service<PageMetricService>().CreateAsync(
                new CreatePageMetric { PageId = statusPage.Id, Name = "API response time", Suffix = "ms" });
            await test(metric);
        }
        finally
        {
            await pages.DeleteAsync(statusPage.Id);
        }
    }
}
