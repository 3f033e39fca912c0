using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Services;
using StatusKit.Status;

namespace StatusKit.AspNetCore.Tests;

[Collection(SampleHostCollection.Name)]
public sealed partial class PublicRoutesTests(SampleHostFactory factory)
{
    [Theory]
    [InlineData("/status/demo")]
    [InlineData("/status/demo/api/v2/summary.json")]
    [InlineData("/status/demo/api/v2/status.json")]
    [InlineData("/status/demo/badge.svg")]
    [InlineData("/status/demo/badge.svg?show=uptime&days=30")]
    [InlineData("/status/demo/history.atom")]
    [InlineData("/status/demo/history.rss")]
    [InlineData("/status/demo/maintenance.ics")]
    [InlineData("/status/demo/embed.js")]
    public async Task Head_is_answered_like_get(string path)
    {
        using var client = factory.CreatePublicClient();
        using var get = await client.GetAsync(path);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        // Not the ETag's value: today's uptime, on the HTML page, moves between two requests.
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.NotNull(head.Headers.ETag);
        Assert.Equal(get.Headers.CacheControl, head.Headers.CacheControl);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
    }

    [Fact]
    public async Task Head_of_an_unknown_page_is_404()
    {
        using var client = factory.CreatePublicClient();
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/status/no-such-page"));
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
    }

    [Fact]
    public async Task Html_page_is_server_rendered_with_landmarks_banner_groups_uptime_bars_and_history()
    {
        using var client = factory.CreatePublicClient();
        using var response = await client.GetAsync("/status/demo");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("name=\"viewport\"", html, StringComparison.Ordinal);
        Assert.Contains("<header>", html, StringComparison.Ordinal);
        Assert.Contains("<main id=\"main\">", html, StringComparison.Ordinal);
        Assert.Contains("<footer>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"banner\"", html, StringComparison.Ordinal);
        Assert.Contains("All Systems Operational", html, StringComparison.Ordinal);
        Assert.Contains("<h3>Payments <span", html, StringComparison.Ordinal);
        Assert.Equal(8 * 90, CountOf(html, "uptime, worst status") + CountOf(html, ": no data</span>"));
        Assert.Contains("Elevated webhook delivery latency", html, StringComparison.Ordinal);
        Assert.Contains("Weekly database maintenance", html, StringComparison.Ordinal);
        Assert.Contains("UTC&#x2B;01:00", html, StringComparison.Ordinal);
        Assert.Contains("new EventSource(url)", html, StringComparison.Ordinal);
        Assert.Contains("data-events=\"/status/demo/events\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_page_lets_feed_readers_find_its_Atom_and_RSS_history()
    {
        using var client = factory.CreatePublicClient();

        var html = await client.GetStringAsync("/status/demo");

        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Incident and maintenance history\" href=\"/status/demo/history.atom\">", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Incident and maintenance history\" href=\"/status/demo/history.rss\">", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/status/demo/history.atom\">Atom</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/status/demo/history.rss\">RSS</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Maintenance_shortlink_points_to_the_windows_own_page_which_tells_its_repetition_by_its_next_occurrences()
    {
        using var client = factory.CreatePublicClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/status/demo/api/v2/scheduled-maintenances/upcoming.json"));
        var maintenance = json.RootElement.GetProperty("scheduled_maintenances").EnumerateArray()
            .First(m => m.GetProperty("name").GetString() == "Weekly database maintenance");
        var shortlink = maintenance.GetProperty("shortlink").GetString()!;

        using var response = await client.GetAsync(new Uri(shortlink).PathAndQuery);

        Assert.EndsWith($"/status/demo/maintenance/{maintenance.GetProperty("id").GetString()}", shortlink, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h2>Weekly database maintenance</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h3>Next occurrences</h3>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("FREQ=WEEKLY", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Occurrences_of_a_recurring_window_have_unique_ids_and_the_first_is_its_anchor()
    {
        var pages = factory.Service<StatusPageService>();
        var page = await pages.CreateAsync(new CreateStatusPage { Name = "Anchors", Slug = "anchors" });
        try
        {
            var maintenance = factory.Service<MaintenanceService>();
            var start = factory.Service<TimeProvider>().GetUtcNow().AddHours(1);
            var window = await maintenance.CreateAsync(new CreateMaintenanceWindow
            {
                PageId = page.Id, Title = "Nightly", StartsAt = start, EndsAt = start.AddHours(1), TimeZoneId = "UTC", Recurrence = "FREQ=DAILY",
            });
            await maintenance.StartNowAsync(window.Id);

            using var client = factory.CreatePublicClient();
            var html = await client.GetStringAsync("/status/anchors");
            var ids = IdAttribute().Matches(html).Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
            var occurrences = ids.Where(id => id.StartsWith($"maintenance-{window.Id}", StringComparison.Ordinal)).ToList();
            Assert.True(occurrences.Count > 1, "the occurrence in progress and the next ones are all shown");
            Assert.Equal($"maintenance-{window.Id}", occurrences[0]);
        }
        finally
        {
            await pages.DeleteAsync(page.Id);
        }
    }

    [Fact]
    public async Task Uptime_bar_shows_a_major_outage_day_with_its_uptime_percent_in_the_days_text()
    {
        // A page and component that existed for a week; two days ago (Berlin time) six hours of Major Outage, then ten of
        // Partial Outage, which the uptime service weighs with the configured downtime weights.
        var store = factory.Service<StatusKit.Abstractions.IStatusStore>();
        var now = factory.Service<TimeProvider>().GetUtcNow();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime).AddDays(-2);
        DateTimeOffset Local(DateOnly date, int hour)
        {
            var local = date.ToDateTime(new TimeOnly(hour, 0));
            return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        }

        var page = new StatusKit.Model.StatusPage
        {
            Id = Guid.CreateVersion7(), Name = "Uptime check", Slug = "uptime-check", TimeZoneId = "Europe/Berlin",
            CreatedAt = now.AddDays(-7), UpdatedAt = now.AddDays(-7),
        };
        var component = new StatusKit.Model.Component
        {
            Id = Guid.CreateVersion7(), PageId = page.Id, Name = "Ledger",
            StatusUpdatedAt = now.AddDays(-7), CreatedAt = now.AddDays(-7), UpdatedAt = now.AddDays(-7),
        };
        await store.AddPageAsync(page, CancellationToken.None);
        try
        {
            await store.AddComponentAsync(component, CancellationToken.None);
            Assert.True(await store.CommitStatusAsync(new([new(page.Id, component.Id, ComponentStatus.Operational, ComponentStatus.MajorOutage, Local(day, 6), "test")], []), CancellationToken.None));
            Assert.True(await store.CommitStatusAsync(new([new(page.Id, component.Id, ComponentStatus.MajorOutage, ComponentStatus.PartialOutage, Local(day, 12), "test")], []), CancellationToken.None));
            Assert.True(await store.CommitStatusAsync(new([new(page.Id, component.Id, ComponentStatus.PartialOutage, ComponentStatus.Operational, Local(day, 22), "test")], []), CancellationToken.None));

            using var client = factory.CreatePublicClient();
            var html = await client.GetStringAsync("/status/uptime-check");

            var dayLength = Local(day.AddDays(1), 0) - Local(day, 0);
            var down = TimeSpan.FromHours(6) + (TimeSpan.FromHours(10) * StatusKit.Uptime.DowntimeWeights.Default.PartialOutage);
            var percent = (100 * (1 - (down / dayLength))).ToString("0.##", CultureInfo.InvariantCulture);
            var title = $"{day.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}: {percent}% uptime, worst status Major Outage. Major outage 6 h. Partial outage 10 h";
            Assert.Contains($"<li class=\"d-major_outage\" data-day=\"{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\" tabindex=\"-1\"><span class=\"tip\">{title}</span></li>", html, StringComparison.Ordinal);
            Assert.Equal(1, CountOf(html, "worst status Major Outage"));
        }
        finally
        {
            await factory.Service<StatusKit.Services.StatusPageService>().DeleteAsync(page.Id);
        }
    }

    [Fact]
    public async Task Uptime_day_names_an_incident_resolved_yesterday_under_yesterday_for_its_component_only()
    {
        // A page in Auckland (UTC+12 or +13), so its yesterday is not UTC's: the incident ran from 10:00 to 11:00 there.
        var store = factory.Service<StatusKit.Abstractions.IStatusStore>();
        var now = factory.Service<TimeProvider>().GetUtcNow();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Auckland");
        var yesterday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime).AddDays(-1);
        var local = yesterday.ToDateTime(new TimeOnly(10, 0));
        var started = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        var page = await factory.Service<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Day incidents", Slug = "uptime-incidents", TimeZoneId = "Pacific/Auckland" });
        try
        {
            // Both components existed a week ago, so their days have data.
            Component Existing(string name, int order) => new()
            {
                Id = Guid.CreateVersion7(), PageId = page.Id, Name = name, DisplayOrder = order,
                StatusUpdatedAt = now.AddDays(-7), CreatedAt = now.AddDays(-7), UpdatedAt = now.AddDays(-7),
            };
            var ledger = Existing("Ledger", 1);
            var billing = Existing("Billing", 2);
            await store.AddComponentAsync(ledger, CancellationToken.None);
            await store.AddComponentAsync(billing, CancellationToken.None);

            var incident = new StatusIncident
            {
                Id = Guid.CreateVersion7(), PageId = page.Id, Title = "Ledger <writes> delayed", Message = "Investigating.",
                State = StatusIncidentState.Resolved, ComponentIds = [ledger.Id],
                Updates = [new(Guid.CreateVersion7(), started, StatusIncidentState.Investigating, "Investigating."), new(Guid.CreateVersion7(), started.AddHours(1), StatusIncidentState.Resolved, "Fixed.")],
                CreatedAt = started, UpdatedAt = started.AddHours(1), ResolvedAt = started.AddHours(1),
            };
            await store.AddStatusIncidentAsync(incident, [], CancellationToken.None);
            using var client = factory.CreatePublicClient();

            var html = await client.GetStringAsync("/status/uptime-incidents");

            var link = $"Incidents: <a href=\"/status/uptime-incidents/incidents/{incident.Id}\" tabindex=\"-1\">Ledger &lt;writes&gt; delayed</a>";
            var date = yesterday.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
            Assert.Contains($"<span class=\"tip\">{date}: 100% uptime, worst status Operational. {link}</span>", Bar(html, "Ledger"), StringComparison.Ordinal);
            Assert.Equal(1, CountOf(Bar(html, "Ledger"), "Incidents:"));
            Assert.DoesNotContain("Incidents:", Bar(html, "Billing"), StringComparison.Ordinal);
        }
        finally
        {
            await factory.Service<StatusPageService>().DeleteAsync(page.Id);
        }

        static string Bar(string html, string component)
        {
            var start = html.IndexOf($"<ol class=\"uptime\" aria-label=\"{component}:", StringComparison.Ordinal);
            Assert.True(start >= 0, "no uptime bar for " + component);
            return html[start..html.IndexOf("</ol>", start, StringComparison.Ordinal)];
        }
    }

    [Fact]
    public async Task An_incident_older_than_the_history_days_is_named_on_its_uptime_day_but_not_in_the_past_incidents()
    {
        // The page reads its incidents once, over the uptime bars' 90 days; the past incidents keep to their 14.
        var store = factory.Service<StatusKit.Abstractions.IStatusStore>();
        var now = factory.Service<TimeProvider>().GetUtcNow();
        var started = now.AddDays(-20);
        var page = await factory.Service<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Older incident", Slug = "uptime-older-incident" });
        try
        {
            var ledger = new Component
            {
                Id = Guid.CreateVersion7(), PageId = page.Id, Name = "Ledger",
                StatusUpdatedAt = now.AddDays(-30), CreatedAt = now.AddDays(-30), UpdatedAt = now.AddDays(-30),
            };
            await store.AddComponentAsync(ledger, CancellationToken.None);
            var incident = new StatusIncident
            {
                Id = Guid.CreateVersion7(), PageId = page.Id, Title = "Old ledger outage", Message = "Investigating.",
                State = StatusIncidentState.Resolved, ComponentIds = [ledger.Id],
                Updates = [new(Guid.CreateVersion7(), started, StatusIncidentState.Resolved, "Fixed.")],
                CreatedAt = started, UpdatedAt = started, ResolvedAt = started,
            };
            await store.AddStatusIncidentAsync(incident, [], CancellationToken.None);
            using var client = factory.CreatePublicClient();

            var html = await client.GetStringAsync("/status/uptime-older-incident");

            var date = DateOnly.FromDateTime(started.UtcDateTime).ToString("d MMM yyyy", CultureInfo.InvariantCulture);
            Assert.Contains($"<span class=\"tip\">{date}: 100% uptime, worst status Operational. Incidents: <a", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Old ledger outage", html[html.IndexOf("<div id=\"past-incidents\">", StringComparison.Ordinal)..], StringComparison.Ordinal);
        }
        finally
        {
            await factory.Service<StatusPageService>().DeleteAsync(page.Id);
        }
    }

    [Fact]
    public async Task Uptime_bar_summary_is_the_uptime_over_the_counted_time_not_the_mean_of_the_daily_percents()
    {
        // Created at noon three days ago (UTC): 12 counted hours up, a full day up, a day with 18 hours of Major
        // Outage, and today in Partial Outage (70 % up at any hour). Over the counted time that is 70 % whatever the
        // time of day; the mean of the four daily figures would be 73.75 %.
        var today = Today();

        var html = await PageWithHistoryAsync(
            "uptime-summary",
            today.AddDays(-3).AddHours(12),
            (ComponentStatus.Operational, ComponentStatus.MajorOutage, today.AddDays(-1)),
            (ComponentStatus.MajorOutage, ComponentStatus.Operational, today.AddDays(-1).AddHours(18)),
            (ComponentStatus.Operational, ComponentStatus.PartialOutage, today));

        Assert.Contains("aria-label=\"Ledger: 70% uptime over the last 90 days\"", html, StringComparison.Ordinal);
        Assert.Contains("<span>70% uptime</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uptime_bar_never_rounds_a_day_or_a_period_with_downtime_up_to_100_percent()
    {
        // Two seconds of Major Outage yesterday (UTC) on a component a week old: 99.998 % that day, more over the week.
        var yesterday = Today().AddDays(-1);

        var html = await PageWithHistoryAsync(
            "uptime-rounding",
            yesterday.AddDays(-6),
            (ComponentStatus.Operational, ComponentStatus.MajorOutage, yesterday.AddHours(9)),
            (ComponentStatus.MajorOutage, ComponentStatus.Operational, yesterday.AddHours(9).AddSeconds(2)));

        var date = DateOnly.FromDateTime(yesterday.UtcDateTime).ToString("d MMM yyyy", CultureInfo.InvariantCulture);
        Assert.Contains($"<span class=\"tip\">{date}: 99.99% uptime, worst status Major Outage. Major outage under 1 min</span>", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Ledger: 99.99% uptime over the last 90 days\"", html, StringComparison.Ordinal);
        Assert.Contains("<span>99.99% uptime</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_encodes_every_user_string()
    {
        var pages = factory.Service<StatusKit.Services.StatusPageService>();
        var page = await pages.CreateAsync(new StatusKit.Services.CreateStatusPage { Name = "<script>alert(1)</script>", Slug = "xss-check" });
        try
        {
            using var client = factory.CreatePublicClient();
            var html = await client.GetStringAsync("/status/xss-check");
            Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        }
        finally
        {
            await pages.DeleteAsync(page.Id);
        }
    }

    [Fact]
    public async Task Badge_is_an_accessible_svg_for_the_page_and_for_one_component()
    {
        using var client = factory.CreatePublicClient();
        using var response = await client.GetAsync("/status/demo/badge.svg");
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal("img", svg.Root!.Attribute("role")?.Value);
        Assert.Equal("status: All Systems Operational", svg.Root.Attribute("aria-label")?.Value);
        Assert.Equal("status: All Systems Operational", svg.Root.Element(ns + "title")?.Value);
        Assert.NotNull(response.Headers.ETag);

        var pageId = await factory.PageIdAsync("demo");
        var component = (await factory.Service<StatusKit.Services.ComponentService>().ListAsync(pageId))[0];
        var one = XDocument.Parse(await client.GetStringAsync($"/status/demo/badge.svg?component={component.Id}"));
        Assert.Equal($"{component.Name}: Operational", one.Root!.Attribute("aria-label")?.Value);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/status/demo/badge.svg?component={Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task History_is_an_Atom_feed_with_the_required_elements()
    {
        using var client = factory.CreatePublicClient();
        using var response = await client.GetAsync("/status/demo/history.atom");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal(atom + "feed", feed.Root!.Name);
        foreach (var required in new[] { "id", "title", "updated", "author" })
        {
            Assert.Single(feed.Root.Elements(atom + required));
        }

        var entry = feed.Root.Elements(atom + "entry").Single(e => e.Element(atom + "title")!.Value == "Elevated webhook delivery latency");
        Assert.StartsWith("urn:uuid:", entry.Element(atom + "id")!.Value, StringComparison.Ordinal);
        Assert.Single(entry.Elements(atom + "updated"));
        Assert.Contains("All delayed webhooks were delivered.", entry.Element(atom + "content")!.Value, StringComparison.Ordinal);
        Assert.Equal("alternate", entry.Element(atom + "link")!.Attribute("rel")!.Value);
    }

    [Fact]
    public async Task History_is_an_RSS_2_feed_of_the_same_entries_as_the_Atom_feed()
    {
        using var client = factory.CreatePublicClient();
        var incident = (await factory.Service<StatusIncidentService>().ListAsync(await factory.PageIdAsync("demo"), take: 50))
            .First(i => i.Title == "Elevated webhook delivery latency");

        using var response = await client.GetAsync("/status/demo/history.rss");
        var atom = XDocument.Parse(await client.GetStringAsync("/status/demo/history.atom"));

        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType?.MediaType);
        var rss = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("rss", rss.Root!.Name.LocalName);
        Assert.Equal("2.0", rss.Root.Attribute("version")?.Value);
        var channel = rss.Root.Element("channel")!;
        foreach (var required in new[] { "title", "link", "description" })
        {
            Assert.Single(channel.Elements(required));
        }

        Assert.EndsWith("/status/demo", channel.Element("link")!.Value, StringComparison.Ordinal);
        XNamespace atomNs = "http://www.w3.org/2005/Atom";
        Assert.EndsWith("/status/demo/history.rss", channel.Element(atomNs + "link")!.Attribute("href")!.Value, StringComparison.Ordinal);
        var item = channel.Elements("item").Single(e => e.Element("title")!.Value == incident.Title);
        Assert.Equal($"urn:uuid:{incident.Id}", item.Element("guid")!.Value);
        Assert.Equal("false", item.Element("guid")!.Attribute("isPermaLink")?.Value);
        Assert.EndsWith($"/status/demo/incidents/{incident.Id}", item.Element("link")!.Value, StringComparison.Ordinal);
        Assert.Equal(incident.CreatedAt.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture), item.Element("pubDate")!.Value);
        var entry = atom.Root!.Elements(atomNs + "entry").Single(e => e.Element(atomNs + "id")!.Value == $"urn:uuid:{incident.Id}");
        Assert.Equal(entry.Element(atomNs + "content")!.Value, item.Element("description")!.Value);
        Assert.Equal(
            atom.Root.Elements(atomNs + "entry").Select(e => e.Element(atomNs + "id")!.Value),
            channel.Elements("item").Select(e => e.Element("guid")!.Value));
    }

    [Theory]
    [InlineData("atom")]
    [InlineData("rss")]
    public async Task History_feed_stays_well_formed_when_an_update_has_a_control_character(string format)
    {
        var pages = factory.Service<StatusPageService>();
        var page = await pages.CreateAsync(new CreateStatusPage { Name = "Feed control", Slug = $"{format}-control" });
        try
        {
            await factory.Service<StatusIncidentService>().CreateAsync(new CreateStatusIncident
            {
                PageId = page.Id, Title = "Pasted\u0001 text", Message = "Line one\vline two \U0001F680", Severity = StatusIncidentSeverity.Minor, NotifySubscribers = false,
            });
            using var client = factory.CreatePublicClient();
            using var response = await client.GetAsync($"/status/{format}-control/history.{format}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
            XNamespace atom = "http://www.w3.org/2005/Atom";
            var (title, content) = format == "atom"
                ? (Assert.Single(feed.Root!.Elements(atom + "entry")).Element(atom + "title")!.Value, feed.Root!.Element(atom + "entry")!.Element(atom + "content")!.Value)
                : (Assert.Single(feed.Root!.Element("channel")!.Elements("item")).Element("title")!.Value, feed.Root!.Element("channel")!.Element("item")!.Element("description")!.Value);
            Assert.Equal("Pasted text", title);
            Assert.EndsWith("Line oneline two \U0001F680</p>", WebUtility.HtmlDecode(content), StringComparison.Ordinal);
        }
        finally
        {
            await pages.DeleteAsync(page.Id);
        }
    }

    [Fact]
    public async Task Html_page_lists_groups_and_ungrouped_components_in_display_order_as_the_JSON_API_does()
    {
        var pages = factory.Service<StatusPageService>();
        var page = await pages.CreateAsync(new CreateStatusPage { Name = "Order", Slug = "html-order" });
        try
        {
            var components = factory.Service<ComponentService>();
            await components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "First alone" });
            await components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "API", GroupName = "Backend" });
            await components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "Middle alone" });
            await components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "Database", GroupName = "Backend" });
            await components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "Last alone" });
            using var client = factory.CreatePublicClient();

            var html = await client.GetStringAsync("/status/html-order");
            using var api = JsonDocument.Parse(await client.GetStringAsync("/status/html-order/api/v2/components.json"));

            // The API's order: First alone, Backend (API, Database), Middle alone, Last alone.
            var apiOrder = api.RootElement.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToList();
            Assert.Equal(["First alone", "Backend", "API", "Database", "Middle alone", "Last alone"], apiOrder);
            var htmlOrder = apiOrder.Select(name => html.IndexOf(name == "Backend" ? "<h3>Backend" : $"<span class=\"name\">{name}</span>", StringComparison.Ordinal)).ToList();
            Assert.DoesNotContain(-1, htmlOrder);
            Assert.Equal(htmlOrder.Order().ToList(), htmlOrder);
        }
        finally
        {
            await pages.DeleteAsync(page.Id);
        }
    }

    [Fact]
    public async Task Html_page_with_a_current_incident_does_not_say_there_were_no_incidents()
    {
        var pages = factory.Service<StatusPageService>();
        var page = await pages.CreateAsync(new CreateStatusPage { Name = "Ongoing", Slug = "html-ongoing" });
        try
        {
            using var client = factory.CreatePublicClient();
            Assert.Contains("No incidents in the last 14 days.", await client.GetStringAsync("/status/html-ongoing"), StringComparison.Ordinal);

            await factory.Service<StatusIncidentService>().CreateAsync(new CreateStatusIncident
            {
                PageId = page.Id, Title = "Slow logins", Message = "Investigating.", Severity = StatusIncidentSeverity.Minor, NotifySubscribers = false,
            });
            var html = await client.GetStringAsync("/status/html-ongoing");

            Assert.Contains("Slow logins", html, StringComparison.Ordinal);
            Assert.DoesNotContain("No incidents in the last", html, StringComparison.Ordinal);
            Assert.Contains("No resolved incidents in the last 14 days.", html, StringComparison.Ordinal);
        }
        finally
        {
            await pages.DeleteAsync(page.Id);
        }
    }

    [Fact]
    public async Task Html_page_names_the_components_a_current_incident_affects_in_the_pages_order()
    {
        var pages = factory.Service<StatusPageService>();
        var page = await pages.CreateAsync(new CreateStatusPage { Name = "Affected", Slug = "html-affected" });
        try
        {
            var components = factory.Service<ComponentService>();
            var api = await components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "API", DisplayOrder = 1 });
            var database = await components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "Database <primary>", DisplayOrder = 2 });
            await components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "Billing", DisplayOrder = 3 });
            await factory.Service<StatusIncidentService>().CreateAsync(new CreateStatusIncident
            {
                PageId = page.Id, Title = "Slow queries", Message = "Investigating.", Severity = StatusIncidentSeverity.Minor,
                ComponentIds = [database.Id, api.Id], NotifySubscribers = false,
            });
            using var client = factory.CreatePublicClient();

            var html = await client.GetStringAsync("/status/html-affected");

            var incident = html[html.IndexOf("<div id=\"current-incidents\">", StringComparison.Ordinal)..html.IndexOf("<div id=\"active-maintenance\">", StringComparison.Ordinal)];
            Assert.Contains("<p class=\"meta\">Affected: API, Database &lt;primary&gt;</p>", incident, StringComparison.Ordinal);
            Assert.DoesNotContain("Billing", incident, StringComparison.Ordinal);
        }
        finally
        {
            await pages.DeleteAsync(page.Id);
        }
    }

    [Fact]
    public async Task Badge_stays_well_formed_when_a_component_name_has_a_control_character()
    {
        var pages = factory.Service<StatusPageService>();
        var page = await pages.CreateAsync(new CreateStatusPage { Name = "Badge control", Slug = "badge-control" });
        try
        {
            var component = await factory.Service<ComponentService>().CreateAsync(new CreateComponent { PageId = page.Id, Name = "API\u000Bv2 \U0001F680" });
            using var client = factory.CreatePublicClient();
            var svg = XDocument.Parse(await client.GetStringAsync($"/status/badge-control/badge.svg?component={component.Id}"));
            Assert.Equal("APIv2 \U0001F680: Operational", svg.Root!.Attribute("aria-label")?.Value);
        }
        finally
        {
            await pages.DeleteAsync(page.Id);
        }
    }

    [Fact]
    public async Task Maintenance_calendar_is_iCalendar_with_the_rule_and_time_zone()
    {
        using var client = factory.CreatePublicClient();
        using var response = await client.GetAsync("/status/demo/maintenance.ics");
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:", text, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n", text, StringComparison.Ordinal);
        Assert.Contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", text, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Europe/Berlin:", text, StringComparison.Ordinal);
        Assert.Contains("T020000\r\n", text, StringComparison.Ordinal);
        Assert.Contains("RRULE:FREQ=WEEKLY;BYDAY=SU\r\n", text, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Weekly database maintenance\r\n", text, StringComparison.Ordinal);
        Assert.All(text.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.DoesNotContain('\n', text.Replace("\r\n", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Maintenance_calendar_writes_every_line_break_as_an_escape_and_drops_other_control_characters()
    {
        var pages = factory.Service<StatusPageService>();
        var page = await pages.CreateAsync(new CreateStatusPage { Name = "Calendar CR", Slug = "calendar-cr" });
        try
        {
            var start = factory.Service<TimeProvider>().GetUtcNow().AddDays(1);
            await factory.Service<MaintenanceService>().CreateAsync(new CreateMaintenanceWindow
            {
                PageId = page.Id, Title = "Upgrade\u0007", Description = "Step one\rStep two\r\nStep three\nStep\vfour", StartsAt = start, EndsAt = start.AddHours(1), TimeZoneId = "UTC",
            });
            using var client = factory.CreatePublicClient();
            var text = await client.GetStringAsync("/status/calendar-cr/maintenance.ics");
            var unfolded = text.Replace("\r\n ", string.Empty, StringComparison.Ordinal);
            Assert.Contains("DESCRIPTION:Step one\\nStep two\\nStep three\\nStepfour\r\n", unfolded, StringComparison.Ordinal);
            Assert.Contains("SUMMARY:Upgrade\r\n", unfolded, StringComparison.Ordinal);
            Assert.DoesNotContain('\r', text.Replace("\r\n", string.Empty, StringComparison.Ordinal));
        }
        finally
        {
            await pages.DeleteAsync(page.Id);
        }
    }

    [Fact]
    public async Task Maintenance_calendar_lists_a_recurring_windows_excluded_occurrences_as_EXDATE_in_its_zone()
    {
        var pages = factory.Service<StatusPageService>();
        var page = await pages.CreateAsync(new CreateStatusPage { Name = "Calendar EXDATE", Slug = "calendar-exdate" });
        try
        {
            var today = factory.Service<TimeProvider>().GetUtcNow().UtcDateTime.Date;
            var start = new DateTimeOffset(today.AddDays(1).AddHours(12), TimeSpan.Zero);
            var local = TimeZoneInfo.ConvertTime(start, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).DateTime;
            var maintenance = factory.Service<MaintenanceService>();
            await maintenance.CreateAsync(new CreateMaintenanceWindow
            {
                PageId = page.Id, Title = "Tokyo weekly", StartsAt = start, EndsAt = start.AddHours(1), TimeZoneId = "Asia/Tokyo",
                Recurrence = "FREQ=WEEKLY", ExcludedOccurrences = [local.AddDays(7), local.AddDays(21)], NotifySubscribers = false,
            });
            await maintenance.CreateAsync(new CreateMaintenanceWindow
            {
                PageId = page.Id, Title = "UTC daily", StartsAt = start, EndsAt = start.AddHours(1), TimeZoneId = "UTC",
                Recurrence = "FREQ=DAILY", ExcludedOccurrences = [start.DateTime.AddDays(1)], NotifySubscribers = false,
            });

            using var client = factory.CreatePublicClient();
            var unfolded = (await client.GetStringAsync("/status/calendar-exdate/maintenance.ics")).Replace("\r\n ", string.Empty, StringComparison.Ordinal);

            string Wall(DateTime wall) => wall.ToString("yyyyMMdd'T'HHmmss", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains($"RRULE:FREQ=WEEKLY\r\nEXDATE;TZID=Asia/Tokyo:{Wall(local.AddDays(7))},{Wall(local.AddDays(21))}\r\n", unfolded, StringComparison.Ordinal);
            Assert.Contains($"RRULE:FREQ=DAILY\r\nEXDATE:{Wall(start.DateTime.AddDays(1))}Z\r\n", unfolded, StringComparison.Ordinal);
        }
        finally
        {
            await pages.DeleteAsync(page.Id);
        }
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [GeneratedRegex(" id=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();

    private DateTimeOffset Today() => new(factory.Service<TimeProvider>().GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);

    /// <summary>
    /// The HTML of a page (UTC) with one component created at <paramref name="created"/> whose status went through
    /// <paramref name="changes"/>, each committed to the store directly; the page is deleted afterwards.
    /// </summary>
    private async Task<string> PageWithHistoryAsync(
        string slug, DateTimeOffset created, params (ComponentStatus From, ComponentStatus To, DateTimeOffset At)[] changes)
    {
        var store = factory.Service<StatusKit.Abstractions.IStatusStore>();
        var page = new StatusKit.Model.StatusPage
        {
            Id = Guid.CreateVersion7(), Name = slug, Slug = slug, TimeZoneId = "UTC", CreatedAt = created, UpdatedAt = created,
        };
        var component = new StatusKit.Model.Component
        {
            Id = Guid.CreateVersion7(), PageId = page.Id, Name = "Ledger", StatusUpdatedAt = created, CreatedAt = created, UpdatedAt = created,
        };
        await store.AddPageAsync(page, CancellationToken.None);
        try
        {
            await store.AddComponentAsync(component, CancellationToken.None);
            foreach (var (from, to, at) in changes)
            {
                Assert.True(await store.CommitStatusAsync(new([new(page.Id, component.Id, from, to, at, "test")], []), CancellationToken.None));
            }

            using var client = factory.CreatePublicClient();
            return await client.GetStringAsync("/status/" + slug);
        }
        finally
        {
            await factory.Service<StatusKit.Services.StatusPageService>().DeleteAsync(page.Id);
        }
    }
}
