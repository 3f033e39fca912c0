using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.TestSupport.Fakes;
using static StatusKit.AspNetCore.Tests.AdminCalls;
using static StatusKit.AspNetCore.Tests.AdminResponses;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// Optimistic concurrency over HTTP: single records carry an <c>ETag</c> of their version, and writes honour
/// <c>If-Match</c> (RFC 9110 §13.1.1) with 412 problem details when it fails, through the sample host.
/// </summary>
[Collection(SampleHostCollection.Name)]
public sealed class AdminPreconditionTests(SampleHostFactory factory)
{
    [Fact]
    public async Task Every_single_record_is_answered_with_the_ETag_of_the_version_its_JSON_shows()
    {
        using var admin = factory.CreateAdminClient();
        var page = await CreatePageAsync(admin, "ETags");
        var pageId = page.Body.GetProperty("id").GetGuid();
        var component = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/components", new { name = "API" }, expected: HttpStatusCode.Created);
        var incident = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/incidents", new { title = "Slow", message = "Looking", notifySubscribers = false }, expected: HttpStatusCode.Created);
        var subscriber = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/subscribers", new { channel = "email", destination = "etag@example.com" }, expected: HttpStatusCode.Created);
        var start = DateTimeOffset.UtcNow.AddDays(2);
        var window = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/maintenance", new { title = "Disk swap", startsAt = start, endsAt = start.AddHours(1), notifySubscribers = false }, expected: HttpStatusCode.Created);

        foreach (var (created, path) in new[]
                 {
                     (page, $"pages/{pageId}"), (component, $"components/{Id(component)}"), (incident, $"incidents/{Id(incident)}"),
                     (subscriber, $"subscribers/{Id(subscriber)}"), (window, $"maintenance/{Id(window)}"),
                 })
        {
            Assert.Equal("\"1\"", created.ETag);
            Assert.Equal(1, created.Body.GetProperty("version").GetInt64());
            var fetched = await SendAsync(admin, HttpMethod.Get, $"/status/admin/{path}");
            Assert.Equal(("\"1\"", 1L), (fetched.ETag, fetched.Body.GetProperty("version").GetInt64()));
        }
    }

    [Fact]
    public async Task A_patch_with_the_current_ETag_applies_and_answers_the_next_one()
    {
        using var admin = factory.CreateAdminClient();
        var page = await CreatePageAsync(admin, "Current ETag");

        var patched = await SendAsync(admin, HttpMethod.Patch, $"/status/admin/pages/{Id(page)}", new { name = "Renamed" }, ifMatch: page.ETag);

        Assert.Equal(("\"2\"", 2L, "Renamed"), (patched.ETag, patched.Body.GetProperty("version").GetInt64(), patched.Body.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task A_patch_with_a_stale_ETag_is_412_problem_details_and_changes_nothing()
    {
        using var admin = factory.CreateAdminClient();
        var page = await CreatePageAsync(admin, "Stale ETag");
        var component = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{Id(page)}/components", new { name = "API" }, expected: HttpStatusCode.Created);
        // Another operator changes the component first.
        await SendAsync(admin, HttpMethod.Put, $"/status/admin/components/{Id(component)}/manual-status", new { status = "majorOutage" });

        using var stale = await Request(admin, HttpMethod.Patch, $"/status/admin/components/{Id(component)}", new { name = "Lost rename" }, component.ETag);

        await AssertProblemAsync(stale, HttpStatusCode.PreconditionFailed, "If-Match");
        var stored = await SendAsync(admin, HttpMethod.Get, $"/status/admin/components/{Id(component)}");
        Assert.Equal(("API", "majorOutage", "\"2\""), (stored.Body.GetProperty("name").GetString(), stored.Body.GetProperty("manualStatus").GetString(), stored.ETag));
    }

    [Fact]
    public async Task A_patch_whose_body_carries_expectedVersion_is_a_400_naming_it_and_pointing_to_If_Match_and_changes_nothing()
    {
        using var admin = factory.CreateAdminClient();
        var page = await CreatePageAsync(admin, "Version in body");
        var pageId = Id(page);
        var component = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/components", new { name = "API" }, expected: HttpStatusCode.Created);
        var incident = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/incidents", new { title = "Slow", message = "Looking", notifySubscribers = false }, expected: HttpStatusCode.Created);
        var template = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/incident-templates", new { name = "Slow", title = "Slow", message = "Looking" }, expected: HttpStatusCode.Created);
        var subscriber = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/subscribers", new { channel = "email", destination = "version@example.com" }, expected: HttpStatusCode.Created);
        var start = DateTimeOffset.UtcNow.AddDays(2);
        var window = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/maintenance", new { title = "Disk swap", startsAt = start, endsAt = start.AddHours(1), notifySubscribers = false }, expected: HttpStatusCode.Created);

        foreach (var path in new[]
                 {
                     $"pages/{pageId}", $"components/{Id(component)}", $"incidents/{Id(incident)}", $"incident-templates/{Id(template)}",
                     $"subscribers/{Id(subscriber)}", $"maintenance/{Id(window)}",
                 })
        {
            // A client that thinks the body's version guards the write must hear that it does not.
            using var refused = await Request(admin, HttpMethod.Patch, $"/status/admin/{path}", new { expectedVersion = 1 }, ifMatch: null);

            var detail = await refused.Content.ReadAsStringAsync();
            await AssertProblemAsync(refused, HttpStatusCode.BadRequest, "expectedVersion");
            Assert.Contains("If-Match", detail, StringComparison.Ordinal);
            Assert.Equal("\"1\"", (await SendAsync(admin, HttpMethod.Get, $"/status/admin/{path}")).ETag);
        }
    }

    [Fact]
    public async Task A_patch_without_If_Match_applies_its_own_fields_over_a_concurrent_change()
    {
        using var admin = factory.CreateAdminClient();
        var page = await CreatePageAsync(admin, "No If-Match");
        var component = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{Id(page)}/components", new { name = "API" }, expected: HttpStatusCode.Created);
        await SendAsync(admin, HttpMethod.Put, $"/status/admin/components/{Id(component)}/manual-status", new { status = "majorOutage" });

        var renamed = await SendAsync(admin, HttpMethod.Patch, $"/status/admin/components/{Id(component)}", new { name = "Public API" });

        Assert.Equal(("Public API", "majorOutage", "\"3\""), (renamed.Body.GetProperty("name").GetString(), renamed.Body.GetProperty("manualStatus").GetString(), renamed.ETag));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("\"1")]
    [InlineData("W/")]
    [InlineData("\"1\" \"2\"")]
    [InlineData(",")]
    public async Task A_malformed_If_Match_is_412_problem_details_and_changes_nothing(string ifMatch)
    {
        using var admin = factory.CreateAdminClient();
        var page = await CreatePageAsync(admin, "Malformed If-Match");

        using var response = await Request(admin, HttpMethod.Patch, $"/status/admin/pages/{Id(page)}", new { name = "Renamed" }, ifMatch);

        await AssertProblemAsync(response, HttpStatusCode.PreconditionFailed, "If-Match");
        Assert.Equal("\"1\"", (await SendAsync(admin, HttpMethod.Get, $"/status/admin/pages/{Id(page)}")).ETag);
    }

    [Theory]
    [InlineData("W/\"1\"")]
    [InlineData("\"01\"")]
    [InlineData("\"abc\"")]
    public async Task An_If_Match_that_does_not_strongly_match_the_version_is_412(string ifMatch)
    {
        using var admin = factory.CreateAdminClient();
        var page = await CreatePageAsync(admin, "Weak If-Match");

        using var response = await Request(admin, HttpMethod.Patch, $"/status/admin/pages/{Id(page)}", new { name = "Renamed" }, ifMatch);

        await AssertProblemAsync(response, HttpStatusCode.PreconditionFailed, "If-Match");
    }

    [Theory]
    [InlineData("\"7\", \"1\"")]
    [InlineData("*")]
    public async Task An_If_Match_listing_the_current_version_or_a_star_applies(string ifMatch)
    {
        using var admin = factory.CreateAdminClient();
        var page = await CreatePageAsync(admin, "Listed If-Match");

        var patched = await SendAsync(admin, HttpMethod.Patch, $"/status/admin/pages/{Id(page)}", new { name = "Renamed" }, ifMatch: ifMatch);

        Assert.Equal("\"2\"", patched.ETag);
    }

    [Fact]
    public async Task If_Match_on_a_missing_record_is_412_even_with_a_star()
    {
        using var admin = factory.CreateAdminClient();

        using var patch = await Request(admin, HttpMethod.Patch, $"/status/admin/components/{Guid.NewGuid()}", new { name = "x" }, "*");
        using var delete = await Request(admin, HttpMethod.Delete, $"/status/admin/incidents/{Guid.NewGuid()}", null, "\"1\"");

        await AssertProblemAsync(patch, HttpStatusCode.PreconditionFailed, "If-Match");
        await AssertProblemAsync(delete, HttpStatusCode.PreconditionFailed, "If-Match");
    }

    [Fact]
    public async Task Deletes_honour_If_Match()
    {
        using var admin = factory.CreateAdminClient();
        var page = await CreatePageAsync(admin, "Deletes");
        var pageId = Id(page);
        var component = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/components", new { name = "API" }, expected: HttpStatusCode.Created);
        var incident = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/incidents", new { title = "Slow", message = "Looking", notifySubscribers = false }, expected: HttpStatusCode.Created);
        var subscriber = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/subscribers", new { channel = "email", destination = "deletes@example.com" }, expected: HttpStatusCode.Created);
        var start = DateTimeOffset.UtcNow.AddDays(2);
        var window = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/maintenance", new { title = "Disk swap", startsAt = start, endsAt = start.AddHours(1), notifySubscribers = false }, expected: HttpStatusCode.Created);

        foreach (var path in new[] { $"components/{Id(component)}", $"incidents/{Id(incident)}", $"subscribers/{Id(subscriber)}", $"maintenance/{Id(window)}", $"pages/{pageId}" })
        {
            using var stale = await Request(admin, HttpMethod.Delete, $"/status/admin/{path}", null, "\"2\"");
            await AssertProblemAsync(stale, HttpStatusCode.PreconditionFailed, "If-Match");
            using var kept = await admin.GetAsync($"/status/admin/{path}");
            Assert.Equal(HttpStatusCode.OK, kept.StatusCode);

            using var current = await Request(admin, HttpMethod.Delete, $"/status/admin/{path}", null, "\"1\"");
            Assert.Equal(HttpStatusCode.NoContent, current.StatusCode);
        }
    }

    [Fact]
    public async Task Manual_status_and_incident_and_maintenance_writes_honour_If_Match()
    {
        using var admin = factory.CreateAdminClient();
        var page = await CreatePageAsync(admin, "Writes");
        var pageId = Id(page);
        var component = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/components", new { name = "API" }, expected: HttpStatusCode.Created);
        var incident = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/incidents", new { title = "Slow", message = "Looking", notifySubscribers = false }, expected: HttpStatusCode.Created);
        var start = DateTimeOffset.UtcNow.AddDays(2);
        var window = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/maintenance", new { title = "Disk swap", startsAt = start, endsAt = start.AddHours(1), notifySubscribers = false }, expected: HttpStatusCode.Created);
        var subscriber = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/subscribers", new { channel = "email", destination = "writes@example.com" }, expected: HttpStatusCode.Created);
        // An appended update moves the incident's version too.
        var updated = await SendAsync(admin, HttpMethod.Post, $"/status/admin/incidents/{Id(incident)}/updates", new { state = "monitoring", message = "Fix out", notifySubscribers = false }, expected: HttpStatusCode.Created);
        Assert.Equal("\"2\"", updated.ETag);

        var writes = new (HttpMethod Method, string Path, object? Body, string Expected)[]
        {
            (HttpMethod.Put, $"components/{Id(component)}/manual-status", new { status = "partialOutage" }, "\"2\""),
            (HttpMethod.Delete, $"components/{Id(component)}/manual-status", null, "\"3\""),
            (HttpMethod.Patch, $"incidents/{Id(incident)}", new { title = "Slower" }, "\"3\""),
            (HttpMethod.Patch, $"maintenance/{Id(window)}", new { title = "Disk swap 2" }, "\"2\""),
            (HttpMethod.Patch, $"subscribers/{Id(subscriber)}", new { notifyOn = new[] { "outage" } }, "\"2\""),
            (HttpMethod.Post, $"subscribers/{Id(subscriber)}/deactivate", null, "\"3\""),
            (HttpMethod.Post, $"subscribers/{Id(subscriber)}/reactivate", null, "\"4\""),
        };
        foreach (var (method, path, body, expected) in writes)
        {
            using var stale = await Request(admin, method, $"/status/admin/{path}", body, "\"0\", \"9\"");
            await AssertProblemAsync(stale, HttpStatusCode.PreconditionFailed, "If-Match");

            var applied = await SendAsync(admin, method, $"/status/admin/{path}", body, ifMatch: $"\"{long.Parse(expected.Trim('"'), System.Globalization.CultureInfo.InvariantCulture) - 1}\"");
            Assert.Equal(expected, applied.ETag);
        }
    }

    [Fact]
    public async Task Page_visibility_and_access_token_honour_If_Match_on_the_pages_ETag()
    {
        using var admin = factory.CreateAdminClient();
        var page = await CreatePageAsync(admin, "Visibility");
        var pageId = Id(page);

        using var staleVisibility = await Request(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/visibility", new { isPublic = false }, "\"0\", \"9\"");
        await AssertProblemAsync(staleVisibility, HttpStatusCode.PreconditionFailed, "If-Match");
        var kept = await SendAsync(admin, HttpMethod.Get, $"/status/admin/pages/{pageId}");
        Assert.Equal((true, "\"1\""), (kept.Body.GetProperty("isPublic").GetBoolean(), kept.ETag));

        var madePrivate = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/visibility", new { isPublic = false }, ifMatch: "\"1\"");
        Assert.Equal(64, madePrivate.Body.GetProperty("accessToken").GetString()!.Length);

        using var staleToken = await Request(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/access-token", null, "\"1\"");
        await AssertProblemAsync(staleToken, HttpStatusCode.PreconditionFailed, "If-Match");
        var regenerated = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/access-token", ifMatch: "\"2\"");
        Assert.NotEqual(madePrivate.Body.GetProperty("accessToken").GetString(), regenerated.Body.GetProperty("accessToken").GetString());
        Assert.Equal("\"3\"", (await SendAsync(admin, HttpMethod.Get, $"/status/admin/pages/{pageId}")).ETag);
    }

    [Fact]
    public async Task A_reorder_honours_If_Match_on_the_pages_ETag_and_moves_it_so_a_concurrent_reorder_is_not_overwritten()
    {
        using var admin = factory.CreateAdminClient();
        var page = await CreatePageAsync(admin, "Reorder");
        var pageId = Id(page);
        var a = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/components", new { name = "A" }, expected: HttpStatusCode.Created);
        var b = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/components", new { name = "B" }, expected: HttpStatusCode.Created);
        var path = $"/status/admin/pages/{pageId}/components/order";

        var reordered = await SendAsync(admin, HttpMethod.Put, path, new { componentIds = new[] { Id(b), Id(a) } }, ifMatch: page.ETag);
        // A second operator, who read the page before that reorder, is refused rather than undoing it.
        using var stale = await Request(admin, HttpMethod.Put, path, new { componentIds = new[] { Id(a), Id(b) } }, page.ETag);

        Assert.Equal([Id(b), Id(a)], reordered.Body.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
        await AssertProblemAsync(stale, HttpStatusCode.PreconditionFailed, "If-Match");
        var listed = await SendAsync(admin, HttpMethod.Get, $"/status/admin/pages/{pageId}/components");
        Assert.Equal([Id(b), Id(a)], listed.Body.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
        Assert.Equal("\"2\"", (await SendAsync(admin, HttpMethod.Get, $"/status/admin/pages/{pageId}")).ETag);
    }

    [Fact]
    public async Task Maintenance_cancel_start_and_complete_honour_If_Match()
    {
        using var admin = factory.CreateAdminClient();
        var page = await CreatePageAsync(admin, "Transitions");
        var start = DateTimeOffset.UtcNow.AddDays(2);
        var body = new { title = "Disk swap", startsAt = start, endsAt = start.AddHours(1), notifySubscribers = false };
        var started = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{Id(page)}/maintenance", body, expected: HttpStatusCode.Created);
        var cancelled = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{Id(page)}/maintenance", body, expected: HttpStatusCode.Created);

        var transitions = new (string Path, string State, string Expected)[]
        {
            ($"maintenance/{Id(started)}/start", "inProgress", "\"2\""),
            ($"maintenance/{Id(started)}/complete", "completed", "\"3\""),
            ($"maintenance/{Id(cancelled)}/cancel", "cancelled", "\"2\""),
        };
        foreach (var (path, state, expected) in transitions)
        {
            using var stale = await Request(admin, HttpMethod.Post, $"/status/admin/{path}", null, "\"0\", \"9\"");
            await AssertProblemAsync(stale, HttpStatusCode.PreconditionFailed, "If-Match");

            var ifMatch = $"\"{long.Parse(expected.Trim('"'), System.Globalization.CultureInfo.InvariantCulture) - 1}\"";
            var applied = await SendAsync(admin, HttpMethod.Post, $"/status/admin/{path}", ifMatch: ifMatch);
            Assert.Equal((expected, state), (applied.ETag, applied.Body.GetProperty("state").GetString()));
        }
    }

    [Fact]
    public async Task A_transition_the_windows_state_refuses_is_409_naming_state_in_words_and_changes_nothing()
    {
        using var admin = factory.CreateAdminClient();
        var page = await CreatePageAsync(admin, "Refused transitions");
        var start = DateTimeOffset.UtcNow.AddDays(2);
        var window = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{Id(page)}/maintenance",
            new { title = "Disk swap", startsAt = start, endsAt = start.AddHours(1), notifySubscribers = false }, expected: HttpStatusCode.Created);
        await SendAsync(admin, HttpMethod.Post, $"/status/admin/maintenance/{Id(window)}/cancel");

        foreach (var (method, path, body) in new (HttpMethod, string, object?)[]
                 {
                     (HttpMethod.Post, "start", null), (HttpMethod.Post, "complete", null), (HttpMethod.Patch, "", new { title = "Later" }),
                 })
        {
            using var refused = await Request(admin, method, $"/status/admin/maintenance/{Id(window)}{(path.Length > 0 ? "/" + path : "")}", body, null);
            await AssertProblemAsync(refused, HttpStatusCode.Conflict, "state");
            using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
            Assert.StartsWith("The window is cancelled; only a window that is ", problem.RootElement.GetProperty("detail").GetString());
        }

        var unchanged = await SendAsync(admin, HttpMethod.Get, $"/status/admin/maintenance/{Id(window)}");
        Assert.Equal(("\"2\"", "cancelled", "Disk swap"), (unchanged.ETag, unchanged.Body.GetProperty("state").GetString(), unchanged.Body.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task A_patch_without_If_Match_whose_every_write_loses_to_a_concurrent_edit_is_409_problem_details_and_changes_nothing()
    {
        using var host = new SampleHostFactory();
        IStatusStore? inner = null;
        InterceptingStatusStore? control = null;
        using var hooked = host.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            var registered = services.Last(d => d.ServiceType == typeof(IStatusStore));
            services.Replace(ServiceDescriptor.Singleton(provider =>
            {
                inner = registered.ImplementationInstance as IStatusStore
                        ?? registered.ImplementationFactory?.Invoke(provider) as IStatusStore
                        ?? (IStatusStore)ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!);
                (var store, control) = InterceptingStatusStore.Wrap(inner);
                return store;
            }));
        }));
        using var admin = hooked.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", SampleHostFactory.ApiKey);
        var page = await CreatePageAsync(admin, "Keeps changing");
        var component = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{Id(page)}/components", new { name = "API" }, expected: HttpStatusCode.Created);
        var componentId = Id(component);
        // Another writer changes the component just before each of the patch's compare-and-set writes.
        var interleaved = 0;
        control!.Before = (method, args) => method == nameof(IStatusStore.UpdateComponentAsync) && args[0] is Component { Name: "Never" }
            ? Interleave()
            : null;

        using var response = await Request(admin, HttpMethod.Patch, $"/status/admin/components/{componentId}", new { name = "Never" }, null);

        Assert.Equal((HttpStatusCode.Conflict, "application/problem+json"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("kept changing", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var stored = await SendAsync(admin, HttpMethod.Get, $"/status/admin/components/{componentId}");
        Assert.Equal(("API", "changed 3", 3), (stored.Body.GetProperty("name").GetString(), stored.Body.GetProperty("description").GetString(), interleaved));
        Assert.Equal("\"4\"", stored.ETag);

        async Task Interleave()
        {
            var current = (await inner!.GetComponentAsync(componentId, CancellationToken.None))!;
            await inner.UpdateComponentAsync(current with { Description = $"changed {++interleaved}" }, CancellationToken.None);
        }
    }
}
