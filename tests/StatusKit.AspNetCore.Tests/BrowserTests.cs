using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
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
    public async Task A_component_shown_only_while_degraded_appears_with_its_group_when_it_degrades_and_goes_when_it_recovers_without_a_reload()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        if (chromium is null)
        {
            return;
        }

        var pages = host.Factory.Service<StatusKit.Services.StatusPageService>();
        var components = host.Factory.Service<StatusKit.Services.ComponentService>();
        var statusPage = await pages.CreateAsync(new StatusKit.Services.CreateStatusPage { Name = "Quiet live", Slug = "quiet-live" });
        try
        {
            await components.CreateAsync(new StatusKit.Services.CreateComponent { PageId = statusPage.Id, Name = "API" });
            var batch = await components.CreateAsync(new StatusKit.Services.CreateComponent
            {
                PageId = statusPage.Id, Name = "Batch", GroupName = "Jobs", OnlyShowIfDegraded = true,
            });
            var page = await chromium.Browser.NewPageAsync();
            await page.GotoAsync(host.BaseAddress + "/status/quiet-live");
            await page.WaitForSelectorAsync("body[data-live='connected']", new PageWaitForSelectorOptions { Timeout = 10_000 });
            var row = $"#component-{batch.Id}";
            Assert.Null(await page.QuerySelectorAsync(row));
            Assert.Null(await page.QuerySelectorAsync(".group[aria-label='Jobs']"));

            await components.SetManualStatusAsync(batch.Id, StatusKit.Status.ComponentStatus.DegradedPerformance);

            await page.WaitForSelectorAsync($"{row}[data-component-status='degraded_performance']", new PageWaitForSelectorOptions { Timeout = 10_000 });
            Assert.Equal("(Degraded Performance)", await page.InnerTextAsync(".group[aria-label='Jobs'] h3 .status"));
            Assert.Equal("minor", await page.GetAttributeAsync("#banner", "data-indicator"));

            await components.ClearManualStatusAsync(batch.Id);

            await page.WaitForSelectorAsync(row, new PageWaitForSelectorOptions { State = WaitForSelectorState.Detached, Timeout = 10_000 });
            Assert.Null(await page.QuerySelectorAsync(".group[aria-label='Jobs']"));
            Assert.Equal("none", await page.GetAttributeAsync("#banner", "data-indicator"));
        }
        finally
        {
            await pages.DeleteAsync(statusPage.Id);
        }
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
        var incident = await PostQuietIncidentAsync("Slow card payments");
        try
        {
            await page.WaitForFunctionAsync(
                "() => document.getElementById('current-incidents').textContent.includes('Slow card payments')", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
            // The banner is a live region: an update that leaves the page's status as it was must not write it again.
            var indicator = await page.EvaluateAsync<string>("() => fetch('/status/demo/api/v2/status.json').then(r => r.json()).then(d => d.status.indicator)");
            await page.WaitForFunctionAsync($"() => document.getElementById('banner').getAttribute('data-indicator') === '{indicator}'", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
            await page.EvaluateAsync("() => { window.bannerWrites = 0; new MutationObserver(r => window.bannerWrites += r.length).observe(document.getElementById('banner'), { childList: true, subtree: true, characterData: true, attributes: true }); }");
            await incidents.AddUpdateAsync(incident.Id, StatusKit.Model.StatusIncidentState.Identified, "We identified the cause", notifySubscribers: false);
            await page.WaitForFunctionAsync(
                "() => document.getElementById('current-incidents').textContent.includes('We identified the cause')", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
            Assert.Equal(0, await page.EvaluateAsync<int>("() => window.bannerWrites"));
            Assert.Matches(@"CES?T \(UTC\+0[12]:00\)", await page.InnerTextAsync("#current-incidents"));

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

    [Fact]
    public async Task A_subscriber_changes_what_it_gets_on_the_manage_page_its_policy_lets_the_form_post()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        if (chromium is null)
        {
            return;
        }

        var pageId = await host.Factory.PageIdAsync("demo");
        var payouts = (await host.Factory.Service<StatusKit.Services.ComponentService>().ListAsync(pageId)).Single(c => c.Name == "Payouts");
        var subscribers = host.Factory.Service<StatusKit.Services.SubscriberService>();
        var subscription = await subscribers.SubscribeAsync(new StatusKit.Services.Subscribe
        {
            PageId = pageId, Channel = StatusKit.Model.SubscriberChannel.Email, Destination = "browser-manager@example.com", PreVerified = true,
        });
        var page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 360, Height = 780 } });
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                refused.Add(message.Text);
            }
        };
        await page.GotoAsync($"{host.BaseAddress}/status/demo/subscriptions/unsubscribe?token={subscription.UnsubscribeToken}");

        await page.ClickAsync("text=Change what you get instead");
        await page.UncheckAsync("input[name=notifyOn][value=degraded]");
        await page.ClickAsync(".some > summary");
        await page.CheckAsync($"input[name=components][value='{payouts.Id}']");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the manage page scrolls sideways");
        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "demo-manage-phone.png"), FullPage = true });
        await page.ClickAsync("button[type=submit]");

        await page.WaitForSelectorAsync("text=Your choice is saved.", new PageWaitForSelectorOptions { Timeout = 10_000 });
        var subscriber = (await subscribers.GetAsync(subscription.Subscriber.Id))!;
        Assert.Equal(StatusKit.Model.NotificationEvents.All & ~StatusKit.Model.NotificationEvents.Degraded, subscriber.NotifyOn);
        Assert.Equal([payouts.Id], subscriber.ComponentIds);
        Assert.True(await page.IsCheckedAsync($"input[name=components][value='{payouts.Id}']"));
        Assert.Empty(refused);
    }

    [Fact]
    public async Task A_keyboard_reaches_an_uptime_bar_in_one_tab_stop_and_its_arrow_keys_show_each_days_details()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        if (chromium is null)
        {
            return;
        }

        var page = await LiveDemoPageAsync(chromium);
        await TabToAnUptimeBarAsync(page);
        var bar = page.Locator(".uptime").First;
        var days = await bar.Locator("li").CountAsync();
        Assert.Equal(days - 1, await FocusedDayAsync(page));
        Assert.True(await TipIsShownAsync(page), "today's details are not shown on focus");

        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Keyboard.PressAsync("ArrowLeft");
        Assert.Equal(days - 3, await FocusedDayAsync(page));
        var details = await page.Locator(".uptime > li:focus .tip").InnerTextAsync();
        Assert.Matches(@"^\d{1,2} [A-Z][a-z]{2} \d{4}: (\d+(\.\d+)?% uptime, worst status [A-Za-z ]+(\. .+)?|no data)$", details);
        Assert.True(await TipIsShownAsync(page), "the day's details are not shown on focus");
        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);
        await page.Locator(".component").First.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(screenshots, "demo-uptime-day-focused.png") });
        Assert.Equal(details, await AccessibleNameOfFocusAsync(page));
        Assert.StartsWith(await page.Locator(".component .name").First.InnerTextAsync() + ": ", await bar.GetAttributeAsync("aria-label"), StringComparison.Ordinal);

        await page.Keyboard.PressAsync("Home");
        Assert.Equal(0, await FocusedDayAsync(page));
        await page.Keyboard.PressAsync("ArrowLeft");
        Assert.Equal(0, await FocusedDayAsync(page));
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.PressAsync("ArrowLeft");

        // Tab leaves the bar (for the next one) and Shift+Tab comes back to the day focused last.
        await page.Keyboard.PressAsync("Tab");
        Assert.False(await page.EvaluateAsync<bool>("() => document.querySelector('.uptime').contains(document.activeElement)"), "Tab stayed in the bar");
        await page.Keyboard.PressAsync("Shift+Tab");
        Assert.Equal(days - 2, await FocusedDayAsync(page));
    }

    [Fact]
    public async Task Escape_hides_an_uptime_days_details_shown_by_focus_or_pointer_until_it_leaves_that_day()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        if (chromium is null)
        {
            return;
        }

        var page = await LiveDemoPageAsync(chromium);
        await TabToAnUptimeBarAsync(page);
        var today = await FocusedDayAsync(page);

        // The details cover what is below the bar (WCAG 1.4.13): Escape hides them, the focus staying where it was.
        await page.Keyboard.PressAsync("Escape");
        Assert.False(await TipIsShownAsync(page), "Escape left the focused day's details shown");
        Assert.Equal(today, await FocusedDayAsync(page));
        await page.Keyboard.PressAsync("ArrowLeft");
        Assert.True(await TipIsShownAsync(page), "the next day's details are not shown");
        await page.Keyboard.PressAsync("ArrowRight");
        Assert.True(await TipIsShownAsync(page), "the day's details are not shown when the focus comes back to it");

        var hovered = page.Locator(".uptime").Nth(1).Locator("li").Nth(10);
        await hovered.HoverAsync();
        Assert.True(await ShownAsync(hovered), "hovering a day does not show its details");
        await page.Keyboard.PressAsync("Escape");
        Assert.False(await ShownAsync(hovered), "Escape left the hovered day's details shown");
        await page.Locator("header h1").HoverAsync();
        await hovered.HoverAsync();
        Assert.True(await ShownAsync(hovered), "the day's details are not shown when the pointer comes back to it");

        static async Task<bool> ShownAsync(ILocator day) => await day.Locator(".tip").BoundingBoxAsync() is { Width: > 100, Height: > 10 };
    }

    [Fact]
    public async Task A_pointer_moves_from_an_uptime_day_onto_its_incident_link_and_follows_it_while_tab_leaves_the_bar()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        if (chromium is null)
        {
            return;
        }

        var (statusPage, incidents) = await AddDayLinksPageAsync("browser-day-links", "Slow ledger writes");
        var incident = incidents[0];
        try
        {
            var page = await chromium.Browser.NewPageAsync();
            await page.GotoAsync(host.BaseAddress + "/status/browser-day-links");

            // Tab reaches today and the next Tab leaves the bar: the incident links add no tab stop.
            await TabToAnUptimeBarAsync(page);
            await page.Keyboard.PressAsync("Tab");
            Assert.False(await page.EvaluateAsync<bool>("() => document.querySelector('.uptime').contains(document.activeElement)"), "an incident link is a tab stop");

            // The pointer goes from yesterday's day straight down onto the link in its details, which stay shown.
            var days = page.Locator(".uptime > li");
            var yesterday = days.Nth(await days.CountAsync() - 2);
            await yesterday.HoverAsync();
            var link = yesterday.Locator(".tip a");
            var day = (await yesterday.BoundingBoxAsync())!;
            var target = (await link.BoundingBoxAsync())!;
            await page.Mouse.MoveAsync(day.X + (day.Width / 2), target.Y + (target.Height / 2), new MouseMoveOptions { Steps = 10 });
            await page.Mouse.MoveAsync(target.X + (target.Width / 2), target.Y + (target.Height / 2), new MouseMoveOptions { Steps = 10 });
            await page.Mouse.DownAsync();
            await page.Mouse.UpAsync();

            // Polled, not awaited as a navigation event: on a loaded machine Playwright's WaitForURL, begun after the
            // click, could miss a navigation that committed meanwhile and wait for another until its time ran out.
            await Assertions.Expect(page).ToHaveURLAsync(
                $"{host.BaseAddress}/status/browser-day-links/incidents/{incident.Id}", new PageAssertionsToHaveURLOptions { Timeout = 10_000 });
            await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Slow ledger writes - "), new PageAssertionsToHaveTitleOptions { Timeout = 10_000 });
        }
        finally
        {
            await host.Factory.Service<StatusKit.Services.StatusPageService>().DeleteAsync(statusPage.Id);
        }
    }

    [Fact]
    public async Task A_keyboard_goes_from_an_uptime_day_into_its_incident_links_and_back_while_the_bar_stays_one_tab_stop()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        if (chromium is null)
        {
            return;
        }

        var (statusPage, _) = await AddDayLinksPageAsync("browser-day-keys", "Slow ledger writes", "Ledger restarts");
        try
        {
            var page = await chromium.Browser.NewPageAsync();
            await page.GotoAsync(host.BaseAddress + "/status/browser-day-keys");
            await TabToAnUptimeBarAsync(page);
            var days = await page.Locator(".uptime > li").CountAsync();

            // Today (no incidents) and yesterday each say which keys they take, to the eye and to a screen reader.
            Assert.Contains("other days", await HintOfFocusAsync(page), StringComparison.Ordinal);
            Assert.DoesNotContain("Enter", await HintOfFocusAsync(page), StringComparison.Ordinal);
            await page.Keyboard.PressAsync("ArrowLeft");
            Assert.Equal(days - 2, await FocusedDayAsync(page));
            Assert.Contains("Enter: this day\u2019s incidents", await HintOfFocusAsync(page), StringComparison.Ordinal);
            var (name, description) = await AccessibilityOfFocusAsync(page);
            Assert.Equal(await page.Locator(".uptime > li:focus .tip").InnerTextAsync(), name);
            Assert.Equal("Left and right arrows, Home and End: other days. Enter: this day's incidents.", description);

            // Enter goes to the day's first incident, Tab and the arrows between its incidents, with the details shown.
            await page.Keyboard.PressAsync("Enter");
            Assert.Equal("Slow ledger writes", await FocusedLinkAsync(page));
            Assert.True(await page.Locator(".uptime > li:focus-within .tip").BoundingBoxAsync() is { Width: > 100, Height: > 10 }, "the day's details closed");
            Assert.Contains("Esc: back to the day", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement.closest('.tip'), '::after').content"), StringComparison.Ordinal);
            Assert.Equal("Escape: back to the day.", (await AccessibilityOfFocusAsync(page)).Description);
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal("Ledger restarts", await FocusedLinkAsync(page));
            await page.Keyboard.PressAsync("ArrowLeft");
            Assert.Equal("Slow ledger writes", await FocusedLinkAsync(page));
            await page.Keyboard.PressAsync("ArrowRight");
            Assert.Equal("Ledger restarts", await FocusedLinkAsync(page));

            // Escape (or Shift+Tab from the first incident) comes back to the day; ArrowDown goes in again.
            await page.Keyboard.PressAsync("Escape");
            Assert.Equal(days - 2, await FocusedDayAsync(page));
            await page.Keyboard.PressAsync("ArrowDown");
            Assert.Equal("Slow ledger writes", await FocusedLinkAsync(page));
            await page.Keyboard.PressAsync("Shift+Tab");
            Assert.Equal(days - 2, await FocusedDayAsync(page));

            // Tab from the last incident leaves the bar, and Shift+Tab comes back to the bar's one stop: that day.
            await page.Keyboard.PressAsync("ArrowDown");
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.PressAsync("Tab");
            Assert.False(await page.EvaluateAsync<bool>("() => document.querySelector('.uptime').contains(document.activeElement)"), "Tab stayed in the bar");
            await page.Keyboard.PressAsync("Shift+Tab");
            Assert.Equal(days - 2, await FocusedDayAsync(page));

            // Enter on an incident follows it.
            await page.Keyboard.PressAsync("Enter");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Slow ledger writes - "), new PageAssertionsToHaveTitleOptions { Timeout = 10_000 });
        }
        finally
        {
            await host.Factory.Service<StatusKit.Services.StatusPageService>().DeleteAsync(statusPage.Id);
        }
    }

    [Fact]
    public async Task Without_script_a_keyboard_still_reaches_todays_uptime_and_sees_its_details()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        if (chromium is null)
        {
            return;
        }

        var page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions { JavaScriptEnabled = false });
        await page.GotoAsync(host.BaseAddress + "/status/demo");
        await TabToAnUptimeBarAsync(page);

        Assert.Equal(await page.Locator(".uptime").First.Locator("li").CountAsync() - 1, await FocusedDayAsync(page));
        Assert.True(await TipIsShownAsync(page), "today's details are not shown on focus");
        Assert.Equal("none", await HintOfFocusAsync(page));
    }

    [Fact]
    public async Task Times_name_the_pages_zone_as_the_browser_abbreviates_it_for_each_instant_beside_the_utc_offset()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        if (chromium is null)
        {
            return;
        }

        // A New York page's incident, opened in January (standard time) and resolved in July (daylight saving time).
        var store = host.Factory.Service<StatusKit.Abstractions.IStatusStore>();
        var opened = new DateTimeOffset(2026, 1, 15, 14, 0, 0, TimeSpan.Zero);
        var resolved = new DateTimeOffset(2026, 7, 15, 14, 0, 0, TimeSpan.Zero);
        var nyPage = new StatusKit.Model.StatusPage
        {
            Id = Guid.CreateVersion7(), Name = "New York", Slug = "browser-new-york", TimeZoneId = "America/New_York", CreatedAt = opened, UpdatedAt = opened,
        };
        var incident = new StatusKit.Model.StatusIncident
        {
            Id = Guid.CreateVersion7(), PageId = nyPage.Id, Title = "Slow sign-in", Message = "Looking into it", State = StatusKit.Model.StatusIncidentState.Resolved,
            Updates =
            [
                new(Guid.CreateVersion7(), opened, StatusKit.Model.StatusIncidentState.Investigating, "Looking into it"),
                new(Guid.CreateVersion7(), resolved, StatusKit.Model.StatusIncidentState.Resolved, "Fixed"),
            ],
            CreatedAt = opened, UpdatedAt = resolved, ResolvedAt = resolved,
        };
        await store.AddPageAsync(nyPage, CancellationToken.None);
        try
        {
            await store.AddStatusIncidentAsync(incident, [], CancellationToken.None);
            var page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions { Locale = "en-US" });
            await page.GotoAsync($"{host.BaseAddress}/status/browser-new-york/incidents/{incident.Id}");

            var times = await page.Locator("ol.timeline time").AllInnerTextsAsync();
            Assert.Equal(["15 Jul 2026, 10:00 EDT (UTC-04:00)", "15 Jan 2026, 09:00 EST (UTC-05:00)"], times);
        }
        finally
        {
            await host.Factory.Service<StatusKit.Services.StatusPageService>().DeleteAsync(nyPage.Id);
        }

        // Berlin's abbreviations are not American English ones: an English fallback names them.
        var demo = await LiveDemoPageAsync(chromium);
        var demoTimes = (await demo.Locator("main time").AllInnerTextsAsync()).Where(t => t.Contains("UTC", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(demoTimes);
        Assert.All(
            demoTimes,
            t => Assert.True(t.EndsWith("CET (UTC+01:00)", StringComparison.Ordinal) || t.EndsWith("CEST (UTC+02:00)", StringComparison.Ordinal), t));
    }

    [Fact]
    public async Task A_burst_of_content_events_during_a_refetch_causes_one_more_refetch_not_one_each()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        if (chromium is null)
        {
            return;
        }

        // The page's script runs under its CSP; the test's counters come in through the browser, not the page.
        var page = await chromium.Browser.NewPageAsync();
        await page.AddInitScriptAsync("""
            (() => {
              const Source = window.EventSource, fetch = window.fetch;
              window.contentEvents = 0;
              window.fetches = 0;
              window.EventSource = function (url, options) {
                const source = new Source(url, options);
                source.addEventListener('content', () => window.contentEvents++);
                return source;
              };
              window.fetch = function () { window.fetches++; return fetch.apply(this, arguments); };
            })();
            """);

        const int Burst = 5;
        await ServeContentEventsAsync(page, Burst);

        // The page's refetches: the first is held until the whole burst has reached the page; each answer is marked
        // with its number so the test sees it applied.
        var firstHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await RouteRefetchesAsync(page, async _ =>
        {
            await firstHeld.Task;
            return false;
        });

        await page.GotoAsync(host.BaseAddress + "/status/demo");
        await page.WaitForFunctionAsync($"() => window.contentEvents === {Burst}", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.fetches"));

        firstHeld.SetResult();
        await page.WaitForSelectorAsync("#past-incidents[data-refetch='2']", new PageWaitForSelectorOptions { Timeout = 10_000, State = WaitForSelectorState.Attached });

        // The second refetch's answer is applied and its promise chain has run: a third would have started by now.
        await page.EvaluateAsync("() => new Promise(resolve => setTimeout(resolve, 0))");
        Assert.Equal(2, await page.EvaluateAsync<int>("() => window.fetches"));
    }

    [Fact]
    public async Task A_refetch_that_fails_is_tried_again_so_the_page_does_not_stay_stale_until_the_next_change()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        if (chromium is null)
        {
            return;
        }

        var page = await chromium.Browser.NewPageAsync();
        await ServeContentEventsAsync(page, 1);
        await RouteRefetchesAsync(page, async route =>
        {
            await route.FulfillAsync(new RouteFulfillOptions { Status = 503, Body = "Service Unavailable" });
            return true;
        });

        await page.GotoAsync(host.BaseAddress + "/status/demo");

        await page.WaitForSelectorAsync("#past-incidents[data-refetch='2']", new PageWaitForSelectorOptions { Timeout = 10_000, State = WaitForSelectorState.Attached });
    }

    [Fact]
    public async Task A_change_made_after_the_page_was_served_but_before_its_live_updates_connected_is_shown_once_they_do()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        if (chromium is null)
        {
            return;
        }

        // The page's event stream is held back until the page, served before the change, waits for it.
        var page = await chromium.Browser.NewPageAsync();
        var streamRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var streamReleased = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/status/demo/events*", async route =>
        {
            streamRequested.TrySetResult();
            await streamReleased.Task;
            await route.ContinueAsync();
        });
        await page.GotoAsync(host.BaseAddress + "/status/demo");
        await streamRequested.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var checkout = $"#component-{(await host.Factory.Service<StatusKit.Services.ComponentService>().ListAsync(await host.Factory.PageIdAsync("demo"))).Single(c => c.Name == "Checkout").Id}";
        Assert.Equal("All Systems Operational", await page.InnerTextAsync("#banner-text"));

        var incidents = host.Factory.Service<StatusKit.Services.StatusIncidentService>();
        await SignalAsync("browser-late", "triggered", 1);
        var incident = await PostQuietIncidentAsync("Posted before the stream connected");
        try
        {
            await host.Factory.SettleAsync();
            streamReleased.SetResult();

            await page.WaitForFunctionAsync("() => document.getElementById('banner-text').textContent === 'Major Service Outage'", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
            await page.WaitForFunctionAsync($"() => document.querySelector(\"{checkout} [data-status]\").textContent === 'Major Outage'", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
            Assert.Equal("critical", await page.GetAttributeAsync("#banner", "data-indicator"));
            Assert.Equal("major_outage", await page.GetAttributeAsync(checkout, "data-component-status"));
            await page.WaitForFunctionAsync(
                "() => document.getElementById('current-incidents').textContent.includes('Posted before the stream connected')", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
        }
        finally
        {
            streamReleased.TrySetResult();
            await incidents.DeleteAsync(incident.Id);
            await SignalAsync("browser-late", "resolved", 2);
            await host.Factory.SettleAsync();
        }

        await page.WaitForFunctionAsync("() => document.getElementById('banner-text').textContent === 'All Systems Operational'", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
    }

    [Fact]
    public async Task A_refetch_that_hangs_is_given_up_and_tried_again_so_later_changes_still_show()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        if (chromium is null)
        {
            return;
        }

        // The page's clock is the test's: the refetch's time limit passes without waiting for it.
        var page = await chromium.Browser.NewPageAsync();
        await page.Clock.InstallAsync();
        await ServeContentEventsAsync(page, 1);
        var firstRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var neverAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await RouteRefetchesAsync(page, async _ =>
        {
            // The server never answers the first refetch.
            firstRequested.TrySetResult();
            await neverAnswered.Task;
            return true;
        });

        try
        {
            await page.GotoAsync(host.BaseAddress + "/status/demo");
            await firstRequested.Task.WaitAsync(TimeSpan.FromSeconds(10));

            // A minute on the page's clock, a second at a time: the hung refetch is abandoned, and tried again after the
            // backoff.
            for (var second = 0; second < 60 && await page.Locator("#past-incidents[data-refetch='2']").CountAsync() == 0; second++)
            {
                await page.Clock.RunForAsync(1_000);
            }

            Assert.Equal(1, await page.Locator("#past-incidents[data-refetch='2']").CountAsync());
        }
        finally
        {
            neverAnswered.TrySetResult();
        }
    }

    [Fact]
    public async Task A_link_that_has_the_keyboard_focus_keeps_it_when_its_section_is_refreshed()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        if (chromium is null)
        {
            return;
        }

        var page = await LiveDemoPageAsync(chromium);
        await page.FocusAsync("#past-incidents a[href$='/history']");

        var incidents = host.Factory.Service<StatusKit.Services.StatusIncidentService>();
        var incident = await PostQuietIncidentAsync("Posted while a reader tabs through the page");
        try
        {
            await page.WaitForFunctionAsync(
                "() => document.getElementById('current-incidents').textContent.includes('Posted while a reader tabs through the page')", null, new PageWaitForFunctionOptions { Timeout = 10_000 });

            Assert.True(
                await page.EvaluateAsync<bool>("() => document.activeElement.matches(\"#past-incidents a[href$='/history']\") && document.activeElement.isConnected"),
                "the refreshed section lost the keyboard focus");
        }
        finally
        {
            await incidents.DeleteAsync(incident.Id);
        }
    }

    [Fact]
    public async Task A_component_added_renamed_and_removed_shows_on_the_open_page_without_a_reload_and_a_focused_day_keeps_the_focus()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        if (chromium is null)
        {
            return;
        }

        var page = await LiveDemoPageAsync(chromium);
        await TabToAnUptimeBarAsync(page);
        await page.Keyboard.PressAsync("ArrowLeft");
        var focusedRow = await page.EvaluateAsync<string>("() => document.activeElement.closest('li.component').id");
        var focusedDay = await FocusedDayAsync(page);
        await page.EvaluateAsync("() => { window.notReloaded = true; }");

        var components = host.Factory.Service<StatusKit.Services.ComponentService>();
        var added = await components.CreateAsync(new StatusKit.Services.CreateComponent
        {
            PageId = await host.Factory.PageIdAsync("demo"), Name = "Browser-made", Description = "Added while the page was open",
        });
        var row = $"#component-{added.Id}";
        try
        {
            // It appears where the page lists it, with its status and its uptime bar.
            await page.WaitForSelectorAsync($"{row} .uptime", new PageWaitForSelectorOptions { Timeout = 10_000, State = WaitForSelectorState.Attached });
            Assert.Equal("Browser-made", await page.InnerTextAsync($"{row} .name"));
            Assert.Equal("Added while the page was open", await page.InnerTextAsync($"{row} .desc"));
            Assert.Equal("Operational", await page.InnerTextAsync($"{row} [data-status]"));
            Assert.Equal(
                (await components.ListAsync(added.PageId)).Select(c => "component-" + c.Id),
                await page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('li.component')).map(c => c.id)"));

            // The day that had the keyboard focus has it in the new list, still the bar's one tab stop.
            Assert.True(await page.EvaluateAsync<bool>("() => document.getElementById('components').contains(document.activeElement)"), "the focus left the components");
            Assert.Equal(focusedRow, await page.EvaluateAsync<string>("() => document.activeElement.closest('li.component').id"));
            Assert.Equal(focusedDay, await FocusedDayAsync(page));
            Assert.Equal(0, await page.EvaluateAsync<int>("() => document.activeElement.tabIndex"));

            await components.UpdateAsync(added.Id, new StatusKit.Services.UpdateComponent { Name = "Browser-renamed" });
            await page.WaitForFunctionAsync($"() => document.querySelector('{row} .name').textContent === 'Browser-renamed'", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
        }
        finally
        {
            await components.DeleteAsync(added.Id);
        }

        await page.WaitForSelectorAsync(row, new PageWaitForSelectorOptions { Timeout = 10_000, State = WaitForSelectorState.Detached });
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page reloaded");
    }

    [Fact]
    public async Task A_component_added_while_a_reader_fills_in_the_subscribe_form_joins_its_list_and_what_the_reader_did_stays()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        if (chromium is null)
        {
            return;
        }

        var components = host.Factory.Service<StatusKit.Services.ComponentService>();
        var payouts = (await components.ListAsync(await host.Factory.PageIdAsync("demo"))).Single(c => c.Name == "Payouts");
        var page = await LiveDemoPageAsync(chromium);
        await page.ClickAsync("#subscribe > summary");
        await page.FillAsync("#subscribe-destination", "half-typed@exam");
        await page.ClickAsync("#subscribe .some > summary");
        await page.CheckAsync($"#subscribe input[name=components][value='{payouts.Id}']");
        await page.EvaluateAsync("() => { window.notReloaded = true; }");

        var added = await components.CreateAsync(new StatusKit.Services.CreateComponent { PageId = payouts.PageId, Name = "Browser-subscribable" });
        try
        {
            // The new component is offered in the open form, in the page's order.
            await page.WaitForSelectorAsync($"#subscribe input[name=components][value='{added.Id}']", new PageWaitForSelectorOptions { Timeout = 10_000, State = WaitForSelectorState.Attached });
            Assert.Equal(
                (await components.ListAsync(added.PageId)).Select(c => c.Id.ToString()),
                await page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('#subscribe input[name=components]')).map(c => c.value)"));

            // What the reader typed, ticked and opened is as they left it, and the box they ticked still has the focus.
            Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page reloaded");
            Assert.Equal("half-typed@exam", await page.InputValueAsync("#subscribe-destination"));
            Assert.True(await page.EvaluateAsync<bool>("() => document.getElementById('subscribe').open"), "the open subscribe form closed");
            Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('#subscribe .some').open"), "the open component list closed");
            Assert.True(await page.IsCheckedAsync($"#subscribe input[name=components][value='{payouts.Id}']"), "the ticked component was unticked");
            Assert.False(await page.IsCheckedAsync($"#subscribe input[name=components][value='{added.Id}']"), "the new component came ticked");
            Assert.Equal(payouts.Id.ToString(), await page.EvaluateAsync<string>("() => document.activeElement.value"));
        }
        finally
        {
            await components.DeleteAsync(added.Id);
        }

        await page.WaitForSelectorAsync($"#subscribe input[name=components][value='{added.Id}']", new PageWaitForSelectorOptions { Timeout = 10_000, State = WaitForSelectorState.Detached });
        Assert.True(await page.IsCheckedAsync($"#subscribe input[name=components][value='{payouts.Id}']"), "the ticked component was unticked");
    }

    [Fact]
    public async Task A_focused_uptime_day_keeps_the_focus_on_its_date_when_the_refetched_bars_have_moved_on_a_day()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        if (chromium is null)
        {
            return;
        }

        // One content event; its refetch is held until a day has the focus, then answered with the components listed
        // anew and every bar a day later, as when the page's midnight passed between the two renders.
        var page = await chromium.Browser.NewPageAsync();
        await ServeContentEventsAsync(page, 1);
        var focused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await RouteRefetchesAsync(page, async route =>
        {
            await focused.Task;
            var response = await route.FetchAsync();
            var body = Regex.Replace(await response.TextAsync(), "data-layout=\"[^\"]*\"", "data-layout=\"moved-on\"");
            body = Regex.Replace(body, "data-day=\"(?<day>[0-9-]+)\"", m =>
                $"data-day=\"{DateOnly.ParseExact(m.Groups["day"].Value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddDays(1):yyyy-MM-dd}\"");
            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = body });
            return true;
        });

        await page.GotoAsync(host.BaseAddress + "/status/demo");
        await TabToAnUptimeBarAsync(page);
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Keyboard.PressAsync("ArrowLeft");
        var row = await page.EvaluateAsync<string>("() => document.activeElement.closest('li.component').id");
        var date = await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('data-day')");
        var index = await FocusedDayAsync(page);
        focused.SetResult();

        await page.WaitForSelectorAsync("#components[data-layout='moved-on']", new PageWaitForSelectorOptions { Timeout = 10_000, State = WaitForSelectorState.Attached });
        Assert.Equal(row, await page.EvaluateAsync<string>("() => document.activeElement.closest('li.component').id"));
        Assert.Equal(date, await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('data-day')"));
        Assert.Equal(index - 1, await FocusedDayAsync(page));
    }

    [Fact]
    public async Task A_status_that_moved_during_a_refetch_keeps_the_components_section_until_the_next_refetch_lists_them()
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        if (chromium is null)
        {
            return;
        }

        // The stream says the content changed, then (while the refetch runs) that Checkout went down.
        var checkout = (await host.Factory.Service<StatusKit.Services.ComponentService>().ListAsync(await host.Factory.PageIdAsync("demo"))).Single(c => c.Name == "Checkout");
        var page = await chromium.Browser.NewPageAsync();
        await page.RouteAsync("**/status/demo/events*", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200,
            ContentType = "text/event-stream",
            Body = "retry: 600000\n\nid: moved-1\nevent: content\ndata: {}\n\n"
                + $"id: moved-2\nevent: status\ndata: {{\"component_id\":\"{checkout.Id}\",\"status\":\"major_outage\",\"status_text\":\"Major Outage\"}}\n\n",
        }));

        // The first refetch's answer lists Checkout renamed; the second is held until the test has looked.
        var secondRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondReleased = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var refetches = 0;
        await page.RouteAsync("**/status/demo", async route =>
        {
            if (route.Request.ResourceType == "document")
            {
                await route.ContinueAsync();
                return;
            }

            var number = Interlocked.Increment(ref refetches);
            if (number == 2)
            {
                secondRequested.TrySetResult();
                await secondReleased.Task;
            }

            var response = await route.FetchAsync();
            var body = (await response.TextAsync()).Replace("<div id=\"past-incidents\">", $"<div id=\"past-incidents\" data-refetch=\"{number}\">", StringComparison.Ordinal);
            if (number == 1)
            {
                body = Regex.Replace(body, "data-layout=\"[^\"]*\"", "data-layout=\"renamed\"")
                    .Replace("<span class=\"name\">Checkout</span>", "<span class=\"name\">Checkout renamed</span>", StringComparison.Ordinal);
            }

            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = body });
        });

        try
        {
            await page.GotoAsync(host.BaseAddress + "/status/demo");
            await page.WaitForSelectorAsync("#past-incidents[data-refetch='1']", new PageWaitForSelectorOptions { Timeout = 10_000, State = WaitForSelectorState.Attached });
            await secondRequested.Task.WaitAsync(TimeSpan.FromSeconds(10));

            // The fetched list, older than the status event, replaced nothing: the event's status stands.
            Assert.Equal("Checkout", await page.InnerTextAsync($"#component-{checkout.Id} .name"));
            Assert.Equal("Major Outage", await page.InnerTextAsync($"#component-{checkout.Id} [data-status]"));

            // The next refetch, begun after the event, is the page's word on both.
            secondReleased.SetResult();
            await page.WaitForSelectorAsync("#past-incidents[data-refetch='2']", new PageWaitForSelectorOptions { Timeout = 10_000, State = WaitForSelectorState.Attached });
            await page.WaitForFunctionAsync($"() => document.querySelector('#component-{checkout.Id} [data-status]').textContent === 'Operational'", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
            Assert.Equal("Checkout", await page.InnerTextAsync($"#component-{checkout.Id} .name"));
        }
        finally
        {
            secondReleased.TrySetResult();
        }
    }

    [Theory]
    [InlineData(2, "3")]
    [InlineData(int.MaxValue, "5")]
    public async Task A_refetch_answered_with_another_version_than_the_event_named_is_asked_again_and_taken_only_when_it_matches_or_after_four_tries(
        int lagging, string applied)
    {
        await using var chromium = await HeadlessChromium.LaunchAsync();
        if (chromium is null)
        {
            return;
        }

        // The stream says the content changed, naming the demo page's version; the first answers come from an instance
        // behind a load balancer that still serves an older one.
        var version = (await host.Factory.Service<StatusKit.Engine.IStatusPageReader>().GetSnapshotBySlugAsync("demo", CancellationToken.None))!.Version;
        var page = await chromium.Browser.NewPageAsync();
        await ServeContentEventsAsync(page, 1, $"{{\"at\":\"2026-01-01T00:00:00Z\",\"version\":\"{version}\"}}");
        await RouteRefetchesAsync(page, rewrite: (number, body) =>
            number <= lagging ? body.Replace($"data-version=\"{version}\"", "data-version=\"older\"", StringComparison.Ordinal) : body);
        await page.AddInitScriptAsync("""
            window.applied = [];
            document.addEventListener('DOMContentLoaded', function () {
              new MutationObserver(function (changes) {
                changes.forEach(function (c) { c.addedNodes.forEach(function (n) { if (n.id === 'past-incidents') { window.applied.push(n.getAttribute('data-refetch')); } }); });
              }).observe(document.body, { childList: true, subtree: true });
            });
            """);

        await page.GotoAsync(host.BaseAddress + "/status/demo");

        await page.WaitForSelectorAsync($"#past-incidents[data-refetch='{applied}']", new PageWaitForSelectorOptions { Timeout = 20_000, State = WaitForSelectorState.Attached });
        Assert.Equal([applied], await page.EvaluateAsync<string[]>("() => window.applied"));
    }

    // A UTC page (slug) whose one component, Ledger, existed a week ago, and resolved incidents (titles) that affected it
    // at noon yesterday, an hour each; the test deletes the page when done.
    private async Task<(StatusKit.Model.StatusPage Page, List<StatusKit.Model.StatusIncident> Incidents)> AddDayLinksPageAsync(string slug, params string[] titles)
    {
        var store = host.Factory.Service<StatusKit.Abstractions.IStatusStore>();
        var now = host.Factory.Service<TimeProvider>().GetUtcNow();
        var yesterdayNoon = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddHours(-12);
        var statusPage = new StatusKit.Model.StatusPage
        {
            Id = Guid.CreateVersion7(), Name = "Day links", Slug = slug, CreatedAt = now.AddDays(-7), UpdatedAt = now.AddDays(-7),
        };
        var component = new StatusKit.Model.Component
        {
            Id = Guid.CreateVersion7(), PageId = statusPage.Id, Name = "Ledger",
            StatusUpdatedAt = now.AddDays(-7), CreatedAt = now.AddDays(-7), UpdatedAt = now.AddDays(-7),
        };
        await store.AddPageAsync(statusPage, CancellationToken.None);
        await store.AddComponentAsync(component, CancellationToken.None);
        var incidents = new List<StatusKit.Model.StatusIncident>();
        foreach (var title in titles)
        {
            var incident = new StatusKit.Model.StatusIncident
            {
                Id = Guid.CreateVersion7(), PageId = statusPage.Id, Title = title, Message = "Looking into it",
                State = StatusKit.Model.StatusIncidentState.Resolved, ComponentIds = [component.Id],
                Updates =
                [
                    new(Guid.CreateVersion7(), yesterdayNoon, StatusKit.Model.StatusIncidentState.Investigating, "Looking into it"),
                    new(Guid.CreateVersion7(), yesterdayNoon.AddHours(1), StatusKit.Model.StatusIncidentState.Resolved, "Fixed"),
                ],
                CreatedAt = yesterdayNoon, UpdatedAt = yesterdayNoon.AddHours(1), ResolvedAt = yesterdayNoon.AddHours(1),
            };
            await store.AddStatusIncidentAsync(incident, [], CancellationToken.None);
            incidents.Add(incident);
        }

        return (statusPage, incidents);
    }

    // A Minor incident on the demo page that affects no component and notifies nobody; the test deletes it when done.
    private async Task<StatusKit.Model.StatusIncident> PostQuietIncidentAsync(string title) =>
        await host.Factory.Service<StatusKit.Services.StatusIncidentService>().CreateAsync(new StatusKit.Services.CreateStatusIncident
        {
            PageId = await host.Factory.PageIdAsync("demo"),
            Title = title,
            Message = "Looking into it",
            Severity = StatusKit.Model.StatusIncidentSeverity.Minor,
            ComponentIds = [],
            NotifySubscribers = false,
        });

    // Routes the page's refetches (not its first load): the first goes to first, which may answer it itself (true) or
    // hold it and let the server answer (false); the server's answers mark #past-incidents with the refetch's number
    // (data-refetch), so a test sees which answer the page applied.
    private static Task RouteRefetchesAsync(IPage page, Func<IRoute, Task<bool>>? first = null, Func<int, string, string>? rewrite = null)
    {
        var refetches = 0;
        return page.RouteAsync("**/status/demo", async route =>
        {
            if (route.Request.ResourceType == "document")
            {
                await route.ContinueAsync();
                return;
            }

            var number = Interlocked.Increment(ref refetches);
            if (number == 1 && first is not null && await first(route))
            {
                return;
            }

            var response = await route.FetchAsync();
            var body = (await response.TextAsync()).Replace("<div id=\"past-incidents\">", $"<div id=\"past-incidents\" data-refetch=\"{number}\">", StringComparison.Ordinal);
            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = rewrite is null ? body : rewrite(number, body) });
        });
    }

    // The page's event stream answered by the browser: count content events in one chunk, then an end that asks for no
    // reconnection for ten minutes, so nothing but those events reaches the page.
    private static Task ServeContentEventsAsync(IPage page, int count, string data = "{}") =>
        page.RouteAsync("**/status/demo/events*", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200,
            ContentType = "text/event-stream",
            Body = "retry: 600000\n\n" + string.Concat(Enumerable.Range(1, count).Select(i => $"id: burst-{i}\nevent: content\ndata: {data}\n\n")),
        }));

    // Tabs from the top of the page until a day of an uptime bar has the focus (the first bar's tab stop).
    private static async Task TabToAnUptimeBarAsync(IPage page)
    {
        for (var i = 0; i < 40; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.Locator(".uptime > li:focus").CountAsync() == 1)
            {
                return;
            }
        }

        Assert.Fail("40 tabs never reached an uptime bar");
    }

    // The index of the focused day in its bar.
    private static Task<int> FocusedDayAsync(IPage page) =>
        page.EvaluateAsync<int>("() => Array.prototype.indexOf.call(document.activeElement.parentNode.children, document.activeElement)");

    // Whether the focused day's details are laid out as readable text (not the visually hidden pixel they are otherwise).
    private static async Task<bool> TipIsShownAsync(IPage page)
    {
        var box = await page.Locator(".uptime > li:focus .tip").BoundingBoxAsync();
        return box is { Width: > 100, Height: > 10 };
    }

    // The accessible name chromium gives the focused element, as a screen reader hears it.
    private static async Task<string?> AccessibleNameOfFocusAsync(IPage page) => (await AccessibilityOfFocusAsync(page)).Name;

    // The accessible name and description chromium gives the focused element, as a screen reader hears them.
    private static async Task<(string? Name, string? Description)> AccessibilityOfFocusAsync(IPage page)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        var focused = await cdp.SendAsync("Runtime.evaluate", new Dictionary<string, object> { ["expression"] = "document.activeElement" });
        var objectId = focused!.Value.GetProperty("result").GetProperty("objectId").GetString()!;
        var tree = await cdp.SendAsync("Accessibility.getPartialAXTree", new Dictionary<string, object> { ["objectId"] = objectId, ["fetchRelatives"] = false });
        var node = tree!.Value.GetProperty("nodes")[0];
        return (
            node.GetProperty("name").GetProperty("value").GetString(),
            node.TryGetProperty("description", out var description) ? description.GetProperty("value").GetString() : null);
    }

    // The key hint shown under the focused day's details ("none" when there is none), as the stylesheet writes it.
    private static Task<string> HintOfFocusAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement.querySelector('.tip'), '::after').content");

    // The text of the focused incident link in an uptime day's details (null when the focus is elsewhere).
    private static Task<string?> FocusedLinkAsync(IPage page) =>
        page.EvaluateAsync<string?>("() => document.activeElement.matches('.uptime .tip a') ? document.activeElement.textContent : null");

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
