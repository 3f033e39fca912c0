using System.Net;
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
/// What a feed reader shows of an entry: <c>history.atom</c>'s <c>content type="html"</c> and <c>history.rss</c>'s
/// <c>description</c> carry escaped HTML paragraphs, one per incident update, as Statuspage's feeds do, so a reader does
/// not run the timeline into one paragraph; the Atom entry keeps the plain text as its <c>summary</c>. Operator text is
/// HTML-encoded inside that HTML, whatever it holds. The clock is a manual one at Monday 5 January 2026, 09:00 UTC.
/// </summary>
public sealed class HistoryFeedMarkupTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _clock = new(Monday);
    private WebApplication? _app;
    private StatusPage _page = null!;
    private Component _database = null!;

    private WebApplication App => _app ?? throw new InvalidOperationException("Not started.");

    private StatusIncidentService Incidents => App.Services.GetRequiredService<StatusIncidentService>();

    public async Task InitializeAsync()
    {
        (_app, _page) = await HistoryFeeds.StartAsync(_clock);
        _database = await App.Services.GetRequiredService<ComponentService>().CreateAsync(new CreateComponent { PageId = _page.Id, Name = "Database" });
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_incidents_entry_is_one_HTML_paragraph_per_update_newest_first_with_its_time_in_UTC_and_its_state()
    {
        var incident = await IncidentAsync("Slow API", "We are looking into it.");
        _clock.Advance(TimeSpan.FromMinutes(15));
        await Incidents.AddUpdateAsync(incident.Id, StatusIncidentState.Identified, "A bad deploy.\nRolling it back.", notifySubscribers: false);
        using var client = App.Client();

        var (atom, rss) = await ReadAsync(client);

        var entry = AtomEntry(atom, incident.Id);
        var content = entry.Element(Atom + "content")!;
        Assert.Equal("html", content.Attribute("type")!.Value);
        Assert.Equal(
            "<p><small><time datetime=\"2026-01-05T09:15:00&#x2B;00:00\">5 Jan 2026, 09:15 UTC</time></small><br><strong>Identified</strong> - A bad deploy.<br>Rolling it back.</p>" +
            "<p><small><time datetime=\"2026-01-05T09:00:00&#x2B;00:00\">5 Jan 2026, 09:00 UTC</time></small><br><strong>Investigating</strong> - We are looking into it.</p>",
            content.Value);
        Assert.Equal(content.Value, RssItem(rss, incident.Id).Element("description")!.Value);
    }

    [Fact]
    public async Task The_Atom_entry_keeps_the_plain_text_timeline_as_its_summary()
    {
        var incident = await IncidentAsync("Slow API", "We are looking into it.");
        _clock.Advance(TimeSpan.FromMinutes(15));
        await Incidents.AddUpdateAsync(incident.Id, StatusIncidentState.Resolved, "Fixed.", notifySubscribers: false);
        using var client = App.Client();

        var (atom, _) = await ReadAsync(client);

        var summary = AtomEntry(atom, incident.Id).Element(Atom + "summary")!;
        Assert.Equal("text", summary.Attribute("type")!.Value);
        Assert.Equal("Resolved (2026-01-05T09:15:00.000Z): Fixed.\nInvestigating (2026-01-05T09:00:00.000Z): We are looking into it.", summary.Value);
    }

    [Fact]
    public async Task Markup_and_ampersands_in_a_title_or_message_stay_encoded_in_both_feeds()
    {
        const string title = "<script>alert('title')</script> Tom & Jerry";
        const string message = "<script>alert('message')</script> R&D <b>only</b>\n\nSecond paragraph & more.";
        var incident = await IncidentAsync(title, message);
        using var client = App.Client();

        var (atom, rss) = await ReadAsync(client);

        var entry = AtomEntry(atom, incident.Id);
        var item = RssItem(rss, incident.Id);
        Assert.Equal(title, entry.Element(Atom + "title")!.Value);
        Assert.Equal(title, item.Element("title")!.Value);
        foreach (var html in new[] { entry.Element(Atom + "content")!.Value, item.Element("description")!.Value })
        {
            // The HTML a reader renders: the operator's markup is text in it, never a tag.
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;alert(&#x27;message&#x27;)&lt;/script&gt; R&amp;D &lt;b&gt;only&lt;/b&gt;<br><br>Second paragraph &amp; more.", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_windows_entry_is_HTML_paragraphs_with_its_description_encoded_and_its_plain_text_as_the_summary()
    {
        var window = await App.Services.GetRequiredService<MaintenanceService>().CreateAsync(new CreateMaintenanceWindow
        {
            PageId = _page.Id, Title = "Database <upgrade>", StartsAt = Monday.AddHours(3), EndsAt = Monday.AddHours(4),
            ComponentIds = [_database.Id], Description = "Upgrading <b>PostgreSQL</b> & friends.\nExpect a short blip.", NotifySubscribers = false,
        });
        using var client = App.Client();

        var (atom, rss) = await ReadAsync(client);

        var entry = AtomEntry(atom, window.Id);
        Assert.Equal(
            "<p><strong>Scheduled maintenance</strong>: starts <time datetime=\"2026-01-05T12:00:00&#x2B;00:00\">5 Jan 2026, 12:00 UTC</time>, " +
            "ends <time datetime=\"2026-01-05T13:00:00&#x2B;00:00\">5 Jan 2026, 13:00 UTC</time></p>" +
            "<p><strong>Affected components</strong>: Database</p>" +
            "<p>Upgrading &lt;b&gt;PostgreSQL&lt;/b&gt; &amp; friends.<br>Expect a short blip.</p>",
            entry.Element(Atom + "content")!.Value);
        Assert.Equal(
            "Scheduled maintenance: starts 2026-01-05T12:00:00.000Z, ends 2026-01-05T13:00:00.000Z\nAffected components: Database\nUpgrading <b>PostgreSQL</b> & friends.\nExpect a short blip.",
            entry.Element(Atom + "summary")!.Value);
        Assert.Equal(entry.Element(Atom + "content")!.Value, RssItem(rss, window.Id).Element("description")!.Value);
    }

    [Theory]
    [InlineData("atom")]
    [InlineData("rss")]
    public async Task An_incident_update_gives_the_feed_a_new_ETag_so_the_old_one_gets_200_not_304(string format)
    {
        var incident = await IncidentAsync("Slow API", "We are looking into it.");
        using var client = App.Client();
        var path = $"/status/acme/history.{format}";
        using var before = await client.GetAsync(path);
        var oldTag = before.Headers.ETag!;
        using var unchanged = await SendConditionalAsync(client, path, oldTag);

        _clock.Advance(TimeSpan.FromMinutes(5));
        await Incidents.AddUpdateAsync(incident.Id, StatusIncidentState.Monitoring, "A fix is out & we watch it.", notifySubscribers: false);
        using var after = await SendConditionalAsync(client, path, oldTag);

        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(oldTag, after.Headers.ETag);
        Assert.Contains("A fix is out &amp; we watch it.", XDocument.Parse(await after.Content.ReadAsStringAsync()).Root!.Value, StringComparison.Ordinal);
    }

    private Task<StatusIncident> IncidentAsync(string title, string message) => Incidents.CreateAsync(new CreateStatusIncident
    {
        PageId = _page.Id, Title = title, Message = message, Severity = StatusIncidentSeverity.Minor, NotifySubscribers = false,
    });
}
