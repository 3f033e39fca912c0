using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace StatusKit.AspNetCore.Tests;

/// <summary>The sample host on a real loopback port, for a real browser.</summary>
public sealed class KestrelSampleHost : IDisposable
{
    public KestrelSampleHost()
    {
        Factory = new SampleHostFactory();
        Factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        Factory.StartServer();
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = addresses.First().TrimEnd('/');
    }

    public SampleHostFactory Factory { get; }

    public string BaseAddress { get; }

    public void Dispose() => Factory.Dispose();
}

/// <summary>Headless Chromium (Debian's package, never downloaded) watching the demo page change live.</summary>
public sealed class BrowserTests(KestrelSampleHost host) : IClassFixture<KestrelSampleHost>
{
    // The demo page opened in a new tab, once its live updates are connected.
    private async Task<IPage> LiveDemoPageAsync(HeadlessChromium chromium, BrowserNewPageOptions? options = null)
    {
        var page = await chromium.Browser.NewPageAsync(options);
        await page.GotoAsync(host.BaseAddress + "/status/demo");
        await page.WaitForSelectorAsync("body[data-live='connected']", new PageWaitForSelectorOptions { Timeout = 10_000 });
        return page;
    }

    [Theory]
    [InlineData(1280, 900, "desktop", 1)]
    [InlineData(360, 780, "phone", 2)]
    public async Task Demo_page_shows_an_incident_without_a_reload(int width, int height, string name, long version)
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        if (chromium is null)
        {
            return;
        }

        var page = await LiveDemoPageAsync(chromium, new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        Assert.Equal("All Systems Operational", await page.InnerTextAsync("#banner-text"));
        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, $"demo-{name}.png"), FullPage = true });
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");

        var checkout = $"#component-{(await host.Factory.Service<StatusKit.Services.ComponentService>().ListAsync(await host.Factory.PageIdAsync("demo"))).Single(c => c.Name == "Checkout").Id}";
        await SignalAsync("browser-" + name, "triggered", version);
        try
        {
            await page.WaitForFunctionAsync("() => document.getElementById('banner-text').textContent === 'Major Service Outage'", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
            await page.WaitForFunctionAsync($"() => document.querySelector(\"{checkout} [data-status]\").textContent === 'Major Outage'", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
            Assert.Equal("critical", await page.GetAttributeAsync("#banner", "data-indicator"));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, $"demo-{name}-outage.png"), FullPage = true });
        }
        finally
        {
            await SignalAsync("browser-" + name, "resolved", version + 1);
        }

        await page.WaitForFunctionAsync("() => document.getElementById('banner-text').textContent === 'All Systems Operational'", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
    }

    [Fact]
    public async Task A_group_heading_follows_its_components_without_a_reload()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        if (chromium is null)
        {
            return;
        }

        var page = await LiveDemoPageAsync(chromium);
        const string web = ".group[aria-label='Web'] h3 .status";
        Assert.Equal("(Operational)", await page.InnerTextAsync(web));

        // A payments incident on the checkout service takes Checkout (in the Web group) down.
        await SignalAsync("browser-group", "triggered", 1);
        try
        {
            await page.WaitForFunctionAsync($"() => document.querySelector(\"{web}\").textContent === '(Major Outage)'", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
            Assert.Equal("status st-major_outage", await page.GetAttributeAsync(web, "class"));
        }
        finally
        {
            await SignalAsync("browser-group", "resolved", 2);
        }

        await page.WaitForFunctionAsync($"() => document.querySelector(\"{web}\").textContent === '(Operational)'", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
        Assert.Equal("status st-operational", await page.GetAttributeAsync(web, "class"));
    }

    [Fact]
    public async Task A_status_incident_posted_appears_in_the_incident_section_without_a_reload_and_the_subscribe_form_keeps_what_was_typed()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        if (chromium is null)
        {
            return;
        }

        var page = await LiveDemoPageAsync(chromium);
        await page.ClickAsync("#subscribe > summary");
        await page.FillAsync("#subscribe-destination", "half-typed@exam");
        await page.EvaluateAsync("() => { window.notReloaded = true; }");

        var incidents = host.Factory.Service<StatusKit.Services.StatusIncidentService>();
        var incident = await incidents.CreateAsync(new StatusKit.Services.CreateStatusIncident
        {
            PageId = await host.Factory.PageIdAsync("demo"),
            Title = "Slow card payments",
            Message = "Looking into it",
            Severity = StatusKit.Model.StatusIncidentSeverity.Minor,
            ComponentIds = [],
            NotifySubscribers = false,
        });
        try
        {
            await page.WaitForFunctionAsync(
                "() => document.getElementById('current-incidents').textContent.includes('Slow card payments')", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
            await incidents.AddUpdateAsync(incident.Id, StatusKit.Model.StatusIncidentState.Identified, "We identified the cause", notifySubscribers: false);
            await page.WaitForFunctionAsync(
                "() => document.getElementById('current-incidents').textContent.includes('We identified the cause')", null, new PageWaitForFunctionOptions { Timeout = 10_000 });

            Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page reloaded");
            Assert.Equal("half-typed@exam", await page.InputValueAsync("#subscribe-destination"));
            Assert.True(await page.EvaluateAsync<bool>("() => document.getElementById('subscribe').open"), "the open subscribe form closed");
        }
        finally
        {
            await incidents.DeleteAsync(incident.Id);
        }

        await page.WaitForFunctionAsync(
            "() => !document.getElementById('current-incidents').textContent.includes('Slow card payments')", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
    }

    [Fact]
    public async Task A_visitor_subscribes_through_the_pages_form()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        if (chromium is null)
        {
            return;
        }

        var pageId = await host.Factory.PageIdAsync("demo");
        var payouts = (await host.Factory.Service<StatusKit.Services.ComponentService>().ListAsync(pageId)).Single(c => c.Name == "Payouts");
        var page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 360, Height = 780 } });
        await page.GotoAsync(host.BaseAddress + "/status/demo");

        await page.ClickAsync("#subscribe > summary");
        await page.FillAsync("#subscribe-destination", "browser-visitor@example.com");
        await page.UncheckAsync("input[name=notifyOn][value=maintenance]");
        await page.ClickAsync("#subscribe .some > summary");
        await page.CheckAsync($"input[name=components][value='{payouts.Id}']");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the open form scrolls sideways");
        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "demo-subscribe-phone.png"), FullPage = true });
        await page.ClickAsync("#subscribe button[type=submit]");

        await page.WaitForSelectorAsync("h1:has-text('Check your messages')", new PageWaitForSelectorOptions { Timeout = 10_000 });
        var subscriber = (await host.Factory.Service<StatusKit.Services.SubscriberService>().ListAsync(pageId)).Single(s => s.Destination == "browser-visitor@example.com");
        Assert.Equal(StatusKit.Model.NotificationEvents.All & ~StatusKit.Model.NotificationEvents.Maintenance, subscriber.NotifyOn);
        Assert.Equal([payouts.Id], subscriber.ComponentIds);
        Assert.False(subscriber.IsVerified);
        await page.ClickAsync("text=Back to the status page");
        await page.WaitForSelectorAsync("#banner-text");
    }

    private async Task SignalAsync(string incidentId, string state, long version)
    {
        using var admin = new HttpClient { BaseAddress = new Uri(host.BaseAddress) };
        admin.DefaultRequestHeaders.Add("X-Api-Key", SampleHostFactory.ApiKey);
        using var response = await admin.PostAsJsonAsync("/status/admin/signals", new
        {
            incidentId,
            teamId = "payments",
            serviceIdentifier = "checkout",
            priority = "Critical",
            state,
            version,
            occurredAt = DateTimeOffset.UnixEpoch.AddDays(20_000 + version),
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}

/// <summary>Debian's chromium, headless, with the Playwright driver that runs it.</summary>
internal sealed class HeadlessChromium(IPlaywright playwright, IBrowser browser) : IAsyncDisposable
{
    private const string ChromiumPath = "/usr/bin/chromium";

    public IBrowser Browser { get; } = browser;

    /// <summary>Null (the test has nothing to run) only outside CI when chromium is not installed; under CI that fails.</summary>
    public static async Task<HeadlessChromium?> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.False(
                string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
                $"{ChromiumPath} is missing; .ci/install-chromium.sh installs Debian's chromium package.");
            return null;
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new HeadlessChromium(playwright, browser);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
    }
}
