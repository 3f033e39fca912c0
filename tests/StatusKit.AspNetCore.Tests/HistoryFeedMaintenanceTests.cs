using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Services;
using StatusKit.Testing;

using static StatusKit.AspNetCore.Tests.HistoryFeeds;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// <c>history.atom</c> and <c>history.rss</c> carry the page's maintenance windows as entries beside its incidents, as
/// Statuspage's history feeds do, so a feed reader or a chat integration following the feed hears of maintenance too. The
/// clock is a manual one at Monday 5 January 2026, 09:00 UTC, moved only by the tests.
/// </summary>
public sealed class HistoryFeedMaintenanceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _clock = new(Monday);
    private WebApplication? _app;
    private StatusPage _page = null!;
    private Component _database = null!;
    private Component _dashboard = null!;

    private WebApplication App => _app ?? throw new InvalidOperationException("Not started.");

    private MaintenanceService Maintenance => App.Services.GetRequiredService<MaintenanceService>();

    private StatusIncidentService Incidents => App.Services.GetRequiredService<StatusIncidentService>();

    public async Task InitializeAsync()
    {
        (_app, _page) = await HistoryFeeds.StartAsync(_clock);
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
    public async Task A_scheduled_window_is_an_entry_of_both_feeds_with_its_times_in_UTC_its_components_its_description_and_its_page()
    {
        var window = await WindowAsync("Database upgrade", Monday.AddHours(3), description: "Upgrading <b>PostgreSQL</b> & friends.");
        using var client = App.Client();

        var (atom, rss) = await ReadAsync(client, "acme");

        var entry = AtomEntry(atom, window.Id);
        Assert.Equal("Database upgrade", entry.Element(Atom + "title")!.Value);
        Assert.Equal("2026-01-05T09:00:00.000Z", entry.Element(Atom + "updated")!.Value);
        Assert.Equal("2026-01-05T09:00:00.000Z", entry.Element(Atom + "published")!.Value);
        Assert.Equal($"http://localhost/status/acme/maintenance/{window.Id}", entry.Element(Atom + "link")!.Attribute("href")!.Value);
        Assert.Equal(
            "Scheduled maintenance: starts 2026-01-05T12:00:00.000Z, ends 2026-01-05T13:00:00.000Z\n" +
            "Affected components: Database, Dashboard\n" +
            "Upgrading <b>PostgreSQL</b> & friends.",
            entry.Element(Atom + "summary")!.Value);
        var item = RssItem(rss, window.Id);
        Assert.Equal("Database upgrade", item.Element("title")!.Value);
        Assert.Equal($"http://localhost/status/acme/maintenance/{window.Id}", item.Element("link")!.Value);
        Assert.Equal("Mon, 05 Jan 2026 09:00:00 GMT", item.Element("pubDate")!.Value);
        Assert.Equal(entry.Element(Atom + "content")!.Value, item.Element("description")!.Value);
    }

    [Fact]
    public async Task A_recurring_window_says_it_recurs_and_gives_its_next_occurrence()
    {
        var window = await Maintenance.CreateAsync(new CreateMaintenanceWindow
        {
            PageId = _page.Id, Title = "Weekly patching", StartsAt = Monday.AddHours(2), EndsAt = Monday.AddHours(3),
            TimeZoneId = "Europe/Berlin", Recurrence = "FREQ=WEEKLY;BYDAY=MO", NotifySubscribers = false,
        });
        using var client = App.Client();

        var (atom, rss) = await ReadAsync(client, "acme");

        var expected = "Scheduled maintenance, recurring: next occurrence starts 2026-01-05T11:00:00.000Z, ends 2026-01-05T12:00:00.000Z";
        Assert.Equal(expected, AtomEntry(atom, window.Id).Element(Atom + "summary")!.Value);
        Assert.StartsWith("<p><strong>Scheduled maintenance, recurring</strong>: next occurrence starts ", RssItem(rss, window.Id).Element("description")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_window_in_progress_a_completed_one_and_a_cancelled_one_each_say_their_state_and_times()
    {
        var running = await WindowAsync("Cache flush", Monday.AddHours(1));
        var completed = await WindowAsync("Database upgrade", Monday.AddHours(2));
        var cancelled = await WindowAsync("Network swap", Monday.AddHours(5));
        _clock.Advance(TimeSpan.FromMinutes(10));
        await Maintenance.StartNowAsync(completed.Id);
        _clock.Advance(TimeSpan.FromMinutes(20));
        await Maintenance.CompleteNowAsync(completed.Id);
        await Maintenance.StartNowAsync(running.Id);
        await Maintenance.CancelAsync(cancelled.Id);
        using var client = App.Client();

        var (atom, rss) = await ReadAsync(client, "acme");

        Assert.StartsWith(
            "Maintenance in progress: started 2026-01-05T09:30:00.000Z, ends 2026-01-05T11:00:00.000Z\n",
            AtomEntry(atom, running.Id).Element(Atom + "summary")!.Value,
            StringComparison.Ordinal);
        Assert.StartsWith(
            "Maintenance completed: started 2026-01-05T09:10:00.000Z, ended 2026-01-05T09:30:00.000Z\n",
            AtomEntry(atom, completed.Id).Element(Atom + "summary")!.Value,
            StringComparison.Ordinal);
        Assert.Equal("2026-01-05T09:30:00.000Z", AtomEntry(atom, completed.Id).Element(Atom + "updated")!.Value);
        Assert.StartsWith(
            "Maintenance cancelled: was planned from 2026-01-05T14:00:00.000Z to 2026-01-05T15:00:00.000Z\n",
            AtomEntry(atom, cancelled.Id).Element(Atom + "summary")!.Value,
            StringComparison.Ordinal);
        Assert.StartsWith(
            "<p><strong>Maintenance cancelled</strong>: was planned from <time datetime=\"2026-01-05T14:00:00&#x2B;00:00\">",
            RssItem(rss, cancelled.Id).Element("description")!.Value,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entries_are_ordered_by_their_latest_change_newest_first_merging_incidents_and_windows()
    {
        var first = await IncidentAsync("First incident");
        _clock.Advance(TimeSpan.FromMinutes(1));
        var window = await WindowAsync("Database upgrade", Monday.AddDays(1));
        _clock.Advance(TimeSpan.FromMinutes(1));
        var second = await IncidentAsync("Second incident");
        _clock.Advance(TimeSpan.FromMinutes(1));
        await Incidents.AddUpdateAsync(first.Id, StatusIncidentState.Identified, "Found it.", notifySubscribers: false);
        using var client = App.Client();

        var (atomBefore, rssBefore) = await ReadAsync(client, "acme");
        _clock.Advance(TimeSpan.FromMinutes(1));
        await Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { Description = "Now with a description." });
        var (atomAfter, rssAfter) = await ReadAsync(client, "acme");

        Assert.Equal([first.Id, second.Id, window.Id], Ids(atomBefore));
        Assert.Equal([first.Id, second.Id, window.Id], Ids(rssBefore));
        Assert.Equal([window.Id, first.Id, second.Id], Ids(atomAfter));
        Assert.Equal([window.Id, first.Id, second.Id], Ids(rssAfter));
        Assert.Equal("2026-01-05T09:04:00.000Z", atomAfter.Root!.Element(Atom + "updated")!.Value);
        Assert.Equal("Mon, 05 Jan 2026 09:04:00 GMT", rssAfter.Root!.Element("channel")!.Element("lastBuildDate")!.Value);
    }

    [Fact]
    public async Task The_feeds_keep_the_fifty_latest_changes_of_incidents_and_windows_together()
    {
        // Thirty incidents and thirty windows, alternating a minute apart: "Entry 00" (an incident) changed first.
        var ids = new List<Guid>();
        for (var i = 0; i < 60; i++)
        {
            ids.Add(i % 2 == 0
                ? (await IncidentAsync($"Entry {i:00}")).Id
                : (await WindowAsync($"Entry {i:00}", Monday.AddDays(1).AddHours(i))).Id);
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        using var client = App.Client();

        var (atom, rss) = await ReadAsync(client, "acme");

        var expected = Enumerable.Range(10, 50).Reverse().Select(i => ids[i]).ToList();
        Assert.Equal(expected, Ids(atom));
        Assert.Equal(expected, Ids(rss));
    }

    [Theory]
    [InlineData("atom")]
    [InlineData("rss")]
    public async Task Editing_a_window_gives_the_feed_a_new_ETag_so_the_old_one_gets_200_not_304(string format)
    {
        var window = await WindowAsync("Database upgrade", Monday.AddHours(3));
        await IncidentAsync("Unrelated incident");
        using var client = App.Client();
        var path = $"/status/acme/history.{format}";
        using var before = await client.GetAsync(path);
        var oldTag = before.Headers.ETag!;
        using var unchanged = await SendConditionalAsync(client, path, oldTag);

        _clock.Advance(TimeSpan.FromMinutes(5));
        await Maintenance.UpdateAsync(window.Id, new UpdateMaintenanceWindow { Description = "Moved to the new cluster." });
        using var after = await SendConditionalAsync(client, path, oldTag);

        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(oldTag, after.Headers.ETag);
        Assert.Contains("Moved to the new cluster.", XDocument.Parse(await after.Content.ReadAsStringAsync()).Root!.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("atom")]
    [InlineData("rss")]
    public async Task A_private_pages_feed_lists_its_windows_only_with_its_token(string format)
    {
        var created = await App.Services.GetRequiredService<StatusPageService>().CreateWithAccessTokenAsync(
            new CreateStatusPage { Name = "Internal", Slug = "internal", IsPublic = false });
        var window = await Maintenance.CreateAsync(new CreateMaintenanceWindow
        {
            PageId = created.Page.Id, Title = "VPN gateway swap", StartsAt = Monday.AddHours(3), EndsAt = Monday.AddHours(4), NotifySubscribers = false,
        });
        var path = $"/status/internal/history.{format}";
        using var client = App.Client();

        using var anonymous = await client.GetAsync(path);
        using var wrongToken = new HttpRequestMessage(HttpMethod.Get, path);
        wrongToken.Headers.Authorization = new AuthenticationHeaderValue("Bearer", new string('0', 64));
        using var refused = await client.SendAsync(wrongToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", created.AccessToken!);
        using var authorised = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, authorised.StatusCode);
        Assert.True(authorised.Headers.CacheControl is { Private: true, NoStore: true }, authorised.Headers.CacheControl?.ToString());
        var feed = XDocument.Parse(await authorised.Content.ReadAsStringAsync());
        Assert.Equal([window.Id], format == "atom" ? Ids(feed) : Ids(feed));
    }

    private Task<StatusIncident> IncidentAsync(string title) => Incidents.CreateAsync(new CreateStatusIncident
    {
        PageId = _page.Id, Title = title, Message = "Looking into it.", Severity = StatusIncidentSeverity.Minor, NotifySubscribers = false,
    });

    private Task<MaintenanceWindow> WindowAsync(string title, DateTimeOffset start, string? description = null) =>
        Maintenance.CreateAsync(new CreateMaintenanceWindow
        {
            PageId = _page.Id, Title = title, Description = description, StartsAt = start, EndsAt = start.AddHours(1),
            ComponentIds = [_dashboard.Id, _database.Id], NotifySubscribers = false,
        });
}
