using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static StatusKit.AspNetCore.Tests.AdminCalls;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// Every admin write that answers with a record, or that moves a record's version, carries the <c>ETag</c> of the
/// version it left: the one a read of that record then shows, so a client can send it as <c>If-Match</c> on its next
/// write without reading again. A page's visibility, access token and component order answer the page's.
/// </summary>
[Collection(SampleHostCollection.Name)]
public sealed partial class AdminWriteEntityTagTests(SampleHostFactory factory)
{
    /// <summary>What a write answered: its <c>ETag</c>, and the admin path that reads the record it versions.</summary>
    private sealed record Written(string? ETag, string ReadPath);

    // Each admin write route that answers 2xx with a record or moves one's version: arrange what it needs, then send it.
    private static readonly Dictionary<string, Func<HttpClient, Task<Written>>> Writes = new(StringComparer.Ordinal)
    {
        ["POST /pages"] = async admin =>
        {
            var page = await CreatePageAsync(admin, "ETag create");
            return new Written(page.ETag, $"pages/{Id(page)}");
        },
        ["PATCH /pages/{pageId}"] = async admin =>
        {
            var pageId = Id(await CreatePageAsync(admin, "ETag patch"));
            var patched = await SendAsync(admin, HttpMethod.Patch, $"/status/admin/pages/{pageId}", new { description = "Renamed" });
            return new Written(patched.ETag, $"pages/{pageId}");
        },
        ["POST /pages/{pageId}/visibility"] = async admin =>
        {
            var pageId = Id(await CreatePageAsync(admin, "ETag visibility"));
            var hidden = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/visibility", new { isPublic = false });
            return new Written(hidden.ETag, $"pages/{pageId}");
        },
        ["POST /pages/{pageId}/access-token"] = async admin =>
        {
            var pageId = Id(await CreatePageAsync(admin, "ETag token"));
            var token = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/access-token");
            return new Written(token.ETag, $"pages/{pageId}");
        },
        ["POST /pages/{pageId}/components"] = async admin =>
        {
            var component = await CreateComponentAsync(admin, Id(await CreatePageAsync(admin, "ETag component")), "API");
            return new Written(component.ETag, $"components/{Id(component)}");
        },
        ["PUT /pages/{pageId}/components/order"] = async admin =>
        {
            var pageId = Id(await CreatePageAsync(admin, "ETag reorder"));
            var a = await CreateComponentAsync(admin, pageId, "A");
            var b = await CreateComponentAsync(admin, pageId, "B");
            var reordered = await SendAsync(admin, HttpMethod.Put, $"/status/admin/pages/{pageId}/components/order", new { componentIds = new[] { Id(b), Id(a) } });
            return new Written(reordered.ETag, $"pages/{pageId}");
        },
        ["PATCH /components/{componentId}"] = async admin =>
        {
            var component = await CreateComponentAsync(admin, Id(await CreatePageAsync(admin, "ETag component patch")), "API");
            var patched = await SendAsync(admin, HttpMethod.Patch, $"/status/admin/components/{Id(component)}", new { name = "Public API" });
            return new Written(patched.ETag, $"components/{Id(component)}");
        },
        ["PUT /components/{componentId}/manual-status"] = async admin =>
        {
            var component = await CreateComponentAsync(admin, Id(await CreatePageAsync(admin, "ETag manual")), "API");
            var set = await SendAsync(admin, HttpMethod.Put, $"/status/admin/components/{Id(component)}/manual-status", new { status = "degradedPerformance" });
            return new Written(set.ETag, $"components/{Id(component)}");
        },
        ["DELETE /components/{componentId}/manual-status"] = async admin =>
        {
            var component = await CreateComponentAsync(admin, Id(await CreatePageAsync(admin, "ETag manual clear")), "API");
            await SendAsync(admin, HttpMethod.Put, $"/status/admin/components/{Id(component)}/manual-status", new { status = "degradedPerformance" });
            var cleared = await SendAsync(admin, HttpMethod.Delete, $"/status/admin/components/{Id(component)}/manual-status");
            return new Written(cleared.ETag, $"components/{Id(component)}");
        },
        ["POST /pages/{pageId}/incidents"] = async admin =>
        {
            var incident = await CreateIncidentAsync(admin, Id(await CreatePageAsync(admin, "ETag incident")));
            return new Written(incident.ETag, $"incidents/{Id(incident)}");
        },
        ["PATCH /incidents/{incidentId}"] = async admin =>
        {
            var incident = await CreateIncidentAsync(admin, Id(await CreatePageAsync(admin, "ETag incident patch")));
            var patched = await SendAsync(admin, HttpMethod.Patch, $"/status/admin/incidents/{Id(incident)}", new { title = "Slower" });
            return new Written(patched.ETag, $"incidents/{Id(incident)}");
        },
        ["POST /pages/{pageId}/incident-templates"] = async admin =>
        {
            var template = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{Id(await CreatePageAsync(admin, "ETag template"))}/incident-templates",
                new { name = "N", title = "T", message = "M" }, expected: HttpStatusCode.Created);
            return new Written(template.ETag, $"incident-templates/{Id(template)}");
        },
        ["PATCH /incident-templates/{templateId}"] = async admin =>
        {
            var template = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{Id(await CreatePageAsync(admin, "ETag template patch"))}/incident-templates",
                new { name = "N", title = "T", message = "M" }, expected: HttpStatusCode.Created);
            var patched = await SendAsync(admin, HttpMethod.Patch, $"/status/admin/incident-templates/{Id(template)}", new { title = "T2" });
            return new Written(patched.ETag, $"incident-templates/{Id(template)}");
        },
        ["POST /pages/{pageId}/metrics"] = async admin =>
        {
            var metric = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{Id(await CreatePageAsync(admin, "ETag metric"))}/metrics",
                new { name = "Latency" }, expected: HttpStatusCode.Created);
            return new Written(metric.ETag, $"metrics/{Id(metric)}");
        },
        ["PATCH /metrics/{metricId}"] = async admin =>
        {
            var metric = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{Id(await CreatePageAsync(admin, "ETag metric patch"))}/metrics",
                new { name = "Latency" }, expected: HttpStatusCode.Created);
            var patched = await SendAsync(admin, HttpMethod.Patch, $"/status/admin/metrics/{Id(metric)}", new { suffix = "ms" });
            return new Written(patched.ETag, $"metrics/{Id(metric)}");
        },
        ["POST /incidents/{incidentId}/updates"] = async admin =>
        {
            var incident = await CreateIncidentAsync(admin, Id(await CreatePageAsync(admin, "ETag incident update")));
            var updated = await SendAsync(
                admin, HttpMethod.Post, $"/status/admin/incidents/{Id(incident)}/updates", new { state = "identified", message = "Found it", notifySubscribers = false },
                expected: HttpStatusCode.Created);
            return new Written(updated.ETag, $"incidents/{Id(incident)}");
        },
        ["PUT /incidents/{incidentId}/postmortem"] = async admin =>
        {
            var incident = await ResolvedIncidentAsync(admin, Id(await CreatePageAsync(admin, "ETag postmortem")));
            var published = await SendAsync(admin, HttpMethod.Put, $"/status/admin/incidents/{Id(incident)}/postmortem", new { body = "What happened." });
            return new Written(published.ETag, $"incidents/{Id(incident)}");
        },
        ["DELETE /incidents/{incidentId}/postmortem"] = async admin =>
        {
            var incident = await ResolvedIncidentAsync(admin, Id(await CreatePageAsync(admin, "ETag postmortem removal")));
            await SendAsync(admin, HttpMethod.Put, $"/status/admin/incidents/{Id(incident)}/postmortem", new { body = "What happened." });
            var removed = await SendAsync(admin, HttpMethod.Delete, $"/status/admin/incidents/{Id(incident)}/postmortem");
            return new Written(removed.ETag, $"incidents/{Id(incident)}");
        },
        ["POST /pages/{pageId}/subscribers"] = async admin =>
        {
            var subscriber = await CreateSubscriberAsync(admin, Id(await CreatePageAsync(admin, "ETag subscriber")));
            return new Written(subscriber.ETag, $"subscribers/{Id(subscriber)}");
        },
        ["PATCH /subscribers/{subscriberId}"] = async admin =>
        {
            var subscriber = await CreateSubscriberAsync(admin, Id(await CreatePageAsync(admin, "ETag subscriber patch")));
            var patched = await SendAsync(admin, HttpMethod.Patch, $"/status/admin/subscribers/{Id(subscriber)}", new { notifyOn = new[] { "outage" } });
            return new Written(patched.ETag, $"subscribers/{Id(subscriber)}");
        },
        ["POST /subscribers/{subscriberId}/deactivate"] = async admin =>
        {
            var subscriber = await CreateSubscriberAsync(admin, Id(await CreatePageAsync(admin, "ETag deactivate")));
            var deactivated = await SendAsync(admin, HttpMethod.Post, $"/status/admin/subscribers/{Id(subscriber)}/deactivate");
            return new Written(deactivated.ETag, $"subscribers/{Id(subscriber)}");
        },
        ["POST /subscribers/{subscriberId}/reactivate"] = async admin =>
        {
            var subscriber = await CreateSubscriberAsync(admin, Id(await CreatePageAsync(admin, "ETag reactivate")));
            await SendAsync(admin, HttpMethod.Post, $"/status/admin/subscribers/{Id(subscriber)}/deactivate");
            var reactivated = await SendAsync(admin, HttpMethod.Post, $"/status/admin/subscribers/{Id(subscriber)}/reactivate");
            return new Written(reactivated.ETag, $"subscribers/{Id(subscriber)}");
        },
        ["POST /subscribers/{subscriberId}/signing-secret"] = async admin =>
        {
            var subscriber = await SendAsync(
                admin, HttpMethod.Post, $"/status/admin/pages/{Id(await CreatePageAsync(admin, "ETag rotate"))}/subscribers",
                new { channel = "webhook", destination = "http://127.0.0.1:5099/sample/etag-rotate" }, expected: HttpStatusCode.Created);
            var rotated = await SendAsync(admin, HttpMethod.Post, $"/status/admin/subscribers/{Id(subscriber)}/signing-secret");
            return new Written(rotated.ETag, $"subscribers/{Id(subscriber)}");
        },
        ["POST /pages/{pageId}/maintenance"] = async admin =>
        {
            var window = await CreateWindowAsync(admin, Id(await CreatePageAsync(admin, "ETag maintenance")));
            return new Written(window.ETag, $"maintenance/{Id(window)}");
        },
        ["PATCH /maintenance/{windowId}"] = async admin =>
        {
            var window = await CreateWindowAsync(admin, Id(await CreatePageAsync(admin, "ETag maintenance patch")));
            var patched = await SendAsync(admin, HttpMethod.Patch, $"/status/admin/maintenance/{Id(window)}", new { title = "Disk swap, part 2" });
            return new Written(patched.ETag, $"maintenance/{Id(window)}");
        },
        ["POST /maintenance/{windowId}/cancel"] = async admin =>
        {
            var window = await CreateWindowAsync(admin, Id(await CreatePageAsync(admin, "ETag maintenance cancel")));
            var cancelled = await SendAsync(admin, HttpMethod.Post, $"/status/admin/maintenance/{Id(window)}/cancel");
            return new Written(cancelled.ETag, $"maintenance/{Id(window)}");
        },
        ["POST /maintenance/{windowId}/start"] = async admin =>
        {
            var window = await CreateWindowAsync(admin, Id(await CreatePageAsync(admin, "ETag maintenance start")));
            var started = await SendAsync(admin, HttpMethod.Post, $"/status/admin/maintenance/{Id(window)}/start");
            return new Written(started.ETag, $"maintenance/{Id(window)}");
        },
        ["POST /maintenance/{windowId}/complete"] = async admin =>
        {
            var window = await CreateWindowAsync(admin, Id(await CreatePageAsync(admin, "ETag maintenance complete")));
            await SendAsync(admin, HttpMethod.Post, $"/status/admin/maintenance/{Id(window)}/start");
            var completed = await SendAsync(admin, HttpMethod.Post, $"/status/admin/maintenance/{Id(window)}/complete");
            return new Written(completed.ETag, $"maintenance/{Id(window)}");
        },
    };

    // Writes that leave no record to tag: the deletes (204) and an incident signal (202, the platform's incident).
    private static readonly HashSet<string> Untagged = new(StringComparer.Ordinal)
    {
        "DELETE /pages/{pageId}", "DELETE /components/{componentId}", "DELETE /incidents/{incidentId}",
        "DELETE /subscribers/{subscriberId}", "DELETE /maintenance/{windowId}", "DELETE /incident-templates/{templateId}", "POST /signals",
        "DELETE /metrics/{metricId}",
        "POST /metrics/{metricId}/points", // adds data points, which have no version, and leaves the metric's as it was
        "POST /subscribers/{subscriberId}/test", // queues a notice, which has no version, and leaves the subscriber's as it was
        "POST /pages/{pageId}/import/cachet/components", // adds many components at once: it answers their ids in a report, with no one record's version
        "POST /pages/{pageId}/import/cachet/incidents", // adds many incidents at once: it answers their ids in a report, with no one record's version
        "POST /pages/{pageId}/import/cachet/schedules", // adds many windows at once: it answers their ids in a report, with no one record's version
        "POST /pages/{pageId}/import/statuspage", // adds many incidents at once: it answers their ids in a report, with no one record's version
        "POST /pages/{pageId}/import/statuspage/components", // adds many components at once: it answers their ids in a report, with no one record's version
        "POST /pages/{pageId}/import/statuspage/maintenances", // adds many windows at once: it answers their ids in a report, with no one record's version
        "POST /pages/{pageId}/import/subscribers", // adds many subscribers at once: it answers their ids in a report, with no one record's version
    };

    /// <summary>The admin write routes that answer an <c>ETag</c> (<c>METHOD /path</c> under the admin prefix, without route constraints).</summary>
    internal static IReadOnlyCollection<string> TaggedWriteRoutes => Writes.Keys;

    public static TheoryData<string> WriteRoutes() => [.. Writes.Keys];

    [Theory]
    [MemberData(nameof(WriteRoutes))]
    public async Task A_write_answers_the_ETag_a_read_of_its_record_then_shows(string route)
    {
        using var admin = factory.CreateAdminClient();

        var written = await Writes[route](admin);

        Assert.True(written.ETag is not null, $"{route} answered without an ETag.");
        var read = await SendAsync(admin, HttpMethod.Get, $"/status/admin/{written.ReadPath}");
        Assert.Equal(read.ETag, written.ETag);
    }

    [Fact]
    public void Every_admin_write_route_is_either_tagged_or_leaves_no_record()
    {
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/status/admin/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, RawText: e.RoutePattern.RawText!)))
            .Where(r => r.Method is "POST" or "PUT" or "PATCH" or "DELETE")
            .Select(r => $"{r.Method} {Constraint().Replace(r.RawText["/status/admin".Length..], "}")}")
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(routes.Order(StringComparer.Ordinal), Writes.Keys.Concat(Untagged).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Page_writes_chained_on_the_ETags_they_answer_apply_without_reading_the_page_again()
    {
        using var admin = factory.CreateAdminClient();
        var page = await CreatePageAsync(admin, "ETag chain");
        var pageId = Id(page);
        var a = await CreateComponentAsync(admin, pageId, "A");
        var b = await CreateComponentAsync(admin, pageId, "B");

        var hidden = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/visibility", new { isPublic = false }, ifMatch: page.ETag);
        var token = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/access-token", ifMatch: hidden.ETag);
        var reordered = await SendAsync(admin, HttpMethod.Put, $"/status/admin/pages/{pageId}/components/order", new { componentIds = new[] { Id(b), Id(a) } }, ifMatch: token.ETag);
        var renamed = await SendAsync(admin, HttpMethod.Patch, $"/status/admin/pages/{pageId}", new { name = "ETag chain, renamed" }, ifMatch: reordered.ETag);

        Assert.Equal(("\"2\"", "\"3\"", "\"4\"", "\"5\""), (hidden.ETag, token.ETag, reordered.ETag, renamed.ETag));
    }

    [Fact]
    public async Task A_reorder_that_changes_no_place_answers_the_pages_unchanged_ETag()
    {
        using var admin = factory.CreateAdminClient();
        var page = await CreatePageAsync(admin, "ETag same order");
        var pageId = Id(page);
        var a = await CreateComponentAsync(admin, pageId, "A");
        var b = await CreateComponentAsync(admin, pageId, "B");
        var order = new { componentIds = new[] { Id(a), Id(b) } };
        await SendAsync(admin, HttpMethod.Put, $"/status/admin/pages/{pageId}/components/order", order);
        var before = await SendAsync(admin, HttpMethod.Get, $"/status/admin/pages/{pageId}");

        var again = await SendAsync(admin, HttpMethod.Put, $"/status/admin/pages/{pageId}/components/order", order, ifMatch: before.ETag);

        Assert.Equal(before.ETag, again.ETag);
    }

    private static Task<(System.Text.Json.JsonElement Body, string? ETag)> CreateComponentAsync(HttpClient admin, Guid pageId, string name) =>
        SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/components", new { name }, expected: HttpStatusCode.Created);

    private static Task<(System.Text.Json.JsonElement Body, string? ETag)> CreateIncidentAsync(HttpClient admin, Guid pageId) =>
        SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/incidents", new { title = "Slow", message = "Looking", notifySubscribers = false }, expected: HttpStatusCode.Created);

    private static async Task<(System.Text.Json.JsonElement Body, string? ETag)> ResolvedIncidentAsync(HttpClient admin, Guid pageId)
    {
        var incident = await CreateIncidentAsync(admin, pageId);
        return await SendAsync(
            admin, HttpMethod.Post, $"/status/admin/incidents/{Id(incident)}/updates", new { state = "resolved", message = "Fixed", notifySubscribers = false },
            expected: HttpStatusCode.Created);
    }

    private static Task<(System.Text.Json.JsonElement Body, string? ETag)> CreateSubscriberAsync(HttpClient admin, Guid pageId) =>
        SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/subscribers", new { channel = "email", destination = "etag@example.com" }, expected: HttpStatusCode.Created);

    private static Task<(System.Text.Json.JsonElement Body, string? ETag)> CreateWindowAsync(HttpClient admin, Guid pageId)
    {
        var start = DateTimeOffset.UtcNow.AddDays(2);
        return SendAsync(
            admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/maintenance", new { title = "Disk swap", startsAt = start, endsAt = start.AddHours(1), notifySubscribers = false },
            expected: HttpStatusCode.Created);
    }

    [GeneratedRegex(":[a-z]+}")]
    private static partial Regex Constraint();
}
