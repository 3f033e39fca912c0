using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using StatusKit.AspNetCore.Api;
using StatusKit.Engine;
using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Services;
using StatusKit.Status;

namespace StatusKit.AspNetCore.Tests;

[Collection(SampleHostCollection.Name)]
public sealed partial class StatuspageApiTests(SampleHostFactory factory)
{
    public static TheoryData<string, string> Documents => new()
    {
        { "summary.json", "summary.json" },
        { "status.json", "status.json" },
        { "components.json", "components.json" },
        { "incidents.json", "incidents.json" },
        { "incidents/unresolved.json", "incidents.json" },
        { "scheduled-maintenances.json", "scheduled-maintenances.json" },
        { "scheduled-maintenances/upcoming.json", "scheduled-maintenances.json" },
        { "scheduled-maintenances/active.json", "scheduled-maintenances.json" },
    };

    public static TheoryData<string> Routes => new(Documents.Select(row => (string)row[0]));

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Every_document_has_the_shape_of_the_Statuspage_example(string document, string example)
    {
        var incidentId = await CreateIncidentAsync();
        try
        {
            using var client = factory.CreatePublicClient();
            using var response = await client.GetAsync($"/status/demo/api/v2/{document}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            using var actual = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
            using var expected = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "statuspage", example)));
            Assert.Empty(JsonShape.Differences(expected.RootElement, actual.RootElement));
            Assert.Equal(
                expected.RootElement.EnumerateObject().Select(p => p.Name),
                actual.RootElement.EnumerateObject().Select(p => p.Name));
        }
        finally
        {
            await DeleteIncidentAsync(incidentId);
        }
    }

    [Fact]
    public async Task Summary_lists_groups_with_member_ids_the_unresolved_incident_and_the_upcoming_window()
    {
        var incidentId = await CreateIncidentAsync();
        try
        {
            using var json = await GetJsonAsync("/status/demo/api/v2/summary.json");
            var root = json.RootElement;
            var components = root.GetProperty("components").EnumerateArray().ToList();
            var groups = components.Where(c => c.GetProperty("group").GetBoolean()).ToList();
            Assert.Equal(["API", "Web", "Payments"], groups.Select(g => g.GetProperty("name").GetString()));
            Assert.Equal(11, components.Count);
            foreach (var group in groups)
            {
                var groupId = group.GetProperty("id").GetString();
                var memberIds = group.GetProperty("components").EnumerateArray().Select(e => e.GetString()).ToList();
                Assert.NotEmpty(memberIds);
                Assert.All(memberIds, id => Assert.Equal(groupId, components.Single(c => c.GetProperty("id").GetString() == id).GetProperty("group_id").GetString()));
            }

            var incident = Assert.Single(root.GetProperty("incidents").EnumerateArray());
            Assert.Equal("Database replica lag", incident.GetProperty("name").GetString());
            Assert.Equal("major", incident.GetProperty("impact").GetString());
            Assert.Equal("investigating", incident.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, incident.GetProperty("resolved_at").ValueKind);
            Assert.Single(incident.GetProperty("incident_updates").EnumerateArray());
            var maintenance = Assert.Single(root.GetProperty("scheduled_maintenances").EnumerateArray());
            Assert.Equal("maintenance", maintenance.GetProperty("impact").GetString());
            Assert.Equal("scheduled", maintenance.GetProperty("status").GetString());
            Assert.Equal("partial_outage", components.Single(c => c.GetProperty("name").GetString() == "Public API").GetProperty("status").GetString());
            Assert.Equal("major", root.GetProperty("status").GetProperty("indicator").GetString());
            Assert.Equal("Partial System Outage", root.GetProperty("status").GetProperty("description").GetString());
        }
        finally
        {
            await DeleteIncidentAsync(incidentId);
        }
    }

    [Fact]
    public async Task Timestamps_have_milliseconds_and_the_page_time_zone_offset()
    {
        using var json = await GetJsonAsync("/status/demo/api/v2/components.json");
        var page = json.RootElement.GetProperty("page");
        Assert.Equal("Europe/Berlin", page.GetProperty("time_zone").GetString());
        var updatedAt = page.GetProperty("updated_at").GetString()!;
        Assert.Matches(Timestamp(), updatedAt);
        var parsed = DateTimeOffset.Parse(updatedAt, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin").GetUtcOffset(parsed), parsed.Offset);
        Assert.All(json.RootElement.GetProperty("components").EnumerateArray(), c => Assert.Matches(Timestamp(), c.GetProperty("created_at").GetString()!));
        var raw = await factory.CreatePublicClient().GetStringAsync("/status/demo/api/v2/status.json");
        Assert.DoesNotContain("\\u002B", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Indicator_follows_component_statuses()
    {
        var components = factory.Service<ComponentService>();
        var pageId = await factory.PageIdAsync("demo");
        var dashboard = (await components.ListAsync(pageId)).Single(c => c.Name == "Dashboard");
        await components.SetManualStatusAsync(dashboard.Id, ComponentStatus.MajorOutage);
        try
        {
            using var json = await GetJsonAsync("/status/demo/api/v2/status.json");
            Assert.Equal("critical", json.RootElement.GetProperty("status").GetProperty("indicator").GetString());
            Assert.Equal("Major Service Outage", json.RootElement.GetProperty("status").GetProperty("description").GetString());
        }
        finally
        {
            await components.ClearManualStatusAsync(dashboard.Id);
        }

        using var after = await GetJsonAsync("/status/demo/api/v2/status.json");
        Assert.Equal("none", after.RootElement.GetProperty("status").GetProperty("indicator").GetString());
    }

    [Fact]
    public async Task Resolved_incidents_are_listed_newest_first_with_their_timeline()
    {
        using var json = await GetJsonAsync("/status/demo/api/v2/incidents.json");
        var incident = json.RootElement.GetProperty("incidents").EnumerateArray().Single(i => i.GetProperty("name").GetString() == "Elevated webhook delivery latency");
        Assert.Equal("resolved", incident.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, incident.GetProperty("resolved_at").ValueKind);
        Assert.Equal(JsonValueKind.String, incident.GetProperty("monitoring_at").ValueKind);
        Assert.Equal(
            ["resolved", "monitoring", "identified", "investigating"],
            incident.GetProperty("incident_updates").EnumerateArray().Select(u => u.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Unchanged_page_answers_304_to_its_ETag_and_caches_publicly_for_ten_seconds()
    {
        using var client = factory.CreatePublicClient();
        using var first = await client.GetAsync("/status/demo/api/v2/summary.json");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.Equal("public, max-age=10", first.Headers.CacheControl?.ToString());

        using var request = new HttpRequestMessage(HttpMethod.Get, "/status/demo/api/v2/summary.json");
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, second.Headers.ETag);

        using var stale = new HttpRequestMessage(HttpMethod.Get, "/status/demo/api/v2/summary.json");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        using var third = await client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Scripts_on_other_sites_can_read_every_document_of_a_public_page(string document)
    {
        using var client = factory.CreatePublicClient();
        using var first = new HttpRequestMessage(HttpMethod.Get, $"/status/demo/api/v2/{document}");
        first.Headers.Add("Origin", "https://www.example.com");

        using var response = await client.SendAsync(first);
        using var revalidation = new HttpRequestMessage(HttpMethod.Get, $"/status/demo/api/v2/{document}");
        revalidation.Headers.Add("Origin", "https://www.example.com");
        revalidation.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var notModified = await client.SendAsync(revalidation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["*"], response.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(["*"], notModified.Headers.GetValues("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_private_page_does_not_open_its_documents_to_other_sites()
    {
        var token = (await factory.Service<StatusPageService>().RegenerateAccessTokenAsync(await factory.PageIdAsync("internal"))).AccessToken;
        using var client = factory.CreatePublicClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/status/internal/api/v2/summary.json?access_token={token}");
        request.Headers.Add("Origin", "https://www.example.com");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task ETag_changes_when_the_page_changes()
    {
        using var client = factory.CreatePublicClient();
        var before = (await client.GetAsync("/status/demo/api/v2/status.json")).Headers.ETag;
        var incidentId = await CreateIncidentAsync();
        try
        {
            var during = (await client.GetAsync("/status/demo/api/v2/status.json")).Headers.ETag;
            Assert.NotEqual(before, during);
        }
        finally
        {
            await DeleteIncidentAsync(incidentId);
        }
    }

    [Fact]
    public async Task Serialised_bytes_are_memoised_per_version()
    {
        var documents = factory.Service<StatuspageDocuments>();
        var snapshot = (await factory.Service<IStatusPageReader>().GetSnapshotBySlugAsync("demo", default))!;
        var first = documents.Prepare(snapshot, ApiDocument.Summary, "http://x/status/demo");
        var second = documents.Prepare(snapshot, ApiDocument.Summary, "http://x/status/demo");
        Assert.Equal(first.ETag, second.ETag);
        Assert.Same(first.Render(), second.Render());
    }

    [Theory]
    [InlineData("summary.json")]
    [InlineData("scheduled-maintenances.json")]
    public async Task A_recurring_window_in_progress_is_listed_once_with_its_active_occurrence(string document)
    {
        var pages = factory.Service<StatusPageService>();
        var slug = "daily-" + document.Replace(".json", string.Empty, StringComparison.Ordinal);
        var page = await pages.CreateAsync(new CreateStatusPage { Name = "Daily window", Slug = slug });
        try
        {
            var component = await factory.Service<ComponentService>().CreateAsync(new CreateComponent { PageId = page.Id, Name = "Db" });
            var maintenance = factory.Service<MaintenanceService>();
            var start = factory.Service<TimeProvider>().GetUtcNow().AddHours(1);
            var window = await maintenance.CreateAsync(new CreateMaintenanceWindow
            {
                PageId = page.Id, Title = "Nightly", StartsAt = start, EndsAt = start.AddHours(1),
                TimeZoneId = "UTC", Recurrence = "FREQ=DAILY", ComponentIds = [component.Id],
            });
            await maintenance.StartNowAsync(window.Id);

            using var json = await GetJsonAsync($"/status/{slug}/api/v2/{document}");
            var listed = Assert.Single(json.RootElement.GetProperty("scheduled_maintenances").EnumerateArray());
            Assert.Equal(window.Id.ToString(), listed.GetProperty("id").GetString());
            Assert.Equal("in_progress", listed.GetProperty("status").GetString());
        }
        finally
        {
            await pages.DeleteAsync(page.Id);
        }
    }

    [Fact]
    public async Task Page_updated_at_never_goes_back_and_follows_a_resolved_incident_and_a_new_window()
    {
        var pages = factory.Service<StatusPageService>();
        var page = await pages.CreateAsync(new CreateStatusPage { Name = "Updated at", Slug = "updated-at-follows-changes" });
        try
        {
            var incidents = factory.Service<StatusIncidentService>();
            var incident = await incidents.CreateAsync(new CreateStatusIncident
            {
                PageId = page.Id, Title = "Login errors", Message = "Investigating.", NotifySubscribers = false,
            });
            var whileOpen = await PageUpdatedAtAsync("/status/updated-at-follows-changes/api/v2/summary.json");
            await incidents.ResolveAsync(incident.Id, "Fixed.", notifySubscribers: false);

            using var afterResolve = await GetJsonAsync("/status/updated-at-follows-changes/api/v2/incidents.json");
            var resolvedAt = afterResolve.RootElement.GetProperty("incidents")[0].GetProperty("resolved_at").GetString()!;
            var start = factory.Service<TimeProvider>().GetUtcNow().AddDays(1);
            await factory.Service<MaintenanceService>().CreateAsync(new CreateMaintenanceWindow
            {
                PageId = page.Id, Title = "Database upgrade", StartsAt = start, EndsAt = start.AddHours(1), NotifySubscribers = false,
            });
            using var afterWindow = await GetJsonAsync("/status/updated-at-follows-changes/api/v2/scheduled-maintenances.json");

            var pageAfterResolve = afterResolve.RootElement.GetProperty("page").GetProperty("updated_at").GetString()!;
            var pageAfterWindow = afterWindow.RootElement.GetProperty("page").GetProperty("updated_at").GetString()!;
            Assert.True(Instant(pageAfterResolve) >= Instant(whileOpen), $"updated_at went back from {whileOpen} to {pageAfterResolve}");
            Assert.Equal(resolvedAt, pageAfterResolve);
            Assert.True(Instant(pageAfterWindow) >= Instant(pageAfterResolve), $"updated_at went back from {pageAfterResolve} to {pageAfterWindow}");
            Assert.Equal(afterWindow.RootElement.GetProperty("scheduled_maintenances")[0].GetProperty("updated_at").GetString(), pageAfterWindow);
        }
        finally
        {
            await pages.DeleteAsync(page.Id);
        }
    }

    [Fact]
    public async Task Deliver_notifications_says_whether_each_update_notified_subscribers_as_the_admin_read_does()
    {
        var pages = factory.Service<StatusPageService>();
        var page = await pages.CreateAsync(new CreateStatusPage { Name = "Deliver notifications", Slug = "deliver-notifications" });
        try
        {
            using var admin = factory.CreateAdminClient();
            using var created = await admin.PostAsJsonAsync(
                $"/status/admin/pages/{page.Id}/incidents", new { title = "Login errors", message = "Investigating.", notifySubscribers = false });
            var id = JsonDocument.Parse(await created.Content.ReadAsByteArrayAsync()).RootElement.GetProperty("id").GetGuid();
            using var told = await admin.PostAsJsonAsync($"/status/admin/incidents/{id}/updates", new { state = "identified", message = "Found it." });
            Assert.Equal(HttpStatusCode.Created, told.StatusCode);

            using var read = JsonDocument.Parse(await admin.GetByteArrayAsync($"/status/admin/incidents/{id}"));
            using var json = await GetJsonAsync("/status/deliver-notifications/api/v2/incidents.json");

            Assert.Equal(
                [false, true],
                read.RootElement.GetProperty("updates").EnumerateArray().Select(u => u.GetProperty("notifySubscribers").GetBoolean()));
            Assert.Equal(
                [true, false], // newest first
                json.RootElement.GetProperty("incidents")[0].GetProperty("incident_updates").EnumerateArray()
                    .Select(u => u.GetProperty("deliver_notifications").GetBoolean()));
        }
        finally
        {
            await pages.DeleteAsync(page.Id);
        }
    }

    [Fact]
    public async Task Memo_keeps_one_copy_per_page_and_document_whatever_the_Host_header()
    {
        var documents = factory.Service<StatuspageDocuments>();
        var memo = (System.Collections.ICollection)typeof(StatuspageDocuments)
            .GetField("_memo", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(documents)!;
        using var client = factory.CreatePublicClient();
        await client.GetStringAsync("/status/demo/api/v2/summary.json");
        var before = memo.Count;
        string last = string.Empty;
        for (var i = 0; i < 100; i++)
        {
            last = await client.GetStringAsync($"http://host-{i}.example/status/demo/api/v2/summary.json");
        }

        Assert.True(memo.Count - before <= 1, $"{memo.Count - before} new memo entries, each a full copy of summary.json");
        using var json = JsonDocument.Parse(last);
        Assert.Equal("http://host-99.example/status/demo", json.RootElement.GetProperty("page").GetProperty("url").GetString());
    }

    [Fact]
    public async Task Unknown_page_is_404()
    {
        using var client = factory.CreatePublicClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/status/no-such-page/api/v2/summary.json")).StatusCode);
    }

    private async Task<JsonDocument> GetJsonAsync(string path)
    {
        using var client = factory.CreatePublicClient();
        return JsonDocument.Parse(await client.GetByteArrayAsync(path));
    }

    private async Task<string> PageUpdatedAtAsync(string path)
    {
        using var json = await GetJsonAsync(path);
        return json.RootElement.GetProperty("page").GetProperty("updated_at").GetString()!;
    }

    private static DateTimeOffset Instant(string timestamp) =>
        DateTimeOffset.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture);

    private async Task<Guid> CreateIncidentAsync()
    {
        var pageId = await factory.PageIdAsync("demo");
        var publicApi = (await factory.Service<ComponentService>().ListAsync(pageId)).Single(c => c.Name == "Public API");
        using var admin = factory.CreateAdminClient();
        using var response = await admin.PostAsJsonAsync($"/status/admin/pages/{pageId}/incidents", new
        {
            title = "Database replica lag",
            message = "Reads may return stale data.",
            severity = "major",
            componentIds = new[] { publicApi.Id },
            notifySubscribers = false,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        return json.RootElement.GetProperty("id").GetGuid();
    }

    private async Task DeleteIncidentAsync(Guid incidentId)
    {
        using var admin = factory.CreateAdminClient();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/status/admin/incidents/{incidentId}")).StatusCode);
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$")]
    private static partial Regex Timestamp();
}
