using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using StatusKit.Model;
using StatusKit.Services;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// The status embed in a real browser, on a team's own site (another origin: another loopback port) that includes it
/// with one script tag under a strict Content-Security-Policy naming only the status host (docs/aspnetcore.md): a card
/// while the page has an open incident, nothing while all is well, and a close button that hides it until the incident
/// gets a newer update.
/// </summary>
public sealed class EmbedBrowserTests(KestrelSampleHost host) : IClassFixture<KestrelSampleHost>
{
    // Markup in an incident's name must show as written: were it put in with innerHTML, the image would run its handler.
    private const string HostileName = "<img src=x onerror=\"window.pwned=1\">Checkout is down";

    [Fact]
    public async Task A_site_including_the_embed_shows_nothing_while_the_page_is_operational()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        if (chromium is null)
        {
            return;
        }

        await host.Factory.Service<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Calm", Slug = "embed-calm" });
        await using var site = await SiteAsync("embed-calm", "");
        var page = await chromium.Browser.NewPageAsync();

        await OpenAndReadAsync(page, Address(site));
        var globals = await page.EvaluateAsync<string[]>("() => Object.getOwnPropertyNames(window)");
        await page.GotoAsync(Address(site) + "bare");
        var bare = await page.EvaluateAsync<string[]>("() => Object.getOwnPropertyNames(window)");

        Assert.Equal(0, await page.Locator("statuskit-embed").CountAsync());
        Assert.Empty(globals.Except(bare));
    }

    [Fact]
    public async Task An_incident_posted_after_the_site_was_opened_shows_at_the_next_read_five_minutes_on_without_a_reload()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        if (chromium is null)
        {
            return;
        }

        var pageId = (await host.Factory.Service<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Later", Slug = "embed-later" })).Id;
        await using var site = await SiteAsync("embed-later", "");
        var page = await chromium.Browser.NewPageAsync();
        // The page's timers run on Playwright's clock, moved on by the test; routing bypasses the browser's cache.
        await page.Clock.InstallAsync();
        await page.RouteAsync("**/api/v2/summary.json", route => route.ContinueAsync());
        await OpenAndReadAsync(page, Address(site));
        Assert.Equal(0, await page.Locator("statuskit-embed").CountAsync());

        await host.Factory.Service<StatusIncidentService>().CreateAsync(new CreateStatusIncident
        {
            PageId = pageId, Title = "Search is slow", Message = "Looking into it.", NotifySubscribers = false,
        });
        await host.Factory.SettleAsync();
        var early = page.WaitForResponseAsync(r => r.Url.EndsWith("/api/v2/summary.json", StringComparison.Ordinal), new() { Timeout = 2_000 });
        await page.Clock.RunForAsync(4 * 60 * 1000);
        await Assert.ThrowsAsync<TimeoutException>(() => early);
        var read = page.WaitForResponseAsync(r => r.Url.EndsWith("/api/v2/summary.json", StringComparison.Ordinal), new() { Timeout = 10_000 });
        await page.Clock.RunForAsync(61 * 1000);
        await (await read).FinishedAsync();
        await page.Clock.RunForAsync(100);

        var card = page.Locator("statuskit-embed .card");
        await card.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        Assert.Equal("Search is slow", await card.Locator(".name").TextContentAsync());
    }

    [Fact]
    public async Task A_site_including_the_embed_shows_the_open_incident_as_text_in_its_corner_and_closing_hides_it_until_a_newer_update()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        if (chromium is null)
        {
            return;
        }

        var pageId = (await host.Factory.Service<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Alarm", Slug = "embed-alarm" })).Id;
        var incidents = host.Factory.Service<StatusIncidentService>();
        var incident = await incidents.CreateAsync(new CreateStatusIncident
        {
            PageId = pageId, Title = HostileName, Message = "We are   looking into failed payments.", NotifySubscribers = false,
        });
        await host.Factory.SettleAsync();
        await using var site = await SiteAsync("embed-alarm", " data-position=\"top-left\"");
        var page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1000, Height = 700 } });
        // Routing bypasses the browser's cache, so each reload reads the page's current summary.
        await page.RouteAsync("**/api/v2/summary.json", route => route.ContinueAsync());

        await OpenAndReadAsync(page, Address(site));
        var card = page.Locator("statuskit-embed .card");
        await card.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });

        Assert.Equal(HostileName, await card.Locator(".name").TextContentAsync());
        Assert.Equal("Investigating: We are looking into failed payments.", await card.Locator(".text").TextContentAsync());
        // The impact in words, not by the edge's colour alone (WCAG 1.4.1); the card's own words marked English.
        Assert.Equal("Minor impact", await card.Locator(".tag").TextContentAsync());
        Assert.Equal(["en", "en", "en", "en"], await card.EvaluateAsync<string[]>("c => ['.tag', '.text span', '.view', '.close'].map(s => c.querySelector(s).lang)"));
        Assert.Equal("", await card.Locator(".name").EvaluateAsync<string>("e => e.lang"));
        Assert.Equal(0, await page.Locator("statuskit-embed img").CountAsync());
        Assert.Null(await page.EvaluateAsync<int?>("() => window.pwned ?? null"));
        Assert.Equal($"{host.BaseAddress}/status/embed-alarm/incidents/{incident.Id}", await page.GetByRole(AriaRole.Link, new() { Name = "View status" }).GetAttributeAsync("href"));
        Assert.Equal("status", await card.GetAttributeAsync("role"));
        Assert.Equal("fixed", await card.EvaluateAsync<string>("e => getComputedStyle(e).position"));
        var box = (await card.BoundingBoxAsync())!;
        Assert.True(box is { X: < 100, Y: < 100 }, $"The card is at ({box.X}, {box.Y}), not in the top left corner.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Dismiss status notice" }).ClickAsync();
        Assert.Equal(0, await page.Locator("statuskit-embed").CountAsync());
        await ReadAfterAsync(page, () => page.ReloadAsync());
        Assert.Equal(0, await page.Locator("statuskit-embed").CountAsync());

        await incidents.AddUpdateAsync(incident.Id, StatusIncidentState.Identified, "A fix is rolling out.", notifySubscribers: false);
        await host.Factory.SettleAsync();
        await page.ReloadAsync();
        await card.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        Assert.Equal("Identified: A fix is rolling out.", await card.Locator(".text").TextContentAsync());

        await incidents.CreateAsync(new CreateStatusIncident
        {
            PageId = pageId, Title = "Database outage", Message = "Investigating.", Severity = StatusIncidentSeverity.Critical, NotifySubscribers = false,
        });
        await host.Factory.SettleAsync();
        await page.ReloadAsync();
        await card.Locator(".name", new() { HasText = "Database outage" }).WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        Assert.Equal("+1 more", await card.Locator(".more").TextContentAsync());
        Assert.Equal($"{host.BaseAddress}/status/embed-alarm", await card.Locator(".more").GetAttributeAsync("href"));
    }

    [Fact]
    public async Task A_long_update_is_cut_to_140_characters_without_splitting_an_emoji()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        if (chromium is null)
        {
            return;
        }

        var pageId = (await host.Factory.Service<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Long", Slug = "embed-long" })).Id;
        // 149 characters: the cut keeps 139 and adds "…", the 139th being an emoji (two UTF-16 units, the 139th and 140th).
        await host.Factory.Service<StatusIncidentService>().CreateAsync(new CreateStatusIncident
        {
            PageId = pageId, Title = "Slow checkout", Message = new string('a', 138) + "\U0001F600" + "bbbbbbbbbb", NotifySubscribers = false,
        });
        await host.Factory.SettleAsync();
        await using var site = await SiteAsync("embed-long", "");
        var page = await chromium.Browser.NewPageAsync();

        await OpenAndReadAsync(page, Address(site));
        var text = page.Locator("statuskit-embed .card .text");
        await text.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });

        Assert.Equal("Investigating: " + new string('a', 138) + "\U0001F600\u2026", await text.TextContentAsync());
    }

    [Fact]
    public async Task Closing_the_card_by_keyboard_gives_the_focus_back_to_where_it_came_from()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        if (chromium is null)
        {
            return;
        }

        var pageId = (await host.Factory.Service<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Focus", Slug = "embed-focus" })).Id;
        await host.Factory.Service<StatusIncidentService>().CreateAsync(new CreateStatusIncident
        {
            PageId = pageId, Title = "Slow search", Message = "Looking into it.", Severity = StatusIncidentSeverity.Major, NotifySubscribers = false,
        });
        await host.Factory.SettleAsync();
        await using var site = await SiteAsync("embed-focus", "", "<p><a id=\"home\" href=\"#top\">Acme home</a></p>");
        var page = await chromium.Browser.NewPageAsync();

        await OpenAndReadAsync(page, Address(site));
        var card = page.Locator("statuskit-embed .card");
        await card.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        Assert.Equal("Major impact", await card.Locator(".tag").TextContentAsync());
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("home", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Dismiss status notice", await page.EvaluateAsync<string?>("() => document.activeElement.shadowRoot?.activeElement?.getAttribute('aria-label')"));
        await page.Keyboard.PressAsync("Enter");

        Assert.Equal(0, await page.Locator("statuskit-embed").CountAsync());
        Assert.Equal("home", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }

    [Fact]
    public async Task Components_a_platform_incident_moved_without_a_public_incident_show_by_name_until_one_is_posted()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        if (chromium is null)
        {
            return;
        }

        var pageId = (await host.Factory.Service<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Quiet", Slug = "embed-quiet" })).Id;
        var components = host.Factory.Service<ComponentService>();
        await components.CreateAsync(new CreateComponent { PageId = pageId, Name = "Payments API", TeamId = "embed-payments" });
        await components.CreateAsync(new CreateComponent { PageId = pageId, Name = "Dashboard", TeamId = "embed-web" });
        await host.Factory.Service<StatusKit.Engine.IIncidentIntake>().ReportIncidentAsync(new IncidentSignal
        {
            IncidentId = "EMBED-1", TeamId = "embed-payments", Priority = "Critical", State = PlatformIncidentState.Triggered, Version = 1,
            OccurredAt = host.Factory.Service<TimeProvider>().GetUtcNow(),
        }, CancellationToken.None);
        await host.Factory.SettleAsync();
        await using var site = await SiteAsync("embed-quiet", "");
        var page = await chromium.Browser.NewPageAsync();
        await page.RouteAsync("**/api/v2/summary.json", route => route.ContinueAsync());

        await OpenAndReadAsync(page, Address(site));
        var card = page.Locator("statuskit-embed .card");
        await card.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });

        Assert.Equal("Payments API: Major Outage", await card.Locator(".text").TextContentAsync());
        Assert.Equal("Major Service Outage", await card.Locator(".name").TextContentAsync());
        Assert.Contains("impact-critical", await card.GetAttributeAsync("class"), StringComparison.Ordinal);
        Assert.Equal($"{host.BaseAddress}/status/embed-quiet", await card.Locator(".view").GetAttributeAsync("href"));

        await host.Factory.Service<StatusIncidentService>().CreateAsync(new CreateStatusIncident
        {
            PageId = pageId, Title = "Payments failing", Message = "Looking into it.", Severity = StatusIncidentSeverity.Critical, NotifySubscribers = false,
        });
        await host.Factory.SettleAsync();
        await page.ReloadAsync();
        await card.Locator(".name", new() { HasText = "Payments failing" }).WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        Assert.Equal(0, await card.Locator(".more").CountAsync());
    }

    [Fact]
    public async Task Maintenance_in_progress_shows_at_the_default_corner_for_an_unknown_position_dark_and_still_and_closes_by_keyboard_without_session_storage()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        if (chromium is null)
        {
            return;
        }

        var pageId = (await host.Factory.Service<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Works", Slug = "embed-works" })).Id;
        var component = await host.Factory.Service<ComponentService>().CreateAsync(new CreateComponent { PageId = pageId, Name = "Database" });
        var maintenance = host.Factory.Service<StatusKit.Maintenance.MaintenanceService>();
        var now = host.Factory.Service<TimeProvider>().GetUtcNow();
        var window = await maintenance.CreateAsync(new StatusKit.Maintenance.CreateMaintenanceWindow
        {
            PageId = pageId, Title = "Database upgrade", StartsAt = now.AddHours(1), EndsAt = now.AddHours(2), ComponentIds = [component.Id], NotifySubscribers = false,
        });
        await maintenance.StartNowAsync(window.Id);
        await host.Factory.SettleAsync();
        await using var site = await SiteAsync("embed-works", " data-position=\"middle\"");
        var page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize { Width = 1000, Height = 700 }, ColorScheme = ColorScheme.Dark, ReducedMotion = ReducedMotion.Reduce,
        });
        // A sandboxed frame or a browser's privacy setting: reading sessionStorage throws.
        await page.AddInitScriptAsync("Object.defineProperty(window, 'sessionStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });");

        await OpenAndReadAsync(page, Address(site));
        var card = page.Locator("statuskit-embed .card");
        await card.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });

        Assert.Equal("Database upgrade", await card.Locator(".name").TextContentAsync());
        Assert.Equal("Maintenance in progress", await card.Locator(".text").TextContentAsync());
        Assert.Equal($"{host.BaseAddress}/status/embed-works/maintenance/{window.Id}", await card.Locator(".view").GetAttributeAsync("href"));
        var box = (await card.BoundingBoxAsync())!;
        Assert.True(box is { X: > 500, Y: > 350 }, $"The card is at ({box.X}, {box.Y}), not in the bottom right corner.");
        Assert.Equal("none rgb(22, 27, 34)", await card.EvaluateAsync<string>("e => getComputedStyle(e).animationName + ' ' + getComputedStyle(e).backgroundColor"));
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Dismiss status notice", await page.EvaluateAsync<string?>("() => document.activeElement.shadowRoot?.activeElement?.getAttribute('aria-label')"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal(0, await page.Locator("statuskit-embed").CountAsync());
    }

    // Opens the site and waits until the embed has read the summary and had time to show what it read.
    private static Task OpenAndReadAsync(IPage page, string address) => ReadAfterAsync(page, () => page.GotoAsync(address));

    // Waits for the embed's read of the summary that navigate causes. The wait starts before navigate does: the embed
    // may read it before a navigation returns, and a wait begun after that would miss it (and time out).
    private static async Task ReadAfterAsync(IPage page, Func<Task> navigate)
    {
        var read = page.WaitForResponseAsync(r => r.Url.EndsWith("/api/v2/summary.json", StringComparison.Ordinal), new() { Timeout = 10_000 });
        await navigate();
        await (await read).FinishedAsync();
        await page.WaitForTimeoutAsync(300);
    }

    // A site of the team's own on another loopback port, including the embed of the page, under the CSP the docs name.
    private async Task<WebApplication> SiteAsync(string slug, string attributes, string content = "<p>Acme</p>")
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var site = builder.Build();
        var html = $"<!doctype html><html><head><title>Acme</title></head><body>{content}" +
            $"<script src=\"{host.BaseAddress}/status/{slug}/embed.js\"{attributes} async></script></body></html>";
        site.MapGet("/", (Microsoft.AspNetCore.Http.HttpContext context) =>
        {
            context.Response.Headers.ContentSecurityPolicy = $"default-src 'none'; script-src {host.BaseAddress}; connect-src {host.BaseAddress}";
            return Microsoft.AspNetCore.Http.Results.Content(html, "text/html");
        });
        site.MapGet("/bare", () => Microsoft.AspNetCore.Http.Results.Content("<!doctype html><title>Acme</title><p>Acme</p>", "text/html"));
        await site.StartAsync();
        return site;
    }

    private static string Address(WebApplication site) =>
        site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
}
