using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Services;
using static StatusKit.AspNetCore.Tests.AdminResponses;

namespace StatusKit.AspNetCore.Tests;

/// <summary><c>POST admin/pages/{pageId}/import/statuspage</c>: Statuspage's incidents.json posted as downloaded.</summary>
[Collection(SampleHostCollection.Name)]
public sealed class StatuspageImportRoutesTests(SampleHostFactory factory)
{
    private static readonly string SamplePath = Path.Combine(AppContext.BaseDirectory, "TestData", "statuspage", "incidents.json");

    [Fact]
    public async Task The_sample_incidents_json_as_downloaded_is_read_and_its_open_incident_skipped_as_unresolved()
    {
        await WithPageAsync("import-sample", async (page, _) =>
        {
            using var admin = factory.CreateAdminClient();

            var report = await ReadAsync(await PostAsync(admin, page.Id, await File.ReadAllTextAsync(SamplePath)), HttpStatusCode.OK);

            Assert.Equal(0, report.GetProperty("importedCount").GetInt32());
            var skipped = Assert.Single(report.GetProperty("skipped").EnumerateArray());
            Assert.Equal(("p1wz6c0hmd3f", "unresolved"), (skipped.GetProperty("statuspageId").GetString(), skipped.GetProperty("reason").GetString()));
            Assert.Empty(await factory.Service<StatusIncidentService>().ListAsync(page.Id));
        });
    }

    [Fact]
    public async Task Resolved_incidents_of_the_sample_shape_show_in_the_json_api_and_the_history_and_a_second_import_adds_nothing()
    {
        await WithPageAsync("import-history", async (page, objectStore) =>
        {
            using var admin = factory.CreateAdminClient();
            var outboxBefore = await factory.OutboxCountAsync(page.Id);

            var report = await ReadAsync(await PostAsync(admin, page.Id, ResolvedSample()), HttpStatusCode.OK);

            Assert.Equal(2, report.GetProperty("importedCount").GetInt32());
            Assert.Equal(["p1wz6c0hmd3f", "q9kd0z2mx1ab"], report.GetProperty("imported").EnumerateArray().Select(i => i.GetProperty("statuspageId").GetString()));
            Assert.Equal(0, report.GetProperty("skippedCount").GetInt32());
            Assert.Equal(["CDN"], report.GetProperty("unknownComponents").EnumerateArray().Select(n => n.GetString()));
            Assert.Equal(outboxBefore, await factory.OutboxCountAsync(page.Id));

            using var client = factory.CreatePublicClient();
            using var api = JsonDocument.Parse(await client.GetStringAsync("/status/import-history/api/v2/incidents.json"));
            var listed = api.RootElement.GetProperty("incidents").EnumerateArray().ToArray();
            Assert.Equal(["Slow uploads to the object store", "Uploads failed"], listed.Select(i => i.GetProperty("name").GetString()));
            var slow = listed[0];
            Assert.Equal(("resolved", "minor"), (slow.GetProperty("status").GetString(), slow.GetProperty("impact").GetString()));
            Assert.Equal(At("2025-03-04T08:51:07.195-05:00"), At(slow.GetProperty("created_at").GetString()!));
            Assert.Equal(At("2025-03-04T10:02:00.000-05:00"), At(slow.GetProperty("resolved_at").GetString()!));
            Assert.Equal(
                [("resolved", "Uploads are back to normal speed."), ("identified", "A storage node is rebuilding; uploads are slower than usual.")],
                slow.GetProperty("incident_updates").EnumerateArray().Select(u => (u.GetProperty("status").GetString(), u.GetProperty("body").GetString())));
            Assert.Equal([objectStore.Id.ToString()], slow.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
            var failed = listed[1];
            Assert.Equal(("resolved", "critical"), (failed.GetProperty("status").GetString(), failed.GetProperty("impact").GetString()));
            Assert.Equal("We lost a disk shelf.", failed.GetProperty("postmortem_body").GetString());
            Assert.Equal(At("2025-02-03T12:00:00.000Z"), At(failed.GetProperty("postmortem_published_at").GetString()!));

            var history = await client.GetStringAsync("/status/import-history/history");
            Assert.Contains("Slow uploads to the object store", history, StringComparison.Ordinal);
            Assert.Contains("Uploads failed", history, StringComparison.Ordinal);

            var atom = await client.GetStringAsync("/status/import-history/history.atom");
            Assert.Contains("Uploads failed", atom, StringComparison.Ordinal);
            Assert.Contains("Postmortem: Uploads failed", atom, StringComparison.Ordinal);
            var id = report.GetProperty("imported")[1].GetProperty("incidentId").GetGuid();
            var own = await client.GetStringAsync($"/status/import-history/incidents/{id}");
            Assert.Contains("Uploads fail.", own, StringComparison.Ordinal);
            Assert.Contains("We lost a disk shelf.", own, StringComparison.Ordinal);

            var again = await ReadAsync(await PostAsync(admin, page.Id, ResolvedSample()), HttpStatusCode.OK);
            Assert.Equal(0, again.GetProperty("importedCount").GetInt32());
            Assert.All(again.GetProperty("skipped").EnumerateArray(), s => Assert.Equal("alreadyImported", s.GetProperty("reason").GetString()));
            Assert.Equal(2, (await factory.Service<StatusIncidentService>().ListAsync(page.Id)).Count);
        });
    }

    [Fact]
    public async Task An_incident_that_breaks_a_rule_of_a_past_incident_is_skipped_as_invalid_and_the_others_imported()
    {
        await WithPageAsync("import-invalid", async (page, _) =>
        {
            using var admin = factory.CreateAdminClient();
            var document = JsonNode.Parse(ResolvedSample())!;
            document["incidents"]![1]!["resolved_at"] = "2025-01-01T00:00:00Z";

            var report = await ReadAsync(await PostAsync(admin, page.Id, document.ToJsonString()), HttpStatusCode.OK);

            Assert.Equal(1, report.GetProperty("importedCount").GetInt32());
            var skipped = Assert.Single(report.GetProperty("skipped").EnumerateArray());
            Assert.Equal(("q9kd0z2mx1ab", "invalid"), (skipped.GetProperty("statuspageId").GetString(), skipped.GetProperty("reason").GetString()));
            Assert.Contains("resolvedAt", skipped.GetProperty("message").GetString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_missing_member_is_a_400_naming_its_json_path_and_imports_nothing()
    {
        await WithPageAsync("import-missing", async (page, _) =>
        {
            using var admin = factory.CreateAdminClient();
            var document = JsonNode.Parse(ResolvedSample())!;
            var update = document["incidents"]![1]!["incident_updates"]![0]!.AsObject();
            update.Remove("created_at");
            update.Remove("display_at");

            await AssertProblemAsync(await PostAsync(admin, page.Id, document.ToJsonString()), HttpStatusCode.BadRequest, "incidents[1].incident_updates[0].created_at");
            Assert.Empty(await factory.Service<StatusIncidentService>().ListAsync(page.Id));
        });
    }

    // The sample's one incident, resolved an hour later, and a second one: a postmortem, critical, naming a component the page lacks.
    internal static string ResolvedSample()
    {
        var document = JsonNode.Parse(File.ReadAllText(SamplePath))!;
        var incidents = document["incidents"]!.AsArray();
        var slow = incidents[0]!;
        slow["status"] = "resolved";
        slow["resolved_at"] = "2025-03-04T10:02:00.000-05:00";
        var resolved = slow["incident_updates"]![0]!.DeepClone();
        resolved["id"] = "u2resolved01";
        resolved["status"] = "resolved";
        resolved["body"] = "Uploads are back to normal speed.";
        foreach (var name in new[] { "created_at", "updated_at", "display_at" })
        {
            resolved[name] = "2025-03-04T10:02:00.000-05:00";
        }

        slow["incident_updates"]!.AsArray().Insert(0, resolved);

        var failed = slow.DeepClone();
        failed["id"] = "q9kd0z2mx1ab";
        failed["name"] = "Uploads failed";
        failed["status"] = "postmortem";
        failed["impact"] = "critical";
        failed["created_at"] = "2025-02-01T10:00:00.000Z";
        failed["started_at"] = "2025-02-01T10:00:00.000Z";
        failed["resolved_at"] = "2025-02-01T11:00:00.000Z";
        failed["incident_updates"] = new JsonArray(
            Update("u3", "resolved", "Uploads work again.", "2025-02-01T11:00:00.000Z"),
            Update("u4", "investigating", "Uploads fail.", "2025-02-01T10:00:00.000Z"));
        var cdn = failed["components"]![0]!.DeepClone();
        cdn["name"] = "CDN";
        failed["components"]!.AsArray().Add(cdn);
        failed["postmortem_body"] = "We lost a disk shelf.";
        failed["postmortem_published_at"] = "2025-02-03T12:00:00.000Z";
        incidents.Add(failed);
        return document.ToJsonString();
    }

    private static JsonObject Update(string id, string status, string body, string at) => new()
    {
        ["id"] = id, ["status"] = status, ["body"] = body, ["created_at"] = at, ["updated_at"] = at, ["display_at"] = at,
        ["affected_components"] = null, ["deliver_notifications"] = true,
    };

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private static Task<HttpResponseMessage> PostAsync(HttpClient admin, Guid pageId, string body) =>
        admin.PostAsync($"/status/admin/pages/{pageId}/import/statuspage", new StringContent(body, Encoding.UTF8, "application/json"));

    // A page with one component, "Object store", which the sample documents name.
    private Task WithPageAsync(string slug, Func<StatusPage, Component, Task> test) =>
        factory.WithPageAsync(slug, async page =>
            await test(page, await factory.Service<ComponentService>().CreateAsync(new CreateComponent { PageId = page.Id, Name = "Object store" })));
}
