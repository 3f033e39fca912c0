using System.Net;
using System.Text.Json;
using static StatusKit.AspNetCore.Tests.AdminCalls;
using static StatusKit.AspNetCore.Tests.AdminResponses;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// System metrics over HTTP: <c>GET/POST admin/pages/{id}/metrics</c>, <c>GET/PATCH/DELETE admin/metrics/{id}</c>,
/// <c>POST admin/metrics/{id}/points</c>, the public <c>api/v2/metrics.json</c> and the page's "System metrics" section.
/// </summary>
[Collection(SampleHostCollection.Name)]
public sealed class MetricRoutesTests(SampleHostFactory factory)
{
    [Fact]
    public async Task A_metric_is_created_listed_read_patched_and_deleted_with_its_ETag()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = Id(await CreatePageAsync(admin, "Metrics CRUD"));
        try
        {
            using var response = await Request(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/metrics",
                new { name = "API response time", suffix = "ms", description = "Median", decimals = 1 }, null);
            var location = response.Headers.Location?.OriginalString;
            var etag = response.Headers.ETag?.ToString();
            var created = await ReadAsync(response, HttpStatusCode.Created);
            var metricId = created.GetProperty("id").GetGuid();

            Assert.Equal($"/status/admin/metrics/{metricId}", location);
            Assert.Equal("\"1\"", etag);
            Assert.Equal(
                ("API response time", "ms", "Median", 1, true, pageId),
                (created.GetProperty("name").GetString(), created.GetProperty("suffix").GetString(), created.GetProperty("description").GetString(),
                    created.GetProperty("decimals").GetInt32(), created.GetProperty("visible").GetBoolean(), created.GetProperty("pageId").GetGuid()));
            var listed = await SendAsync(admin, HttpMethod.Get, $"/status/admin/pages/{pageId}/metrics");
            Assert.Equal([metricId], listed.Body.EnumerateArray().Select(m => m.GetProperty("id").GetGuid()));

            var read = await SendAsync(admin, HttpMethod.Get, location!);
            var patched = await SendAsync(admin, HttpMethod.Patch, location!, new { visible = false }, ifMatch: read.ETag);
            Assert.Equal(("\"2\"", false), (patched.ETag, patched.Body.GetProperty("visible").GetBoolean()));
            await AssertProblemAsync(await Request(admin, HttpMethod.Patch, location!, new { name = "Lost" }, read.ETag), HttpStatusCode.PreconditionFailed, "If-Match");
            await AssertProblemAsync(
                await Request(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/metrics", new { name = "API RESPONSE TIME" }, null), HttpStatusCode.Conflict, "name");

            using (var deleted = await Request(admin, HttpMethod.Delete, location!, null, patched.ETag))
            {
                Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
            }

            await AssertProblemAsync(await Request(admin, HttpMethod.Get, location!, null, null), HttpStatusCode.NotFound, "metricId");
        }
        finally
        {
            await DeletePageAsync(admin, pageId);
        }
    }

    [Fact]
    public async Task Points_submitted_as_a_batch_or_a_single_value_show_in_the_public_JSON_with_gaps_as_null()
    {
        using var admin = factory.CreateAdminClient();
        var page = await CreatePageAsync(admin, "Metrics JSON");
        var pageId = Id(page);
        var slug = page.Body.GetProperty("slug").GetString();
        try
        {
            var metric = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/metrics", new { name = "Error rate", suffix = "%", decimals = 2, description = "5xx + timeouts, über alles" }, expected: HttpStatusCode.Created);
            await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/metrics", new { name = "Hidden", visible = false }, expected: HttpStatusCode.Created);
            // Two points in one 5-minute bucket (from its start, so a second apart never straddles two).
            var bucket = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(-3).ToUnixTimeSeconds() / 300 * 300);
            var batch = await SendAsync(admin, HttpMethod.Post, $"/status/admin/metrics/{Id(metric)}/points",
                new { points = new[] { new { timestamp = bucket, value = 1.5 }, new { timestamp = bucket.AddSeconds(1), value = 2.5 } } });
            var single = await SendAsync(admin, HttpMethod.Post, $"/status/admin/metrics/{Id(metric)}/points", new { value = 0.25 });
            Assert.Equal((2, 1), (batch.Body.GetProperty("count").GetInt32(), single.Body.GetProperty("count").GetInt32()));

            using var client = factory.CreatePublicClient();
            using var response = await client.GetAsync($"/status/{slug}/api/v2/metrics.json");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotNull(response.Headers.ETag);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var root = json.RootElement;
            Assert.Equal(("day", 300), (root.GetProperty("range").GetString(), root.GetProperty("bucket_seconds").GetInt32()));
            var shown = Assert.Single(root.GetProperty("metrics").EnumerateArray());
            Assert.Equal(("Error rate", "%", 2), (shown.GetProperty("name").GetString(), shown.GetProperty("suffix").GetString(), shown.GetProperty("decimals").GetInt32()));

            // The ids the admin API and summary.json write (36 characters), and text as it is.
            Assert.Equal(pageId.ToString(), root.GetProperty("page").GetProperty("id").GetString());
            Assert.Equal(Id(metric).ToString(), shown.GetProperty("id").GetString());
            Assert.Contains("\"description\":\"5xx + timeouts, über alles\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(0.25, shown.GetProperty("latest").GetProperty("value").GetDouble());
            var points = shown.GetProperty("points").EnumerateArray().ToArray();
            Assert.Equal(288, points.Length);
            Assert.Contains(points, p => p.GetProperty("value").ValueKind == JsonValueKind.Number && p.GetProperty("value").GetDouble() == 2);
            Assert.Contains(points, p => p.GetProperty("value").ValueKind == JsonValueKind.Null);

            using var week = JsonDocument.Parse(await client.GetStringAsync($"/status/{slug}/api/v2/metrics.json?range=week"));
            Assert.Equal(168, week.RootElement.GetProperty("metrics")[0].GetProperty("points").GetArrayLength());
            using var month = JsonDocument.Parse(await client.GetStringAsync($"/status/{slug}/api/v2/metrics.json?range=month"));
            Assert.Equal(120, month.RootElement.GetProperty("metrics")[0].GetProperty("points").GetArrayLength());

            using var again = new HttpRequestMessage(HttpMethod.Get, $"/status/{slug}/api/v2/metrics.json");
            again.Headers.TryAddWithoutValidation("If-None-Match", response.Headers.ETag!.ToString());
            using var notModified = await client.SendAsync(again);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        }
        finally
        {
            await DeletePageAsync(admin, pageId);
        }
    }

    [Fact]
    public async Task A_single_value_in_the_future_is_refused_naming_timestamp()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = Id(await CreatePageAsync(admin, "Metrics future"));
        try
        {
            var metric = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/metrics", new { name = "Latency" }, expected: HttpStatusCode.Created);

            await AssertProblemAsync(
                await Request(admin, HttpMethod.Post, $"/status/admin/metrics/{Id(metric)}/points", new { value = 1, timestamp = DateTimeOffset.UtcNow.AddHours(1) }, null),
                HttpStatusCode.BadRequest,
                "timestamp");
        }
        finally
        {
            await DeletePageAsync(admin, pageId);
        }
    }

    [Fact]
    public async Task The_page_shows_a_System_metrics_section_only_while_it_has_a_visible_metric()
    {
        using var admin = factory.CreateAdminClient();
        var page = await CreatePageAsync(admin, "Metrics HTML");
        var pageId = Id(page);
        var slug = page.Body.GetProperty("slug").GetString();
        using var client = factory.CreatePublicClient();
        try
        {
            var without = await client.GetStringAsync($"/status/{slug}");
            Assert.DoesNotContain("System metrics", without, StringComparison.Ordinal);
            Assert.DoesNotContain("<svg class=\"metric-chart\"", without, StringComparison.Ordinal);

            var metric = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/metrics",
                new { name = "API <latency>", suffix = "ms", decimals = 1 }, expected: HttpStatusCode.Created);
            await SendAsync(admin, HttpMethod.Post, $"/status/admin/metrics/{Id(metric)}/points",
                new { points = new[] { new { timestamp = DateTimeOffset.UtcNow.AddMinutes(-30), value = 80.0 }, new { timestamp = DateTimeOffset.UtcNow, value = 123.45 } } });
            using var response = await client.GetAsync($"/status/{slug}");
            var html = await response.Content.ReadAsStringAsync();

            Assert.Contains("<h2 id=\"metrics-heading\">System metrics</h2>", html, StringComparison.Ordinal);
            Assert.Contains("API &lt;latency&gt;", html, StringComparison.Ordinal);
            Assert.DoesNotContain("API <latency>", html, StringComparison.Ordinal);
            Assert.Contains("<strong>123.5 ms</strong>", html, StringComparison.Ordinal);
            Assert.Contains("<title id=\"metric-", html, StringComparison.Ordinal);
            Assert.Contains("<desc id=\"metric-", html, StringComparison.Ordinal);
            Assert.Contains("<path fill=\"none\"", html, StringComparison.Ordinal);
            Assert.True(html.IndexOf("id=\"components\"", StringComparison.Ordinal) < html.IndexOf("id=\"metrics\"", StringComparison.Ordinal));
            Assert.DoesNotContain("style=", html[html.IndexOf("id=\"metrics\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
            Assert.Contains("script-src 'sha256-", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

            await SendAsync(admin, HttpMethod.Patch, $"/status/admin/metrics/{Id(metric)}", new { visible = false });
            Assert.DoesNotContain("System metrics", await client.GetStringAsync($"/status/{slug}"), StringComparison.Ordinal);
        }
        finally
        {
            await DeletePageAsync(admin, pageId);
        }
    }

    [Fact]
    public async Task Creating_patching_and_deleting_a_metric_is_audited_submitting_points_is_not()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = Id(await CreatePageAsync(admin, "Metrics audit"));
        try
        {
            var metric = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/metrics", new { name = "Latency" }, expected: HttpStatusCode.Created);
            await SendAsync(admin, HttpMethod.Post, $"/status/admin/metrics/{Id(metric)}/points", new { value = 3 });
            await SendAsync(admin, HttpMethod.Patch, $"/status/admin/metrics/{Id(metric)}", new { decimals = 2 });
            using (await Request(admin, HttpMethod.Delete, $"/status/admin/metrics/{Id(metric)}", null, null))
            {
            }

            var log = await SendAsync(admin, HttpMethod.Get, $"/status/admin/pages/{pageId}/audit-log?action=metric.");
            Assert.Equal(
                ["metric.deleted", "metric.updated", "metric.created"],
                log.Body.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        }
        finally
        {
            await DeletePageAsync(admin, pageId);
        }
    }

    [Fact]
    public async Task The_public_JSONs_refused_range_is_not_echoed_at_length()
    {
        using var client = factory.CreatePublicClient();

        using var response = await client.GetAsync("/status/demo/api/v2/metrics.json?range=" + new string('y', 5_000));

        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The range '" + new string('y', 40) + "…' is not one of day, week or month.", detail);
    }

    private static async Task DeletePageAsync(HttpClient admin, Guid pageId)
    {
        using var response = await admin.DeleteAsync($"/status/admin/pages/{pageId}");
    }
}
