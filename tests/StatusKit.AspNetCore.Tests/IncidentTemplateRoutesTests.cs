using System.Net;
using System.Text.Json;
using static StatusKit.AspNetCore.Tests.AdminCalls;
using static StatusKit.AspNetCore.Tests.AdminResponses;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// Incident templates over HTTP: <c>GET/POST admin/pages/{id}/incident-templates</c>,
/// <c>GET/PATCH/DELETE admin/incident-templates/{id}</c>, and <c>templateId</c> on <c>POST admin/pages/{id}/incidents</c>
/// and <c>POST admin/incidents/{id}/updates</c>.
/// </summary>
[Collection(SampleHostCollection.Name)]
public sealed class IncidentTemplateRoutesTests(SampleHostFactory factory)
{
    [Fact]
    public async Task A_template_is_created_listed_read_patched_and_deleted_with_its_ETag()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = Id(await CreatePageAsync(admin, "Templates CRUD"));
        try
        {
            var api = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/components", new { name = "API" }, expected: HttpStatusCode.Created);
            using var response = await Request(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/incident-templates",
                new { name = "Database down", title = "Database unavailable", message = "We are investigating.", severity = "critical", componentIds = new[] { Id(api) } }, null);
            var location = response.Headers.Location?.OriginalString;
            var etag = response.Headers.ETag?.ToString();
            var created = await ReadAsync(response, HttpStatusCode.Created);
            var templateId = created.GetProperty("id").GetGuid();

            Assert.Equal($"/status/admin/incident-templates/{templateId}", location);
            Assert.Equal("\"1\"", etag);
            Assert.Equal(
                ("Database down", "Database unavailable", "We are investigating.", "critical", pageId),
                (created.GetProperty("name").GetString(), created.GetProperty("title").GetString(), created.GetProperty("message").GetString(),
                    created.GetProperty("severity").GetString(), created.GetProperty("pageId").GetGuid()));
            Assert.Equal([Id(api)], created.GetProperty("componentIds").EnumerateArray().Select(e => e.GetGuid()));

            var listed = await SendAsync(admin, HttpMethod.Get, $"/status/admin/pages/{pageId}/incident-templates");
            Assert.Equal([templateId], listed.Body.EnumerateArray().Select(t => t.GetProperty("id").GetGuid()));
            var read = await SendAsync(admin, HttpMethod.Get, location!);
            Assert.Equal("\"1\"", read.ETag);

            var patched = await SendAsync(admin, HttpMethod.Patch, location!, new { message = "Writes fail; reads work." }, ifMatch: read.ETag);
            Assert.Equal(("\"2\"", "Writes fail; reads work.", "Database unavailable"),
                (patched.ETag, patched.Body.GetProperty("message").GetString(), patched.Body.GetProperty("title").GetString()));

            await AssertProblemAsync(await Request(admin, HttpMethod.Patch, location!, new { title = "Lost" }, read.ETag), HttpStatusCode.PreconditionFailed, "If-Match");
            await AssertProblemAsync(await Request(admin, HttpMethod.Delete, location!, null, read.ETag), HttpStatusCode.PreconditionFailed, "If-Match");
            Assert.Equal("Database unavailable", (await SendAsync(admin, HttpMethod.Get, location!)).Body.GetProperty("title").GetString());

            using (var deleted = await Request(admin, HttpMethod.Delete, location!, null, patched.ETag))
            {
                Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
            }

            await AssertProblemAsync(await Request(admin, HttpMethod.Get, location!, null, null), HttpStatusCode.NotFound, "templateId");
            Assert.Equal(0, (await SendAsync(admin, HttpMethod.Get, $"/status/admin/pages/{pageId}/incident-templates")).Body.GetArrayLength());
        }
        finally
        {
            await DeletePageAsync(admin, pageId);
        }
    }

    [Fact]
    public async Task A_PATCH_naming_state_null_clears_the_state_while_one_leaving_state_out_keeps_it_and_clearing_again_writes_nothing()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = Id(await CreatePageAsync(admin, "Templates clear state"));
        try
        {
            var created = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/incident-templates",
                new { name = "Fix deployed", title = "Recovering", message = "A fix is out.", state = "monitoring" }, expected: HttpStatusCode.Created);
            var location = $"/status/admin/incident-templates/{Id(created)}";

            var kept = await SendAsync(admin, HttpMethod.Patch, location, new { title = "Recovering now" });
            var cleared = await SendAsync(admin, HttpMethod.Patch, location, JsonDocument.Parse("""{ "state": null }""").RootElement, ifMatch: kept.ETag);
            var again = await SendAsync(admin, HttpMethod.Patch, location, JsonDocument.Parse("""{ "state": null }""").RootElement);

            Assert.Equal(("monitoring", "\"2\""), (kept.Body.GetProperty("state").GetString(), kept.ETag));
            Assert.Equal((JsonValueKind.Null, "\"3\"", "Recovering now"),
                (cleared.Body.GetProperty("state").ValueKind, cleared.ETag, cleared.Body.GetProperty("title").GetString()));
            Assert.Equal((JsonValueKind.Null, "\"3\""), (again.Body.GetProperty("state").ValueKind, again.ETag));
            Assert.Equal(JsonValueKind.Null, (await SendAsync(admin, HttpMethod.Get, location)).Body.GetProperty("state").ValueKind);
        }
        finally
        {
            await DeletePageAsync(admin, pageId);
        }
    }

    [Fact]
    public async Task A_name_the_page_already_has_in_any_case_is_a_409_naming_name()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = Id(await CreatePageAsync(admin, "Templates conflict"));
        try
        {
            var path = $"/status/admin/pages/{pageId}/incident-templates";
            await SendAsync(admin, HttpMethod.Post, path, new { name = "Database down", title = "T", message = "M" }, expected: HttpStatusCode.Created);
            var other = await SendAsync(admin, HttpMethod.Post, path, new { name = "Other", title = "T", message = "M" }, expected: HttpStatusCode.Created);

            await AssertProblemAsync(await Request(admin, HttpMethod.Post, path, new { name = "DATABASE DOWN", title = "T", message = "M" }, null), HttpStatusCode.Conflict, "name");
            await AssertProblemAsync(
                await Request(admin, HttpMethod.Patch, $"/status/admin/incident-templates/{Id(other)}", new { name = "database down" }, null), HttpStatusCode.Conflict, "name");

            Assert.Equal(2, (await SendAsync(admin, HttpMethod.Get, path)).Body.GetArrayLength());
        }
        finally
        {
            await DeletePageAsync(admin, pageId);
        }
    }

    [Fact]
    public async Task An_incident_created_with_templateId_takes_what_the_body_leaves_out_from_the_template_and_keeps_it_after_the_template_changes()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = Id(await CreatePageAsync(admin, "Templates use"));
        try
        {
            var api = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/components", new { name = "API" }, expected: HttpStatusCode.Created);
            var template = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/incident-templates",
                new { name = "API down", title = "API unavailable", message = "Requests fail.", severity = "major", componentIds = new[] { Id(api) } },
                expected: HttpStatusCode.Created);

            var incident = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/incidents",
                new { templateId = Id(template), title = "API slow in EU", notifySubscribers = false }, expected: HttpStatusCode.Created);
            await SendAsync(admin, HttpMethod.Patch, $"/status/admin/incident-templates/{Id(template)}", new { title = "Changed", message = "Changed", severity = "minor" });
            var read = await SendAsync(admin, HttpMethod.Get, $"/status/admin/incidents/{Id(incident)}");

            foreach (var body in new[] { incident.Body, read.Body })
            {
                Assert.Equal(
                    ("API slow in EU", "Requests fail.", "major", "investigating"),
                    (body.GetProperty("title").GetString(), body.GetProperty("message").GetString(), body.GetProperty("severity").GetString(), body.GetProperty("state").GetString()));
                Assert.Equal([Id(api)], body.GetProperty("componentIds").EnumerateArray().Select(e => e.GetGuid()));
                Assert.False(body.TryGetProperty("templateId", out _));
            }

            Assert.Equal("partialOutage", (await SendAsync(admin, HttpMethod.Get, $"/status/admin/components/{Id(api)}")).Body.GetProperty("status").GetString());
        }
        finally
        {
            await DeletePageAsync(admin, pageId);
        }
    }

    [Fact]
    public async Task An_unknown_template_or_one_of_another_page_is_a_400_naming_templateId()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = Id(await CreatePageAsync(admin, "Templates foreign"));
        var otherId = Id(await CreatePageAsync(admin, "Templates foreign other"));
        try
        {
            var foreign = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{otherId}/incident-templates", new { name = "N", title = "T", message = "M" }, expected: HttpStatusCode.Created);
            var path = $"/status/admin/pages/{pageId}/incidents";

            await AssertProblemAsync(await Request(admin, HttpMethod.Post, path, new { templateId = Guid.NewGuid() }, null), HttpStatusCode.BadRequest, "templateId");
            await AssertProblemAsync(await Request(admin, HttpMethod.Post, path, new { templateId = Id(foreign) }, null), HttpStatusCode.BadRequest, "templateId");
            Assert.Equal(0, (await SendAsync(admin, HttpMethod.Get, path)).Body.GetArrayLength());
        }
        finally
        {
            await DeletePageAsync(admin, pageId);
            await DeletePageAsync(admin, otherId);
        }
    }

    private static async Task DeletePageAsync(HttpClient admin, Guid pageId)
    {
        using var deleted = await Request(admin, HttpMethod.Delete, $"/status/admin/pages/{pageId}", null, null);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    [Fact]
    public async Task A_templates_state_is_created_patched_and_read_as_the_camelCase_state_and_absent_as_null()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = Id(await CreatePageAsync(admin, "Templates state"));
        try
        {
            var path = $"/status/admin/pages/{pageId}/incident-templates";
            var stateless = await SendAsync(admin, HttpMethod.Post, path, new { name = "A", title = "T", message = "M" }, expected: HttpStatusCode.Created);
            var identified = await SendAsync(admin, HttpMethod.Post, path, new { name = "B", title = "T", message = "M", state = "identified" }, expected: HttpStatusCode.Created);

            var patched = await SendAsync(admin, HttpMethod.Patch, $"/status/admin/incident-templates/{Id(identified)}", new { state = "monitoring" });
            var read = await SendAsync(admin, HttpMethod.Get, $"/status/admin/incident-templates/{Id(identified)}");

            Assert.Equal(JsonValueKind.Null, stateless.Body.GetProperty("state").ValueKind);
            Assert.Equal("identified", identified.Body.GetProperty("state").GetString());
            Assert.Equal(("monitoring", "monitoring"), (patched.Body.GetProperty("state").GetString(), read.Body.GetProperty("state").GetString()));
        }
        finally
        {
            await DeletePageAsync(admin, pageId);
        }
    }

    [Fact]
    public async Task An_update_posted_with_templateId_takes_the_templates_message_and_state_unless_the_body_gives_them()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = Id(await CreatePageAsync(admin, "Templates updates"));
        try
        {
            var template = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/incident-templates",
                new { name = "Fix deployed", title = "T", message = "A fix has been deployed; we are monitoring.", state = "monitoring" }, expected: HttpStatusCode.Created);
            var incident = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/incidents",
                new { title = "API down", message = "Looking.", notifySubscribers = false }, expected: HttpStatusCode.Created);
            var updates = $"/status/admin/incidents/{Id(incident)}/updates";

            var fromTemplate = await SendAsync(admin, HttpMethod.Post, updates, new { templateId = Id(template), notifySubscribers = false }, expected: HttpStatusCode.Created);
            var resolved = await SendAsync(admin, HttpMethod.Post, updates,
                new { templateId = Id(template), state = "resolved", notifySubscribers = false }, expected: HttpStatusCode.Created);

            var first = fromTemplate.Body.GetProperty("updates")[1];
            Assert.Equal(("monitoring", "monitoring", "A fix has been deployed; we are monitoring."),
                (fromTemplate.Body.GetProperty("state").GetString(), first.GetProperty("state").GetString(), first.GetProperty("message").GetString()));
            var last = resolved.Body.GetProperty("updates")[2];
            Assert.Equal(("resolved", "A fix has been deployed; we are monitoring."), (last.GetProperty("state").GetString(), last.GetProperty("message").GetString()));
        }
        finally
        {
            await DeletePageAsync(admin, pageId);
        }
    }

    [Fact]
    public async Task An_update_with_an_unknown_or_foreign_template_is_a_400_naming_templateId_and_one_with_no_state_from_either_names_state()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = Id(await CreatePageAsync(admin, "Templates updates refused"));
        var otherId = Id(await CreatePageAsync(admin, "Templates updates refused other"));
        try
        {
            var foreign = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{otherId}/incident-templates",
                new { name = "N", title = "T", message = "M", state = "identified" }, expected: HttpStatusCode.Created);
            var stateless = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/incident-templates",
                new { name = "N", title = "T", message = "M" }, expected: HttpStatusCode.Created);
            var incident = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/incidents",
                new { title = "API down", message = "Looking.", notifySubscribers = false }, expected: HttpStatusCode.Created);
            var updates = $"/status/admin/incidents/{Id(incident)}/updates";

            await AssertProblemAsync(await Request(admin, HttpMethod.Post, updates, new { templateId = Guid.NewGuid() }, null), HttpStatusCode.BadRequest, "templateId");
            await AssertProblemAsync(await Request(admin, HttpMethod.Post, updates, new { templateId = Id(foreign) }, null), HttpStatusCode.BadRequest, "templateId");
            await AssertProblemAsync(await Request(admin, HttpMethod.Post, updates, new { templateId = Id(stateless) }, null), HttpStatusCode.BadRequest, "state");
            Assert.Equal(1, (await SendAsync(admin, HttpMethod.Get, $"/status/admin/incidents/{Id(incident)}")).Body.GetProperty("updates").GetArrayLength());
        }
        finally
        {
            await DeletePageAsync(admin, pageId);
            await DeletePageAsync(admin, otherId);
        }
    }

    [Fact]
    public async Task An_incident_created_with_a_template_that_has_a_state_starts_in_it_unless_the_body_gives_one()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = Id(await CreatePageAsync(admin, "Templates create state"));
        try
        {
            var template = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/incident-templates",
                new { name = "Known cause", title = "T", message = "M", state = "identified" }, expected: HttpStatusCode.Created);
            var path = $"/status/admin/pages/{pageId}/incidents";

            var fromTemplate = await SendAsync(admin, HttpMethod.Post, path, new { templateId = Id(template), notifySubscribers = false }, expected: HttpStatusCode.Created);
            var given = await SendAsync(admin, HttpMethod.Post, path,
                new { templateId = Id(template), state = "investigating", notifySubscribers = false }, expected: HttpStatusCode.Created);

            Assert.Equal(("identified", "investigating"), (fromTemplate.Body.GetProperty("state").GetString(), given.Body.GetProperty("state").GetString()));
        }
        finally
        {
            await DeletePageAsync(admin, pageId);
        }
    }
}
