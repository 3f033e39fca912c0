using System.Net;
using System.Text;
using System.Text.Json;
using StatusKit.Model;
using StatusKit.Services;
using StatusKit.Status;
using static StatusKit.AspNetCore.Tests.AdminResponses;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// <c>POST admin/pages/{pageId}/import/cachet/components</c>, <c>…/incidents</c> and <c>…/schedules</c>: Cachet's API v1
/// lists posted as downloaded, components first, then incidents that find them by name (the schedules' own cases are in
/// <see cref="CachetScheduleImportRoutesTests"/>).
/// </summary>
[Collection(SampleHostCollection.Name)]
public sealed class CachetImportRoutesTests(SampleHostFactory factory)
{
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "TestData", "cachet");

    public static TheoryData<string> Routes => new() { "import/cachet/components", "import/cachet/incidents", "import/cachet/schedules" };

    private static string Sample(string name) => File.ReadAllText(Path.Combine(Samples, name));

    private static string ComponentsWithGroups() => $$"""{"components": {{Sample("components.json")}}, "groups": {{Sample("groups.json")}}}""";

    private static string IncidentsWithComponents() => $$"""{"incidents": {{Sample("incidents.json")}}, "components": {{Sample("components.json")}}}""";

    [Fact]
    public async Task Components_with_their_groups_are_created_in_Cachets_order_disabled_ones_skipped_and_a_second_import_creates_nothing()
    {
        await factory.WithPageAsync("cachet-components", async page =>
        {
            using var admin = factory.CreateAdminClient();
            var outboxBefore = await factory.OutboxCountAsync(page.Id);

            var report = await ReadAsync(await PostAsync(admin, page.Id, "import/cachet/components", ComponentsWithGroups()), HttpStatusCode.OK);

            Assert.Equal(3, report.GetProperty("importedCount").GetInt32());
            Assert.Equal(
                [("API", null), ("Object store", "Storage"), ("Block store", "Storage")],
                report.GetProperty("imported").EnumerateArray().Select(i => (i.GetProperty("name").GetString(), i.GetProperty("groupName").GetString())));
            var disabled = Assert.Single(report.GetProperty("skipped").EnumerateArray());
            Assert.Equal(("Legacy FTP", "disabled"), (disabled.GetProperty("name").GetString(), disabled.GetProperty("reason").GetString()));
            Assert.Equal(0, report.GetProperty("groupsNotFound").GetArrayLength());
            Assert.Equal(outboxBefore, await factory.OutboxCountAsync(page.Id));

            var stored = await factory.Service<ComponentService>().ListAsync(page.Id);
            Assert.Equal("REST and GraphQL", stored[0].Description);
            Assert.All(stored, c => Assert.Equal(ComponentStatus.Operational, c.Status));

            var again = await ReadAsync(await PostAsync(admin, page.Id, "import/cachet/components", ComponentsWithGroups()), HttpStatusCode.OK);
            Assert.Equal(0, again.GetProperty("importedCount").GetInt32());
            Assert.Equal(
                ["alreadyExists", "alreadyExists", "alreadyExists", "disabled"],
                again.GetProperty("skipped").EnumerateArray().Select(s => s.GetProperty("reason").GetString()));
            Assert.Equal(3, (await factory.Service<ComponentService>().ListAsync(page.Id)).Count);
        });
    }

    [Fact]
    public async Task Components_alone_are_created_in_no_group_and_the_report_names_the_groups_it_lacked()
    {
        await factory.WithPageAsync("cachet-components-alone", async page =>
        {
            using var admin = factory.CreateAdminClient();

            var report = await ReadAsync(await PostAsync(admin, page.Id, "import/cachet/components", Sample("components.json")), HttpStatusCode.OK);

            Assert.All(report.GetProperty("imported").EnumerateArray(), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("groupName").ValueKind));
            Assert.Equal(["1"], report.GetProperty("groupsNotFound").EnumerateArray().Select(g => g.GetString()));
        });
    }

    [Fact]
    public async Task Components_then_incidents_record_the_fixed_public_ones_linked_by_name_and_skip_the_others_and_a_second_import_adds_nothing()
    {
        await factory.WithPageAsync("cachet-move", async page =>
        {
            using var admin = factory.CreateAdminClient();
            await ReadAsync(await PostAsync(admin, page.Id, "import/cachet/components", ComponentsWithGroups()), HttpStatusCode.OK);
            var objectStore = (await factory.Service<ComponentService>().ListAsync(page.Id)).Single(c => c.Name == "Object store").Id;
            var outboxBefore = await factory.OutboxCountAsync(page.Id);

            var report = await ReadAsync(await PostAsync(admin, page.Id, "import/cachet/incidents", IncidentsWithComponents()), HttpStatusCode.OK);

            Assert.Equal(["7", "6"], report.GetProperty("imported").EnumerateArray().Select(i => i.GetProperty("cachetId").GetString()));
            Assert.Equal(
                [("5", "unresolved"), ("3", "scheduledMaintenance"), ("4", "notPublic")],
                report.GetProperty("skipped").EnumerateArray().Select(s => (s.GetProperty("cachetId").GetString(), s.GetProperty("reason").GetString())));
            Assert.True(report.GetProperty("componentsLinked").GetBoolean());
            Assert.Equal(0, report.GetProperty("componentsNotFound").GetArrayLength());
            Assert.Equal(outboxBefore, await factory.OutboxCountAsync(page.Id));

            var recorded = await factory.Service<StatusIncidentService>().ListAsync(page.Id);
            var uploads = recorded.Single(i => i.Title == "Slow uploads");
            Assert.Equal([objectStore], uploads.ComponentIds);
            Assert.Equal((StatusIncidentState.Resolved, StatusIncidentSeverity.Major), (uploads.State, uploads.Severity));
            Assert.Equal(
                [StatusIncidentState.Investigating, StatusIncidentState.Identified, StatusIncidentState.Resolved],
                uploads.Updates.Select(u => u.State));
            Assert.Equal(new DateTimeOffset(2025, 2, 10, 9, 30, 0, TimeSpan.Zero), uploads.ResolvedAt);
            Assert.All((await factory.Service<ComponentService>().ListAsync(page.Id)), c => Assert.Equal(ComponentStatus.Operational, c.Status));

            var again = await ReadAsync(await PostAsync(admin, page.Id, "import/cachet/incidents", IncidentsWithComponents()), HttpStatusCode.OK);
            Assert.Equal(0, again.GetProperty("importedCount").GetInt32());
            var repeated = again.GetProperty("skipped").EnumerateArray().Where(s => s.GetProperty("reason").GetString() == "alreadyImported").ToList();
            Assert.Equal(["7", "6"], repeated.Select(s => s.GetProperty("cachetId").GetString()));
            Assert.Contains("Cachet incident 7", repeated[0].GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Equal(2, (await factory.Service<StatusIncidentService>().ListAsync(page.Id)).Count);
        });
    }

    [Fact]
    public async Task Incidents_alone_are_recorded_unlinked_and_the_report_says_so()
    {
        await factory.WithPageAsync("cachet-incidents-alone", async page =>
        {
            using var admin = factory.CreateAdminClient();

            var report = await ReadAsync(await PostAsync(admin, page.Id, "import/cachet/incidents", Sample("incidents.json")), HttpStatusCode.OK);

            Assert.Equal(2, report.GetProperty("importedCount").GetInt32());
            Assert.False(report.GetProperty("componentsLinked").GetBoolean());
            // Component 1 is named only by incidents 5 (open) and 3 (a scheduled maintenance), which are skipped.
            Assert.Equal(["2"], report.GetProperty("componentsNotFound").EnumerateArray().Select(c => c.GetString()));
            Assert.All(await factory.Service<StatusIncidentService>().ListAsync(page.Id), i => Assert.Empty(i.ComponentIds));
        });
    }

    [Fact]
    public async Task The_times_are_read_in_the_time_zone_given()
    {
        await factory.WithPageAsync("cachet-time-zone", async page =>
        {
            using var admin = factory.CreateAdminClient();

            await ReadAsync(await PostAsync(admin, page.Id, "import/cachet/incidents?timeZone=europe/berlin", Sample("incidents.json")), HttpStatusCode.OK);

            var uploads = (await factory.Service<StatusIncidentService>().ListAsync(page.Id)).Single(i => i.Title == "Slow uploads");
            Assert.Equal(new DateTimeOffset(2025, 2, 10, 7, 0, 0, TimeSpan.Zero), uploads.CreatedAt.ToUniversalTime());
        });
    }

    [Fact]
    public async Task An_unknown_time_zone_is_a_400_naming_timeZone()
    {
        var pageId = await factory.PageIdAsync("demo");
        using var admin = factory.CreateAdminClient();

        await AssertProblemAsync(await PostAsync(admin, pageId, "import/cachet/incidents?timeZone=Mars/Olympus", Sample("incidents.json")), HttpStatusCode.BadRequest, "timeZone");
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task One_page_of_several_is_a_400_naming_its_pagination_and_records_nothing(string route)
    {
        await factory.WithPageAsync("cachet-paged-" + route.Split('/')[^1], async page =>
        {
            using var admin = factory.CreateAdminClient();
            const string body = """{"meta":{"pagination":{"total":45,"count":20,"per_page":20,"current_page":1,"total_pages":3}},"data":[]}""";

            await AssertProblemAsync(await PostAsync(admin, page.Id, route, body), HttpStatusCode.BadRequest, "meta.pagination");
            Assert.Empty(await factory.Service<ComponentService>().ListAsync(page.Id));
        });
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Malformed_json_or_a_bare_array_is_a_400_naming_the_body(string route)
    {
        var pageId = await factory.PageIdAsync("demo");
        using var admin = factory.CreateAdminClient();

        await AssertProblemAsync(await PostAsync(admin, pageId, route, """{"data":[{"id":"""), HttpStatusCode.BadRequest, "body");
        await AssertProblemAsync(await PostAsync(admin, pageId, route, "[]"), HttpStatusCode.BadRequest, "body");
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task A_body_over_5_MiB_is_a_413(string route)
    {
        var pageId = await factory.PageIdAsync("demo");
        using var admin = factory.CreateAdminClient();
        var body = $$$"""{"data":[],"meta":{"note":"{{{new string('x', 5 * 1024 * 1024)}}}"}}""";

        using var response = await PostAsync(admin, pageId, route, body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task An_unknown_page_is_a_404_naming_pageId(string route)
    {
        using var admin = factory.CreateAdminClient();

        await AssertProblemAsync(await PostAsync(admin, Guid.NewGuid(), route, """{"data":[]}"""), HttpStatusCode.NotFound, "pageId");
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Without_the_api_key_it_is_a_401(string route)
    {
        var pageId = await factory.PageIdAsync("demo");
        using var anonymous = factory.CreatePublicClient();

        using var response = await PostAsync(anonymous, pageId, route, """{"data":[]}""");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, Guid pageId, string route, string body) =>
        client.PostAsync($"/status/admin/pages/{pageId}/{route}", new StringContent(body, Encoding.UTF8, "application/json"));
}
