using System.Net;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.Model;
using StatusKit.Services;
using StatusKit.Testing;

using static StatusKit.AspNetCore.Tests.HistoryFeeds;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// A published postmortem is an entry of its own in <c>history.atom</c> and <c>history.rss</c>, so every feed reader and
/// chat integration hears of it, also those that only announce new entries. The clock is a manual one at Monday
/// 5 January 2026, 09:00 UTC, moved only by the tests.
/// </summary>
public sealed class HistoryFeedPostmortemTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _clock = new(Monday);
    private WebApplication? _app;
    private StatusPage _page = null!;

    private WebApplication App => _app ?? throw new InvalidOperationException("Not started.");

    private StatusIncidentService Incidents => App.Services.GetRequiredService<StatusIncidentService>();

    public async Task InitializeAsync()
    {
        (_app, _page) = await HistoryFeeds.StartAsync(_clock);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_resolved_incident_without_a_postmortem_is_one_entry()
    {
        await ResolvedIncidentAsync("Slow API");
        using var client = App.Client();

        var (atom, rss) = await ReadAsync(client);

        Assert.Single(atom.Root!.Elements(Atom + "entry"));
        Assert.Single(rss.Root!.Element("channel")!.Elements("item"));
    }

    [Fact]
    public async Task Publishing_a_postmortem_adds_an_entry_first_in_both_feeds_with_its_time_its_encoded_paragraphs_and_a_link_to_it()
    {
        var incident = await ResolvedIncidentAsync("Slow <API> & co");
        _clock.Advance(TimeSpan.FromHours(2));
        await Incidents.PublishPostmortemAsync(incident.Id, "What happened: a <script>bad</script> deploy & a slow rollback.\nIt took 20 minutes.\n\nWhat we changed.");
        using var client = App.Client();

        var (atom, rss) = await ReadAsync(client);

        var entry = atom.Root!.Elements(Atom + "entry").First();
        Assert.NotEqual($"urn:uuid:{incident.Id}", entry.Element(Atom + "id")!.Value);
        Assert.Equal("Postmortem: Slow <API> & co", entry.Element(Atom + "title")!.Value);
        Assert.Equal("2026-01-05T11:15:00.000Z", entry.Element(Atom + "published")!.Value);
        Assert.Equal("2026-01-05T11:15:00.000Z", entry.Element(Atom + "updated")!.Value);
        Assert.Equal("2026-01-05T11:15:00.000Z", atom.Root.Element(Atom + "updated")!.Value);
        Assert.Equal($"http://localhost/status/acme/incidents/{incident.Id}#postmortem-heading", entry.Element(Atom + "link")!.Attribute("href")!.Value);
        Assert.Equal(
            "<p><small>Published <time datetime=\"2026-01-05T11:15:00&#x2B;00:00\">5 Jan 2026, 11:15 UTC</time></small></p>" +
            "<p>What happened: a &lt;script&gt;bad&lt;/script&gt; deploy &amp; a slow rollback.<br>It took 20 minutes.</p>" +
            "<p>What we changed.</p>",
            entry.Element(Atom + "content")!.Value);
        Assert.Equal(
            "Postmortem published 2026-01-05T11:15:00.000Z\n\nWhat happened: a <script>bad</script> deploy & a slow rollback.\nIt took 20 minutes.\n\nWhat we changed.",
            entry.Element(Atom + "summary")!.Value);
        var item = rss.Root!.Element("channel")!.Elements("item").First();
        Assert.Equal(entry.Element(Atom + "id")!.Value, item.Element("guid")!.Value);
        Assert.Equal("Postmortem: Slow <API> & co", item.Element("title")!.Value);
        Assert.Equal("Mon, 05 Jan 2026 11:15:00 GMT", item.Element("pubDate")!.Value);
        Assert.Equal(entry.Element(Atom + "content")!.Value, item.Element("description")!.Value);
        Assert.Contains(atom.Root.Elements(Atom + "entry"), e => e.Element(Atom + "id")!.Value == $"urn:uuid:{incident.Id}");
    }

    [Theory]
    [InlineData("atom")]
    [InlineData("rss")]
    public async Task Republishing_a_postmortem_keeps_its_entry_and_publication_time_but_gives_the_feed_a_new_ETag(string format)
    {
        var incident = await ResolvedIncidentAsync("Slow API");
        _clock.Advance(TimeSpan.FromHours(2));
        await Incidents.PublishPostmortemAsync(incident.Id, "First draft.");
        using var client = App.Client();
        var path = $"/status/acme/history.{format}";
        using var before = await client.GetAsync(path);
        var oldTag = before.Headers.ETag!;
        var oldIds = Ids(XDocument.Parse(await before.Content.ReadAsStringAsync()));

        _clock.Advance(TimeSpan.FromHours(1));
        await Incidents.PublishPostmortemAsync(incident.Id, "Final text.");
        using var after = await SendConditionalAsync(client, path, oldTag);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(oldTag, after.Headers.ETag);
        var feed = XDocument.Parse(await after.Content.ReadAsStringAsync());
        Assert.Equal(oldIds.Order(), Ids(feed).Order());
        Assert.Contains("Final text.", feed.Root!.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("First draft.", feed.Root!.Value, StringComparison.Ordinal);
        Assert.Contains(format == "atom" ? "2026-01-05T11:15:00.000Z" : "Mon, 05 Jan 2026 11:15:00 GMT", feed.Root!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_a_postmortem_removes_its_entry_and_publishing_again_is_a_new_entry()
    {
        var incident = await ResolvedIncidentAsync("Slow API");
        _clock.Advance(TimeSpan.FromHours(2));
        await Incidents.PublishPostmortemAsync(incident.Id, "First text.");
        using var client = App.Client();
        var (first, _) = await ReadAsync(client);

        await Incidents.RemovePostmortemAsync(incident.Id);
        // Made by the host's own code, not the admin API: the feed kept for PublicCacheMaxAge shows it once that is past.
        _clock.Advance(TimeSpan.FromMinutes(1));
        var (removed, _) = await ReadAsync(client);
        _clock.Advance(TimeSpan.FromHours(1));
        await Incidents.PublishPostmortemAsync(incident.Id, "Second text.");
        var (again, _) = await ReadAsync(client);

        Assert.Equal([incident.Id], Ids(removed));
        Assert.Equal(2, Ids(first).Count);
        Assert.Equal(2, Ids(again).Count);
        Assert.Empty(Ids(first).Intersect(Ids(again)).Except([incident.Id]));
    }

    private async Task<StatusIncident> ResolvedIncidentAsync(string title)
    {
        var incident = await Incidents.CreateAsync(new CreateStatusIncident
        {
            PageId = _page.Id, Title = title, Message = "Looking into it.", Severity = StatusIncidentSeverity.Minor, NotifySubscribers = false,
        });
        _clock.Advance(TimeSpan.FromMinutes(15));
        return await Incidents.AddUpdateAsync(incident.Id, StatusIncidentState.Resolved, "Fixed.", notifySubscribers: false);
    }
}
