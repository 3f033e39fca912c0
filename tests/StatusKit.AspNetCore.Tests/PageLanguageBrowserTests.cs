using Microsoft.Playwright;
using StatusKit.Model;
using StatusKit.Services;
using StatusKit.Status;

namespace StatusKit.AspNetCore.Tests;

/// <summary>Headless Chromium (Debian's package, never downloaded) watching a German page change live: its words stay German.</summary>
public sealed class PageLanguageBrowserTests(KestrelSampleHost host) : IClassFixture<KestrelSampleHost>
{
    [Fact]
    public async Task A_german_page_updated_live_shows_the_german_status_words()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        if (chromium is null)
        {
            return;
        }

        var statusPage = await host.Factory.Service<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Live auf Deutsch", Language = "de" });
        var components = host.Factory.Service<ComponentService>();
        var kasse = await components.CreateAsync(new CreateComponent { PageId = statusPage.Id, Name = "Kasse" });
        var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync($"{host.BaseAddress}/status/{statusPage.Slug}");
        await page.WaitForSelectorAsync("body[data-live='connected']", new PageWaitForSelectorOptions { Timeout = 10_000 });
        var status = $"#component-{kasse.Id} [data-status]";
        Assert.Equal("Betriebsbereit", await page.InnerTextAsync(status));

        await components.SetManualStatusAsync(kasse.Id, ComponentStatus.PartialOutage);

        await page.WaitForFunctionAsync($"() => document.querySelector(\"{status}\").className === 'status st-partial_outage'", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
        Assert.Equal("Teilausfall", await page.InnerTextAsync(status));
        Assert.Equal("Teilweiser Systemausfall", await page.InnerTextAsync("#banner-text"));
        Assert.DoesNotContain("Partial", await page.InnerTextAsync("main"), StringComparison.Ordinal);
    }
}
