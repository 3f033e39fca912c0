using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml.Linq;
using StatusKit.Model;
using StatusKit.Services;

namespace StatusKit.AspNetCore.Tests;

/// <summary><c>{page}/incidents/{id}</c>: one incident's own page, where the API's shortlinks and the history feeds point.</summary>
[Collection(SampleHostCollection.Name)]
public sealed class IncidentPageTests(SampleHostFactory factory)
{
    [Fact]
    public async Task An_incident_has_its_own_page_with_its_whole_timeline_and_affected_components()
    {
        var incident = await DemoIncidentAsync();
        using var client = factory.CreatePublicClient();

        using var response = await client.GetAsync($"/status/demo/incidents/{incident.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>Elevated webhook delivery latency - Acme Cloud status</title>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Elevated webhook delivery latency</h2>", html, StringComparison.Ordinal);
        Assert.Contains("Affected: Webhooks", html, StringComparison.Ordinal);
        Assert.All(incident.Updates, update => Assert.Contains(update.Message, html, StringComparison.Ordinal));
        Assert.Contains("<a href=\"/status/demo\">Current status of Acme Cloud</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_status_page_the_shortlink_and_the_Atom_feed_all_lead_to_the_incident_page()
    {
        var incident = await DemoIncidentAsync();
        using var client = factory.CreatePublicClient();

        var html = await client.GetStringAsync("/status/demo");
        using var incidents = JsonDocument.Parse(await client.GetStringAsync("/status/demo/api/v2/incidents.json"));
        var feed = XDocument.Parse(await client.GetStringAsync("/status/demo/history.atom"));

        Assert.Contains($"<h3><a href=\"/status/demo/incidents/{incident.Id}\">Elevated webhook delivery latency</a></h3>", html, StringComparison.Ordinal);
        var shortlink = incidents.RootElement.GetProperty("incidents").EnumerateArray()
            .Single(i => i.GetProperty("id").GetString() == incident.Id.ToString()).GetProperty("shortlink").GetString()!;
        Assert.EndsWith($"/status/demo/incidents/{incident.Id}", shortlink, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(shortlink).PathAndQuery)).StatusCode);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var links = feed.Root!.Elements(atom + "entry").Select(e => e.Element(atom + "link")!.Attribute("href")!.Value);
        Assert.Contains(shortlink, links);
    }

    [Fact]
    public async Task An_unknown_incident_or_another_pages_incident_is_404()
    {
        var incident = await DemoIncidentAsync();
        var pages = factory.Service<StatusPageService>();
        var other = await pages.CreateAsync(new CreateStatusPage { Name = "Other", Slug = "incident-page-other" });
        try
        {
            using var client = factory.CreatePublicClient();

            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/status/incident-page-other/incidents/{incident.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/status/demo/incidents/{Guid.NewGuid()}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/status/demo/incidents/not-an-id")).StatusCode);
        }
        finally
        {
            await pages.DeleteAsync(other.Id);
        }
    }

    [Fact]
    public async Task The_incident_page_answers_304_to_its_own_ETag()
    {
        var incident = await DemoIncidentAsync();
        using var client = factory.CreatePublicClient();
        using var first = await client.GetAsync($"/status/demo/incidents/{incident.Id}");

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/status/demo/incidents/{incident.Id}");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.True(first.Headers.CacheControl is { Public: true }, first.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_private_pages_incident_and_history_pages_need_its_token_and_take_a_query_token_out_of_the_url()
    {
        var pages = factory.Service<StatusPageService>();
        var pageId = await factory.PageIdAsync("internal");
        var token = (await pages.RegenerateAccessTokenAsync(pageId)).AccessToken!;
        var incident = await factory.Service<StatusIncidentService>().CreateAsync(new CreateStatusIncident
        {
            PageId = pageId, Title = "Internal VPN flapping", Message = "Investigating.", NotifySubscribers = false,
        });
        using var client = factory.CreatePublicClient();

        using var anonymous = await client.GetAsync($"/status/internal/incidents/{incident.Id}");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/status/internal/incidents/{incident.Id}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var authorised = await client.SendAsync(request);

        using var withQueryToken = await client.GetAsync($"/status/internal/incidents/{incident.Id}?access_token={token}");
        using var history = await client.GetAsync($"/status/internal/history?page=1&access_token={token}");

        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, authorised.StatusCode);
        Assert.Equal("no-referrer", Assert.Single(authorised.Headers.GetValues("Referrer-Policy")));
        Assert.Equal((HttpStatusCode.SeeOther, $"/status/internal/incidents/{incident.Id}"), (withQueryToken.StatusCode, withQueryToken.Headers.Location?.OriginalString));
        Assert.Equal((HttpStatusCode.SeeOther, "/status/internal/history?page=1"), (history.StatusCode, history.Headers.Location?.OriginalString));
        Assert.True(authorised.Headers.CacheControl is { Private: true, NoStore: true }, authorised.Headers.CacheControl?.ToString());
        Assert.Contains("Internal VPN flapping", await authorised.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_history_lists_every_incident_newest_first_twenty_a_page_each_linking_to_its_page()
    {
        var pages = factory.Service<StatusPageService>();
        var page = await pages.CreateAsync(new CreateStatusPage { Name = "History", Slug = "incident-history" });
        try
        {
            var incidents = factory.Service<StatusIncidentService>();
            var created = new List<StatusIncident>();
            for (var i = 0; i < 25; i++)
            {
                created.Add(await incidents.CreateAsync(new CreateStatusIncident { PageId = page.Id, Title = $"Incident {i:00}", Message = "Investigating.", NotifySubscribers = false }));
            }

            using var client = factory.CreatePublicClient();
            var status = await client.GetStringAsync("/status/incident-history");
            var first = await client.GetStringAsync("/status/incident-history/history");
            var second = await client.GetStringAsync("/status/incident-history/history?page=2");

            Assert.Contains("<a href=\"/status/incident-history/history\">Incident history</a>", status, StringComparison.Ordinal);
            Assert.Contains($"<a href=\"/status/incident-history/incidents/{created[24].Id}\">Incident 24</a>", first, StringComparison.Ordinal);
            Assert.Contains("Incident 05", first, StringComparison.Ordinal);
            Assert.DoesNotContain("Incident 04", first, StringComparison.Ordinal);
            Assert.True(first.IndexOf("Incident 24", StringComparison.Ordinal) < first.IndexOf("Incident 05", StringComparison.Ordinal), "newest first");
            Assert.Contains("<a href=\"/status/incident-history/history?page=2\" rel=\"next\">Older incidents</a>", first, StringComparison.Ordinal);
            Assert.DoesNotContain("Newer incidents", first, StringComparison.Ordinal);
            Assert.Contains("Incident 00", second, StringComparison.Ordinal);
            Assert.DoesNotContain("Incident 05", second, StringComparison.Ordinal);
            Assert.Contains("<a href=\"/status/incident-history/history\" rel=\"prev\">Newer incidents</a>", second, StringComparison.Ordinal);
            Assert.DoesNotContain("Older incidents", second, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/status/incident-history/history?page=0")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/status/internal/history")).StatusCode);
        }
        finally
        {
            await pages.DeleteAsync(page.Id);
        }
    }

    private async Task<StatusIncident> DemoIncidentAsync() =>
        (await factory.Service<StatusIncidentService>().ListAsync(await factory.PageIdAsync("demo")))
            .Single(i => i.Title == "Elevated webhook delivery latency");
}
