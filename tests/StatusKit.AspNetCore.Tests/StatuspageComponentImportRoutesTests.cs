using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Services;
using StatusKit.Status;
using static StatusKit.AspNetCore.Tests.AdminResponses;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// <c>POST admin/pages/{pageId}/import/statuspage/components</c>: Statuspage's components.json (or summary.json) posted as
/// downloaded, the first step of moving a page over; its incidents.json then finds the components by name.
/// </summary>
[Collection(SampleHostCollection.Name)]
public sealed class StatuspageComponentImportRoutesTests(SampleHostFactory factory)
{
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "TestData", "statuspage");

    // A page's components.json as Statuspage serves it: listed by position within each level, a group before its members,
    // every member written (null included), statuses of its own.
    private const string ComponentsJson = """
        {
          "page": {"id": "kctbh9vrtdwd", "name": "Example Cloud", "url": "https://status.example.com", "time_zone": "Etc/UTC", "updated_at": "2025-03-04T09:15:22.417Z"},
          "components": [
            {"id": "a1api0000001", "name": "API", "status": "major_outage", "created_at": "2019-06-11T14:02:51.903Z", "updated_at": "2025-03-04T09:15:22.401Z",
             "position": 1, "description": "REST and GraphQL", "showcase": true, "start_date": "2019-06-11", "group_id": null, "page_id": "kctbh9vrtdwd", "group": false, "only_show_if_degraded": false},
            {"id": "g1storage001", "name": "Storage", "status": "degraded_performance", "created_at": "2019-06-11T14:02:51.903Z", "updated_at": "2025-03-04T09:15:22.401Z",
             "position": 2, "description": null, "showcase": false, "start_date": null, "group_id": null, "page_id": "kctbh9vrtdwd", "group": true, "only_show_if_degraded": false,
             "components": ["x2mf0pb8t3qk", "9cq7rnd4w1lz"]},
            {"id": "x2mf0pb8t3qk", "name": "Object store", "status": "degraded_performance", "created_at": "2019-06-11T14:03:10.118Z", "updated_at": "2025-03-04T09:15:22.388Z",
             "position": 1, "description": "Buckets and uploads", "showcase": true, "start_date": "2019-06-11", "group_id": "g1storage001", "page_id": "kctbh9vrtdwd", "group": false, "only_show_if_degraded": false},
            {"id": "9cq7rnd4w1lz", "name": "Block store", "status": "operational", "created_at": "2019-06-11T14:03:10.118Z", "updated_at": "2025-03-04T09:15:22.388Z",
             "position": 2, "description": null, "showcase": false, "start_date": null, "group_id": "g1storage001", "page_id": "kctbh9vrtdwd", "group": false, "only_show_if_degraded": true},
            {"id": "w3web0000001", "name": "Website", "status": "operational", "created_at": "2019-06-11T14:03:10.118Z", "updated_at": "2025-03-04T09:15:22.388Z",
             "position": 3, "description": null, "showcase": false, "start_date": null, "group_id": null, "page_id": "kctbh9vrtdwd", "group": false, "only_show_if_degraded": false}
          ]
        }
        """;

    [Fact]
    public async Task A_components_json_as_downloaded_creates_the_components_under_their_groups_in_Statuspages_order_and_a_second_import_creates_nothing()
    {
        await factory.WithPageAsync("import-components", async page =>
        {
            using var admin = factory.CreateAdminClient();
            var outboxBefore = await factory.OutboxCountAsync(page.Id);

            var report = await ReadAsync(await PostAsync(admin, page.Id, ComponentsJson), HttpStatusCode.OK);

            Assert.Equal(4, report.GetProperty("importedCount").GetInt32());
            Assert.Equal(
                [("API", null), ("Object store", "Storage"), ("Block store", "Storage"), ("Website", null)],
                report.GetProperty("imported").EnumerateArray().Select(i => (i.GetProperty("name").GetString(), i.GetProperty("groupName").GetString())));
            Assert.Equal((0, 0), (report.GetProperty("skippedCount").GetInt32(), report.GetProperty("skipped").GetArrayLength()));
            Assert.Equal(outboxBefore, await factory.OutboxCountAsync(page.Id));

            var stored = await factory.Service<ComponentService>().ListAsync(page.Id);
            Assert.Equal(report.GetProperty("imported").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()), stored.Select(c => c.Id));
            Assert.Equal("REST and GraphQL", stored[0].Description);
            Assert.True(stored[2].OnlyShowIfDegraded);
            Assert.All(stored, c => Assert.Equal((ComponentStatus.Operational, null), (c.Status, c.TeamId)));

            // Shown at once, in Statuspage's order and grouping, with StatusKit's statuses (Statuspage's are not imported).
            using var client = factory.CreatePublicClient();
            using var api = JsonDocument.Parse(await client.GetStringAsync("/status/import-components/api/v2/components.json"));
            Assert.Equal(
                [("API", false, "operational"), ("Storage", true, "operational"), ("Object store", false, "operational"), ("Website", false, "operational")],
                api.RootElement.GetProperty("components").EnumerateArray().Select(c =>
                    (c.GetProperty("name").GetString(), c.GetProperty("group").GetBoolean(), c.GetProperty("status").GetString())));

            var again = await ReadAsync(await PostAsync(admin, page.Id, ComponentsJson), HttpStatusCode.OK);
            Assert.Equal(0, again.GetProperty("importedCount").GetInt32());
            Assert.Equal(
                ["API", "Object store", "Block store", "Website"],
                again.GetProperty("skipped").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
            Assert.All(again.GetProperty("skipped").EnumerateArray(), s => Assert.Equal("alreadyExists", s.GetProperty("reason").GetString()));
            Assert.Equal(4, (await factory.Service<ComponentService>().ListAsync(page.Id)).Count);
        });
    }

    [Fact]
    public async Task A_summary_json_as_downloaded_is_read_for_its_components_and_the_rest_ignored()
    {
        await factory.WithPageAsync("import-summary", async page =>
        {
            using var admin = factory.CreateAdminClient();

            var report = await ReadAsync(await PostAsync(admin, page.Id, await File.ReadAllTextAsync(Path.Combine(Samples, "summary.json"))), HttpStatusCode.OK);

            var imported = Assert.Single(report.GetProperty("imported").EnumerateArray());
            Assert.Equal(("Object store", "Storage"), (imported.GetProperty("name").GetString(), imported.GetProperty("groupName").GetString()));
            Assert.Empty(await factory.Service<StatusIncidentService>().ListAsync(page.Id));
        });
    }

    [Fact]
    public async Task A_component_StatusKit_cannot_take_is_skipped_as_invalid_naming_the_problem_and_the_others_created()
    {
        await factory.WithPageAsync("import-components-invalid", async page =>
        {
            using var admin = factory.CreateAdminClient();
            var document = JsonNode.Parse(ComponentsJson)!;
            document["components"]![0]!["name"] = new string('n', 201);

            var report = await ReadAsync(await PostAsync(admin, page.Id, document.ToJsonString()), HttpStatusCode.OK);

            Assert.Equal(3, report.GetProperty("importedCount").GetInt32());
            var skipped = Assert.Single(report.GetProperty("skipped").EnumerateArray());
            Assert.Equal("invalid", skipped.GetProperty("reason").GetString());
            Assert.StartsWith("name: ", skipped.GetProperty("message").GetString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Components_json_then_incidents_json_attaches_the_imported_incidents_to_the_imported_components()
    {
        await factory.WithPageAsync("import-move", async page =>
        {
            using var admin = factory.CreateAdminClient();

            var components = await ReadAsync(await PostAsync(admin, page.Id, await File.ReadAllTextAsync(Path.Combine(Samples, "components.json"))), HttpStatusCode.OK);
            var incidents = await ReadAsync(
                await admin.PostAsync($"/status/admin/pages/{page.Id}/import/statuspage", Json(StatuspageImportRoutesTests.ResolvedSample())), HttpStatusCode.OK);

            var objectStore = Assert.Single(components.GetProperty("imported").EnumerateArray()).GetProperty("id").GetGuid();
            Assert.Equal(2, incidents.GetProperty("importedCount").GetInt32());
            Assert.Equal(["CDN"], incidents.GetProperty("unknownComponents").EnumerateArray().Select(n => n.GetString()));
            var recorded = await factory.Service<StatusIncidentService>().ListAsync(page.Id);
            Assert.All(recorded, i => Assert.Equal([objectStore], i.ComponentIds));
        });
    }

    [Fact]
    public async Task A_missing_member_is_a_400_naming_its_json_path_and_creates_nothing()
    {
        await factory.WithPageAsync("import-components-missing", async page =>
        {
            using var admin = factory.CreateAdminClient();
            var document = JsonNode.Parse(ComponentsJson)!;
            document["components"]![2]!.AsObject().Remove("name");

            await AssertProblemAsync(await PostAsync(admin, page.Id, document.ToJsonString()), HttpStatusCode.BadRequest, "components[2].name");
            Assert.Empty(await factory.Service<ComponentService>().ListAsync(page.Id));
        });
    }

    [Theory]
    [InlineData("""{"components":[{"id":"a","name":"A",""", "body")]
    [InlineData("[]", "body")]
    [InlineData("""{"page":{"id":"x"}}""", "components")]
    [InlineData("""{"components":[{"id":"a","name":"A","position":"first"}]}""", "components[0].position")]
    [InlineData("""{"components":[{"id":"a","name":"A","group":"yes"}]}""", "components[0].group")]
    public async Task A_document_not_of_Statuspages_shape_is_a_400_naming_where(string body, string field)
    {
        var pageId = await factory.PageIdAsync("demo");
        using var admin = factory.CreateAdminClient();

        await AssertProblemAsync(await PostAsync(admin, pageId, body), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Without_the_api_key_it_is_a_401_and_creates_nothing()
    {
        await factory.WithPageAsync("import-components-anonymous", async page =>
        {
            using var anonymous = factory.CreatePublicClient();

            using var response = await PostAsync(anonymous, page.Id, ComponentsJson);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Empty(await factory.Service<ComponentService>().ListAsync(page.Id));
        });
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, Guid pageId, string body) =>
        client.PostAsync($"/status/admin/pages/{pageId}/import/statuspage/components", Json(body));
}
