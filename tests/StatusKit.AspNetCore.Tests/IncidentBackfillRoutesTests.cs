using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using StatusKit.Services;
using static StatusKit.AspNetCore.Tests.AdminResponses;

namespace StatusKit.AspNetCore.Tests;

/// <summary>A past incident backfilled through <c>POST admin/pages/{pageId}/incidents</c> with <c>startedAt</c> and <c>resolvedAt</c>.</summary>
[Collection(SampleHostCollection.Name)]
public sealed class IncidentBackfillRoutesTests(SampleHostFactory factory)
{
    [Fact]
    public async Task A_backfilled_incident_shows_on_its_own_dates_in_the_admin_api_the_json_api_the_feed_and_the_page()
    {
        var now = factory.Service<TimeProvider>().GetUtcNow();
        var startedAt = new DateTimeOffset(now.Year, now.Month, now.Day, 10, 0, 0, TimeSpan.Zero).AddDays(-5);
        var resolvedAt = startedAt.AddHours(2);
        var pages = factory.Service<StatusPageService>();
        var page = await pages.CreateAsync(new CreateStatusPage { Name = "Backfill", Slug = "backfill-dates" });
        try
        {
            var ledger = await factory.Service<ComponentService>().CreateAsync(new CreateComponent { PageId = page.Id, Name = "Ledger" });
            using var admin = factory.CreateAdminClient();

            var created = await ReadAsync(await admin.PostAsJsonAsync($"/status/admin/pages/{page.Id}/incidents", new
            {
                title = "Ledger outage last week", message = "Ledger writes failed for two hours.", state = "resolved",
                componentIds = new[] { ledger.Id }, startedAt, resolvedAt,
            }), HttpStatusCode.Created);

            Assert.Equal(startedAt, created.GetProperty("createdAt").GetDateTimeOffset());
            Assert.Equal(resolvedAt, created.GetProperty("resolvedAt").GetDateTimeOffset());
            Assert.Equal(resolvedAt, Assert.Single(created.GetProperty("updates").EnumerateArray()).GetProperty("at").GetDateTimeOffset());
            Assert.True(created.GetProperty("updatedAt").GetDateTimeOffset() > resolvedAt);
            var id = created.GetProperty("id").GetGuid();
            using var client = factory.CreatePublicClient();

            using var api = JsonDocument.Parse(await client.GetStringAsync("/status/backfill-dates/api/v2/incidents.json"));
            var listed = Assert.Single(api.RootElement.GetProperty("incidents").EnumerateArray());
            Assert.Equal(
                (startedAt, startedAt, resolvedAt),
                (Instant(listed, "created_at"), Instant(listed, "started_at"), Instant(listed, "resolved_at")));

            var atom = XDocument.Parse(await client.GetStringAsync("/status/backfill-dates/history.atom"));
            XNamespace a = "http://www.w3.org/2005/Atom";
            var entry = Assert.Single(atom.Descendants(a + "entry"));
            Assert.Equal(startedAt, DateTimeOffset.Parse(entry.Element(a + "published")!.Value, CultureInfo.InvariantCulture));

            var html = await client.GetStringAsync("/status/backfill-dates");
            var date = DateOnly.FromDateTime(startedAt.UtcDateTime).ToString("d MMM yyyy", CultureInfo.InvariantCulture);
            var tip = Regex.Match(html, $"<span class=\"tip\">{Regex.Escape(date)}: .*?</span></li>", RegexOptions.None, TimeSpan.FromSeconds(5));
            Assert.Contains("Ledger outage last week", tip.Value, StringComparison.Ordinal);
            Assert.Contains("Ledger outage last week", html[html.IndexOf("<div id=\"past-incidents\">", StringComparison.Ordinal)..], StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/status/backfill-dates/incidents/{id}")).StatusCode);
        }
        finally
        {
            await pages.DeleteAsync(page.Id);
        }
    }

    [Fact]
    public async Task Dating_an_incident_that_is_not_created_resolved_is_a_400_naming_startedAt()
    {
        var pageId = await factory.PageIdAsync("demo");
        using var admin = factory.CreateAdminClient();

        using var response = await admin.PostAsJsonAsync($"/status/admin/pages/{pageId}/incidents", new
        {
            title = "Not over", message = "Still failing", startedAt = DateTimeOffset.UnixEpoch.AddYears(50), notifySubscribers = false,
        });

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "startedAt");
    }

    private static DateTimeOffset Instant(JsonElement incident, string name) =>
        DateTimeOffset.Parse(incident.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);
}
