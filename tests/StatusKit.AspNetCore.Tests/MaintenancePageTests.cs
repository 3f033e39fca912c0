using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.Abstractions;
using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Services;
using StatusKit.Testing;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// <c>{page}/maintenance/{id}</c>: one maintenance window's own page, where the status page's maintenance entries, the
/// API's shortlinks and the iCalendar feed point. The clock is a manual one at Monday 5 January 2026, 09:00 UTC (10:00 on
/// the page's Berlin wall clock), and never reaches a window's planned start or end, so only the operator's start and
/// complete move a window.
/// </summary>
public sealed class MaintenancePageTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _clock = new(Monday);
    private WebApplication? _app;
    private StatusPage _page = null!;
    private Component _database = null!;
    private Component _dashboard = null!;

    private WebApplication App => _app ?? throw new InvalidOperationException("Not started.");

    private MaintenanceService Maintenance => App.Services.GetRequiredService<MaintenanceService>();

    public async Task InitializeAsync()
    {
        _app = await EmbeddedHost.StartAsync(
            services =>
            {
                services.AddSingleton<TimeProvider>(_clock);
                services.AddStatusPages().AddStatusPageEndpoints();
            },
            app => app.MapStatusPages("/status"));
        _page = await App.Services.GetRequiredService<StatusPageService>().CreateAsync(
            new CreateStatusPage { Name = "Acme Cloud", Slug = "acme", TimeZoneId = "Europe/Berlin" });
        var components = App.Services.GetRequiredService<ComponentService>();
        _database = await components.CreateAsync(new CreateComponent { PageId = _page.Id, Name = "Database" });
        _dashboard = await components.CreateAsync(new CreateComponent { PageId = _page.Id, Name = "Dashboard" });
        await components.CreateAsync(new CreateComponent { PageId = _page.Id, Name = "Billing" });
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_scheduled_window_has_its_own_page_with_its_times_on_the_pages_clock_its_components_and_its_escaped_description()
    {
        var window = await WindowAsync(Monday.AddHours(3), description: "Upgrading <b>PostgreSQL</b> & friends.");
        using var client = App.Client();

        using var response = await client.GetAsync($"/status/acme/maintenance/{window.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>Database upgrade - Acme Cloud status</title>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Database upgrade</h2><p class=\"meta\">Scheduled</p>", html, StringComparison.Ordinal);
        Assert.Contains(
            "<p>Starts <time datetime=\"2026-01-05T13:00:00+01:00\">5 Jan 2026, 13:00</time> · ends " +
            "<time datetime=\"2026-01-05T14:00:00+01:00\">14:00 UTC+01:00</time></p>",
            WebUtility.HtmlDecode(html),
            StringComparison.Ordinal);
        Assert.Contains("Affected: Database, Dashboard", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Billing", html, StringComparison.Ordinal);
        Assert.Contains("<p>Upgrading &lt;b&gt;PostgreSQL&lt;/b&gt; &amp; friends.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/status/acme\">Current status of Acme Cloud</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Next occurrences", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_window_in_progress_and_then_completed_keeps_its_page_with_the_times_it_really_ran()
    {
        var window = await WindowAsync(Monday.AddHours(1));
        using var client = App.Client();

        _clock.Advance(TimeSpan.FromMinutes(30));
        await Maintenance.StartNowAsync(window.Id);
        var inProgress = await client.GetStringAsync($"/status/acme/maintenance/{window.Id}");
        _clock.Advance(TimeSpan.FromMinutes(15));
        await Maintenance.CompleteNowAsync(window.Id);
        var completed = await client.GetStringAsync($"/status/acme/maintenance/{window.Id}");
        var statusPage = await client.GetStringAsync("/status/acme");

        Assert.Contains("<p class=\"meta\">In progress</p>", inProgress, StringComparison.Ordinal);
        Assert.Contains(
            "<p>Started <time datetime=\"2026-01-05T10:30:00+01:00\">5 Jan 2026, 10:30</time> · ends " +
            "<time datetime=\"2026-01-05T12:00:00+01:00\">12:00 UTC+01:00</time></p>",
            WebUtility.HtmlDecode(inProgress),
            StringComparison.Ordinal);
        Assert.Contains("<p class=\"meta\">Completed</p>", completed, StringComparison.Ordinal);
        Assert.Contains(
            "<p>Started <time datetime=\"2026-01-05T10:30:00+01:00\">5 Jan 2026, 10:30</time> · ended " +
            "<time datetime=\"2026-01-05T10:45:00+01:00\">10:45 UTC+01:00</time></p>",
            WebUtility.HtmlDecode(completed),
            StringComparison.Ordinal);
        Assert.DoesNotContain(window.Id.ToString(), statusPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_window_says_so_with_the_times_it_was_planned_for()
    {
        var window = await WindowAsync(Monday.AddHours(3));
        await Maintenance.CancelAsync(window.Id);
        using var client = App.Client();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/status/acme/maintenance/{window.Id}"));

        Assert.Contains("<p class=\"meta\">Cancelled</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p>Was planned from <time datetime=\"2026-01-05T13:00:00+01:00\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recurring_window_lists_its_next_occurrences_without_the_excluded_one_and_never_shows_its_rule()
    {
        // Every Monday 12:00 Berlin, the 19 January one excluded; the window's own zone differs from the page's.
        var window = await Maintenance.CreateAsync(new CreateMaintenanceWindow
        {
            PageId = _page.Id, Title = "Weekly patching", StartsAt = Monday.AddHours(2), EndsAt = Monday.AddHours(3),
            TimeZoneId = "Europe/Berlin", Recurrence = "FREQ=WEEKLY;BYDAY=MO", ExcludedOccurrences = [new DateTime(2026, 1, 19, 12, 0, 0)],
            NotifySubscribers = false,
        });
        using var client = App.Client();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/status/acme/maintenance/{window.Id}"));

        Assert.Contains("<p class=\"meta\">Scheduled · recurring</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p>Starts <time datetime=\"2026-01-05T12:00:00+01:00\">", html, StringComparison.Ordinal);
        var list = html[html.IndexOf("<h3>Next occurrences</h3>", StringComparison.Ordinal)..];
        list = list[..list.IndexOf("</ul>", StringComparison.Ordinal)];
        Assert.Equal(
            ["2026-01-12", "2026-01-26", "2026-02-02", "2026-02-09", "2026-02-16"],
            System.Text.RegularExpressions.Regex.Matches(list, "<li><time datetime=\"([0-9-]+)T12:00:00\\+01:00\">").Select(m => m.Groups[1].Value));
        Assert.DoesNotContain("FREQ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("BYDAY", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_window_another_pages_window_or_a_malformed_id_is_404()
    {
        await App.Services.GetRequiredService<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Other", Slug = "other" });
        var window = await WindowAsync(Monday.AddHours(3));
        using var client = App.Client();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/status/other/maintenance/{window.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/status/acme/maintenance/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/status/acme/maintenance/not-an-id")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/status/nowhere/maintenance/{window.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/status/acme/maintenance/{window.Id}")).StatusCode);
    }

    [Fact]
    public async Task The_maintenance_page_answers_304_to_its_own_ETag_and_HEAD_like_GET()
    {
        var window = await WindowAsync(Monday.AddHours(3));
        using var client = App.Client();
        using var first = await client.GetAsync($"/status/acme/maintenance/{window.Id}");

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/status/acme/maintenance/{window.Id}");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await client.SendAsync(request);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/status/acme/maintenance/{window.Id}"));

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.True(first.Headers.CacheControl is { Public: true }, first.Headers.CacheControl?.ToString());
        Assert.Equal((HttpStatusCode.OK, first.Headers.ETag), (head.StatusCode, head.Headers.ETag));
    }

    [Fact]
    public async Task A_private_pages_maintenance_page_needs_its_token_and_takes_a_query_token_out_of_the_url()
    {
        var pages = App.Services.GetRequiredService<StatusPageService>();
        var created = await pages.CreateWithAccessTokenAsync(new CreateStatusPage { Name = "Internal", Slug = "internal", IsPublic = false });
        var token = created.AccessToken!;
        var window = await Maintenance.CreateAsync(new CreateMaintenanceWindow
        {
            PageId = created.Page.Id, Title = "VPN gateway swap", StartsAt = Monday.AddHours(3), EndsAt = Monday.AddHours(4), NotifySubscribers = false,
        });
        var path = $"/status/internal/maintenance/{window.Id}";
        using var client = App.Client();

        using var anonymous = await client.GetAsync(path);
        using var wrongToken = await client.GetAsync($"{path}?access_token={new string('0', 64)}");
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var authorised = await client.SendAsync(request);
        using var withQueryToken = await client.GetAsync($"{path}?access_token={token}");
        using var withCookie = new HttpRequestMessage(HttpMethod.Get, path);
        withCookie.Headers.Add("Cookie", $"statuskit_access={token}");
        using var followed = await client.SendAsync(withCookie);

        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, authorised.StatusCode);
        Assert.True(authorised.Headers.CacheControl is { Private: true, NoStore: true }, authorised.Headers.CacheControl?.ToString());
        Assert.Contains("VPN gateway swap", await authorised.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.SeeOther, path), (withQueryToken.StatusCode, withQueryToken.Headers.Location?.OriginalString));
        Assert.Equal("no-store", withQueryToken.Headers.CacheControl?.ToString());
        Assert.StartsWith($"statuskit_access={token}", Assert.Single(withQueryToken.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
    }

    [Fact]
    public async Task The_status_page_the_API_shortlink_and_the_calendar_all_lead_to_the_maintenance_page()
    {
        var window = await WindowAsync(Monday.AddHours(3));
        using var client = App.Client();

        var html = await client.GetStringAsync("/status/acme");
        using var api = JsonDocument.Parse(await client.GetStringAsync("/status/acme/api/v2/scheduled-maintenances.json"));
        var calendar = (await client.GetStringAsync("/status/acme/maintenance.ics")).Replace("\r\n ", string.Empty, StringComparison.Ordinal);

        Assert.Contains($"<h3><a href=\"/status/acme/maintenance/{window.Id}\">Database upgrade</a></h3>", html, StringComparison.Ordinal);
        var shortlink = api.RootElement.GetProperty("scheduled_maintenances").EnumerateArray()
            .Single(m => m.GetProperty("id").GetString() == window.Id.ToString()).GetProperty("shortlink").GetString()!;
        Assert.Equal($"http://localhost/status/acme/maintenance/{window.Id}", shortlink);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(shortlink).PathAndQuery)).StatusCode);
        Assert.Contains($"\r\nURL:{shortlink}\r\n", calendar, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_calendar_shows_the_open_windows_and_only_the_latest_fifty_closed_ones_the_cancelled_as_cancelled()
    {
        var store = App.Services.GetRequiredService<IStatusStore>();
        var open = await WindowAsync(Monday.AddDays(2));
        // 51 cancelled windows a day apart, the latest first, and before them all a completed recurring one.
        var cancelled = new List<MaintenanceWindow>();
        for (var day = 1; day <= 51; day++)
        {
            cancelled.Add(await store.AddMaintenanceWindowAsync(
                TestData.Window(_page.Id, [_database.Id], MaintenanceState.Cancelled, Monday.AddDays(-day)), [], CancellationToken.None));
        }

        var oldSeries = await store.AddMaintenanceWindowAsync(
            TestData.Window(_page.Id, [_database.Id], MaintenanceState.Completed, Monday.AddDays(-60)), [], CancellationToken.None);
        using var client = App.Client();

        var calendar = (await client.GetStringAsync("/status/acme/maintenance.ics")).Replace("\r\n ", string.Empty, StringComparison.Ordinal);

        Assert.Contains($"UID:{open.Id}@statuskit", calendar, StringComparison.Ordinal);
        Assert.All(cancelled.Take(50), w => Assert.Contains($"UID:{w.Id}@statuskit", calendar, StringComparison.Ordinal));
        Assert.DoesNotContain($"UID:{cancelled[50].Id}@statuskit", calendar, StringComparison.Ordinal);
        Assert.DoesNotContain($"UID:{oldSeries.Id}@statuskit", calendar, StringComparison.Ordinal);
        Assert.Equal(50, calendar.Split("\r\nSTATUS:CANCELLED\r\n").Length - 1);
        Assert.Equal(1, calendar.Split("\r\nSTATUS:CONFIRMED\r\n").Length - 1);
    }

    [Fact]
    public async Task The_calendar_keeps_a_completed_recurring_window_among_the_latest_closed_ones_and_leaves_out_a_completed_one_off()
    {
        var store = App.Services.GetRequiredService<IStatusStore>();
        var series = await store.AddMaintenanceWindowAsync(
            TestData.Window(_page.Id, [_database.Id], MaintenanceState.Completed, Monday.AddDays(-7)), [], CancellationToken.None);
        var oneOff = await store.AddMaintenanceWindowAsync(
            TestData.Window(_page.Id, [_database.Id], MaintenanceState.Completed, Monday.AddDays(-1)) with { Recurrence = null, ExcludedOccurrences = [] },
            [],
            CancellationToken.None);
        using var client = App.Client();

        var calendar = (await client.GetStringAsync("/status/acme/maintenance.ics")).Replace("\r\n ", string.Empty, StringComparison.Ordinal);

        Assert.Contains($"UID:{series.Id}@statuskit", calendar, StringComparison.Ordinal);
        Assert.DoesNotContain($"UID:{oneOff.Id}@statuskit", calendar, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_history_lists_completed_windows_on_its_first_page_each_linking_to_its_page()
    {
        var completed = await WindowAsync(Monday.AddHours(1));
        await Maintenance.StartNowAsync(completed.Id);
        _clock.Advance(TimeSpan.FromMinutes(20));
        await Maintenance.CompleteNowAsync(completed.Id);
        var cancelled = await WindowAsync(Monday.AddHours(3));
        await Maintenance.CancelAsync(cancelled.Id);
        var scheduled = await WindowAsync(Monday.AddHours(5));
        using var client = App.Client();

        var first = await client.GetStringAsync("/status/acme/history");
        var second = await client.GetStringAsync("/status/acme/history?page=2");

        var past = WebUtility.HtmlDecode(first[first.IndexOf("<h2 id=\"past-maintenance-heading\">Past maintenance</h2>", StringComparison.Ordinal)..]);
        Assert.Contains("<h3>January 2026</h3>", past, StringComparison.Ordinal);
        Assert.Contains(
            $"<li><a href=\"/status/acme/maintenance/{completed.Id}\">Database upgrade</a> <span class=\"meta\">Completed · " +
            "<time datetime=\"2026-01-05T10:00:00+01:00\">5 Jan 2026, 10:00</time> – <time datetime=\"2026-01-05T10:20:00+01:00\">10:20 UTC+01:00</time>",
            past,
            StringComparison.Ordinal);
        Assert.DoesNotContain(cancelled.Id.ToString(), past, StringComparison.Ordinal);
        Assert.DoesNotContain(scheduled.Id.ToString(), past, StringComparison.Ordinal);
        Assert.DoesNotContain("Past maintenance", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_history_pages_past_maintenance_twenty_at_a_time_newest_first_with_links_between_its_pages()
    {
        await CompletedWindowsAsync(45);
        using var client = App.Client();

        var first = await client.GetStringAsync("/status/acme/history");
        using var secondResponse = await client.GetAsync("/status/acme/history?maintenance_page=2");
        var second = await secondResponse.Content.ReadAsStringAsync();
        var third = await client.GetStringAsync("/status/acme/history?maintenance_page=3");
        using var beyond = await client.GetAsync("/status/acme/history?maintenance_page=4");
        using var revalidated = new HttpRequestMessage(HttpMethod.Get, "/status/acme/history?maintenance_page=2");
        revalidated.Headers.IfNoneMatch.Add(secondResponse.Headers.ETag!);
        using var notModified = await client.SendAsync(revalidated);

        Assert.Contains("Window 44", first, StringComparison.Ordinal);
        Assert.Contains("Window 25", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Window 24", first, StringComparison.Ordinal);
        Assert.True(first.IndexOf("Window 44", StringComparison.Ordinal) < first.IndexOf("Window 25", StringComparison.Ordinal), "newest first");
        Assert.Contains("<a href=\"/status/acme/history?maintenance_page=2\" rel=\"next\">Older maintenance</a>", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Newer maintenance", first, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"history-heading\">Incident history</h2>", first, StringComparison.Ordinal);

        Assert.Contains("Window 24", second, StringComparison.Ordinal);
        Assert.Contains("Window 05", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Window 25", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Window 04", second, StringComparison.Ordinal);
        Assert.True(second.IndexOf("Window 24", StringComparison.Ordinal) < second.IndexOf("Window 05", StringComparison.Ordinal), "newest first");
        Assert.Contains("<a href=\"/status/acme/history#past-maintenance-heading\" rel=\"prev\">Newer maintenance</a>", second, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/status/acme/history?maintenance_page=3\" rel=\"next\">Older maintenance</a>", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Incident history</h2>", second, StringComparison.Ordinal);
        Assert.Contains("<title>Past maintenance - Acme Cloud status</title>", second, StringComparison.Ordinal);

        Assert.Contains("Window 04", third, StringComparison.Ordinal);
        Assert.Contains("Window 00", third, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/status/acme/history?maintenance_page=2\" rel=\"prev\">Newer maintenance</a>", third, StringComparison.Ordinal);
        Assert.DoesNotContain("Older maintenance", third, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, beyond.StatusCode);
        Assert.Contains("No older maintenance.", await beyond.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task The_API_lists_the_fifty_completed_windows_with_the_latest_starts()
    {
        await CompletedWindowsAsync(52);
        using var client = App.Client();

        using var api = JsonDocument.Parse(await client.GetStringAsync("/status/acme/api/v2/scheduled-maintenances.json"));

        var names = api.RootElement.GetProperty("scheduled_maintenances").EnumerateArray().Select(m => m.GetProperty("name").GetString()).ToList();
        Assert.Equal(Enumerable.Range(2, 50).Reverse().Select(i => $"Window {i:00}"), names);
    }

    [Theory]
    [InlineData("maintenance_page=0")]
    [InlineData("maintenance_page=-1")]
    [InlineData("maintenance_page=1001")]
    [InlineData("page=2&maintenance_page=2")]
    public async Task A_past_maintenance_page_no_link_leads_to_is_not_found(string query)
    {
        using var client = App.Client();

        using var response = await client.GetAsync($"/status/acme/history?{query}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    // Windows "Window 00" to "Window {count - 1}", each started and completed by the operator 20 minutes apart, in that order.
    private async Task CompletedWindowsAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var window = await Maintenance.CreateAsync(new CreateMaintenanceWindow
            {
                PageId = _page.Id, Title = $"Window {i:00}", StartsAt = _clock.GetUtcNow().AddHours(1), EndsAt = _clock.GetUtcNow().AddHours(2),
                ComponentIds = [_database.Id], NotifySubscribers = false,
            });
            await Maintenance.StartNowAsync(window.Id);
            _clock.Advance(TimeSpan.FromMinutes(20));
            await Maintenance.CompleteNowAsync(window.Id);
        }
    }

    private Task<MaintenanceWindow> WindowAsync(DateTimeOffset start, string? description = null) =>
        Maintenance.CreateAsync(new CreateMaintenanceWindow
        {
            PageId = _page.Id, Title = "Database upgrade", Description = description, StartsAt = start, EndsAt = start.AddHours(1),
            ComponentIds = [_dashboard.Id, _database.Id], NotifySubscribers = false,
        });
}
