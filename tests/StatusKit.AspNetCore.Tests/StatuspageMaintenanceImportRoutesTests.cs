using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Services;
using static StatusKit.AspNetCore.Tests.AdminResponses;

namespace StatusKit.AspNetCore.Tests;

/// <summary><c>POST admin/pages/{pageId}/import/statuspage/maintenances</c>: Statuspage's scheduled-maintenances.json posted as downloaded.</summary>
[Collection(SampleHostCollection.Name)]
public sealed class StatuspageMaintenanceImportRoutesTests(SampleHostFactory factory)
{
    private static readonly string SamplePath = Path.Combine(AppContext.BaseDirectory, "TestData", "statuspage", "scheduled-maintenances.json");
    private static readonly string SummaryPath = Path.Combine(AppContext.BaseDirectory, "TestData", "statuspage", "summary.json");

    [Fact]
    public async Task The_sample_scheduled_maintenances_json_as_downloaded_is_read_and_its_overdue_maintenance_skipped()
    {
        await WithPageAsync("import-maintenance-sample", async (page, _) =>
        {
            using var admin = factory.CreateAdminClient();

            var report = await ReadAsync(await PostAsync(admin, page.Id, await File.ReadAllTextAsync(SamplePath)), HttpStatusCode.OK);

            Assert.Equal(0, report.GetProperty("importedCount").GetInt32());
            var skipped = Assert.Single(report.GetProperty("skipped").EnumerateArray());
            Assert.Equal(
                ("m0g5tq8yk2ha", "Database failover drill", "startPassed"),
                (skipped.GetProperty("statuspageId").GetString(), skipped.GetProperty("name").GetString(), skipped.GetProperty("reason").GetString()));
            Assert.Empty(await factory.Service<MaintenanceService>().ListAsync(page.Id));
        });
    }

    [Fact]
    public async Task Completed_and_upcoming_maintenances_show_in_the_json_api_the_history_and_the_feeds_tell_nobody_and_a_second_import_adds_nothing()
    {
        await WithPageAsync("import-maintenance-history", async (page, objectStore) =>
        {
            using var admin = factory.CreateAdminClient();
            await factory.Service<SubscriberService>().SubscribeAsync(new Subscribe
            {
                PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "ops@example.com", PreVerified = true, NotifyOn = NotificationEvents.All,
            });
            var outboxBefore = await factory.OutboxCountAsync(page.Id);
            var upcomingStart = Now().AddDays(3);

            var report = await ReadAsync(await PostAsync(admin, page.Id, Sample(upcomingStart)), HttpStatusCode.OK);

            Assert.Equal(2, report.GetProperty("importedCount").GetInt32());
            var imported = report.GetProperty("imported").EnumerateArray().ToArray();
            Assert.Equal(
                [("c1done000001", "Storage firmware upgrade", "completed"), ("u1next000001", "Network switch replacement", "scheduled")],
                imported.Select(i => (i.GetProperty("statuspageId").GetString(), i.GetProperty("title").GetString(), i.GetProperty("state").GetString())));
            Assert.Equal(
                [("m0g5tq8yk2ha", "startPassed"), ("a1live000001", "inProgress")],
                report.GetProperty("skipped").EnumerateArray().Select(s => (s.GetProperty("statuspageId").GetString(), s.GetProperty("reason").GetString())));
            Assert.Equal(2, report.GetProperty("skippedCount").GetInt32());
            Assert.Equal(["CDN"], report.GetProperty("unknownComponents").EnumerateArray().Select(n => n.GetString()));
            Assert.Equal(outboxBefore, await factory.OutboxCountAsync(page.Id)); // the subscriber was not told of either
            var completedId = imported[0].GetProperty("windowId").GetGuid();
            var upcomingId = imported[1].GetProperty("windowId").GetGuid();
            var completed = (await factory.Service<MaintenanceService>().GetAsync(completedId))!;
            Assert.Equal((At("2025-02-10T02:04:00Z"), At("2025-02-10T03:12:00Z")), (completed.StartsAt, completed.EndsAt));
            Assert.Equal([objectStore.Id], completed.ComponentIds);
            Assert.Equal("We will upgrade the storage firmware.", completed.Description);

            using var client = factory.CreatePublicClient();
            using var api = JsonDocument.Parse(await client.GetStringAsync("/status/import-maintenance-history/api/v2/scheduled-maintenances.json"));
            var listed = api.RootElement.GetProperty("scheduled_maintenances").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!);
            Assert.Equal("completed", listed["Storage firmware upgrade"].GetProperty("status").GetString());
            Assert.Equal("scheduled", listed["Network switch replacement"].GetProperty("status").GetString());
            using var upcoming = JsonDocument.Parse(await client.GetStringAsync("/status/import-maintenance-history/api/v2/scheduled-maintenances/upcoming.json"));
            Assert.Equal(["Network switch replacement"], upcoming.RootElement.GetProperty("scheduled_maintenances").EnumerateArray().Select(m => m.GetProperty("name").GetString()));

            var history = await client.GetStringAsync("/status/import-maintenance-history/history");
            Assert.Contains("Storage firmware upgrade", history, StringComparison.Ordinal);
            var atom = await client.GetStringAsync("/status/import-maintenance-history/history.atom");
            Assert.Contains($"urn:uuid:{completedId}", atom, StringComparison.Ordinal);
            Assert.Contains("Maintenance completed: started 2025-02-10T02:04:00.000Z, ended 2025-02-10T03:12:00.000Z", atom, StringComparison.Ordinal);
            Assert.Contains($"urn:uuid:{upcomingId}", atom, StringComparison.Ordinal);
            var calendar = await client.GetStringAsync("/status/import-maintenance-history/maintenance.ics");
            Assert.Contains("Network switch replacement", calendar, StringComparison.Ordinal);

            var again = await ReadAsync(await PostAsync(admin, page.Id, Sample(upcomingStart)), HttpStatusCode.OK);
            Assert.Equal(0, again.GetProperty("importedCount").GetInt32());
            Assert.Equal(
                ["startPassed", "alreadyImported", "inProgress", "alreadyImported"],
                again.GetProperty("skipped").EnumerateArray().Select(s => s.GetProperty("reason").GetString()));
            Assert.Equal(2, (await factory.Service<MaintenanceService>().ListAsync(page.Id)).Count);
        });
    }

    [Fact]
    public async Task Upcoming_maintenances_imported_with_notifySubscribers_false_do_not_notify()
    {
        await WithPageAsync("import-maintenance-quiet", async (page, _) =>
        {
            using var admin = factory.CreateAdminClient();

            var report = await ReadAsync(await PostAsync(admin, page.Id, Sample(Now().AddDays(3)), "?notifySubscribers=false"), HttpStatusCode.OK);

            var window = (await factory.Service<MaintenanceService>().GetAsync(report.GetProperty("imported")[1].GetProperty("windowId").GetGuid()))!;
            Assert.Equal(MaintenanceState.Scheduled, window.State);
            Assert.False(window.NotifySubscribers);
        });
    }

    [Fact]
    public async Task Summary_json_is_read_for_its_scheduled_maintenances()
    {
        await WithPageAsync("import-maintenance-summary", async (page, _) =>
        {
            using var admin = factory.CreateAdminClient();
            var document = JsonNode.Parse(await File.ReadAllTextAsync(SummaryPath))!;
            var maintenance = document["scheduled_maintenances"]![0]!;
            var starts = Now().AddDays(2);
            maintenance["scheduled_for"] = starts.ToString("O", CultureInfo.InvariantCulture);
            maintenance["scheduled_until"] = starts.AddHours(1).ToString("O", CultureInfo.InvariantCulture);

            var report = await ReadAsync(await PostAsync(admin, page.Id, document.ToJsonString()), HttpStatusCode.OK);

            var imported = Assert.Single(report.GetProperty("imported").EnumerateArray());
            Assert.Equal(("m0g5tq8yk2ha", "scheduled"), (imported.GetProperty("statuspageId").GetString(), imported.GetProperty("state").GetString()));
        });
    }

    [Fact]
    public async Task A_maintenance_that_breaks_a_rule_of_a_window_is_skipped_as_invalid_and_the_others_imported()
    {
        await WithPageAsync("import-maintenance-invalid", async (page, _) =>
        {
            using var admin = factory.CreateAdminClient();
            var document = JsonNode.Parse(Sample(Now().AddDays(3)))!;
            document["scheduled_maintenances"]![1]!["resolved_at"] = "2025-01-01T00:00:00Z";

            var report = await ReadAsync(await PostAsync(admin, page.Id, document.ToJsonString()), HttpStatusCode.OK);

            Assert.Equal(1, report.GetProperty("importedCount").GetInt32());
            var skipped = report.GetProperty("skipped").EnumerateArray().Single(s => s.GetProperty("statuspageId").GetString() == "c1done000001");
            Assert.Equal("invalid", skipped.GetProperty("reason").GetString());
            Assert.StartsWith("endsAt: ", skipped.GetProperty("message").GetString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_missing_member_is_a_400_naming_its_json_path_and_imports_nothing()
    {
        await WithPageAsync("import-maintenance-missing", async (page, _) =>
        {
            using var admin = factory.CreateAdminClient();
            var document = JsonNode.Parse(Sample(Now().AddDays(3)))!;
            document["scheduled_maintenances"]![3]!.AsObject().Remove("scheduled_until");

            await AssertProblemAsync(await PostAsync(admin, page.Id, document.ToJsonString()), HttpStatusCode.BadRequest, "scheduled_maintenances[3].scheduled_until");
            Assert.Empty(await factory.Service<MaintenanceService>().ListAsync(page.Id));
        });
    }

    [Fact]
    public async Task A_notifySubscribers_that_is_not_a_boolean_is_a_400_naming_it()
    {
        var pageId = await factory.PageIdAsync("demo");
        using var admin = factory.CreateAdminClient();

        await AssertProblemAsync(await PostAsync(admin, pageId, """{"scheduled_maintenances":[]}""", "?notifySubscribers=maybe"), HttpStatusCode.BadRequest, "notifySubscribers");
    }

    [Fact]
    public async Task Without_the_api_key_it_is_a_401_and_imports_nothing()
    {
        await WithPageAsync("import-maintenance-anonymous", async (page, _) =>
        {
            using var anonymous = factory.CreatePublicClient();

            using var response = await PostAsync(anonymous, page.Id, Sample(Now().AddDays(3)));

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Empty(await factory.Service<MaintenanceService>().ListAsync(page.Id));
        });
    }

    // The sample's one (still scheduled, its start long gone), then one completed, one in progress and one upcoming,
    // each shaped as the sample's: updates newest first, the completed one's real start its in_progress update.
    internal static string Sample(DateTimeOffset upcomingStart)
    {
        var document = JsonNode.Parse(File.ReadAllText(SamplePath))!;
        var maintenances = document["scheduled_maintenances"]!.AsArray();
        var template = maintenances[0]!;

        var done = template.DeepClone();
        done["id"] = "c1done000001";
        done["name"] = "Storage firmware upgrade";
        done["status"] = "completed";
        done["created_at"] = "2025-02-01T09:00:00.000Z";
        done["started_at"] = "2025-02-01T09:00:00.000Z";
        done["scheduled_for"] = "2025-02-10T02:00:00.000Z";
        done["scheduled_until"] = "2025-02-10T03:00:00.000Z";
        done["resolved_at"] = "2025-02-10T03:12:00.000Z";
        done["incident_updates"] = new JsonArray(
            Update("d3", "completed", "The scheduled maintenance has been completed.", "2025-02-10T03:12:00.000Z"),
            Update("d2", "in_progress", "Scheduled maintenance is currently in progress.", "2025-02-10T02:04:00.000Z"),
            Update("d1", "scheduled", "We will upgrade the storage firmware.", "2025-02-01T09:00:00.000Z"));
        done["components"] = new JsonArray(Component("Object store"), Component("CDN"));

        var live = template.DeepClone();
        live["id"] = "a1live000001";
        live["name"] = "Load balancer rotation";
        live["status"] = "in_progress";

        var next = template.DeepClone();
        next["id"] = "u1next000001";
        next["name"] = "Network switch replacement";
        next["created_at"] = "2025-03-01T09:00:00.000Z";
        next["scheduled_for"] = upcomingStart.ToString("O", CultureInfo.InvariantCulture);
        next["scheduled_until"] = upcomingStart.AddHours(2).ToString("O", CultureInfo.InvariantCulture);
        next["incident_updates"] = new JsonArray(Update("n1", "scheduled", "We will replace a core switch.", "2025-03-01T09:00:00.000Z"));
        next["components"] = new JsonArray(Component("object STORE"));

        maintenances.Add(done);
        maintenances.Add(live);
        maintenances.Add(next);
        return document.ToJsonString();
    }

    private static JsonObject Update(string id, string status, string body, string at) => new()
    {
        ["id"] = id, ["status"] = status, ["body"] = body, ["created_at"] = at, ["updated_at"] = at, ["display_at"] = at,
        ["affected_components"] = null, ["deliver_notifications"] = true,
    };

    private static JsonObject Component(string name) => new()
    {
        ["id"] = "x" + name.GetHashCode(StringComparison.Ordinal).ToString("x8", CultureInfo.InvariantCulture), ["name"] = name, ["status"] = "operational",
    };

    private DateTimeOffset Now() => factory.Service<TimeProvider>().GetUtcNow();

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, Guid pageId, string body, string query = "") =>
        client.PostAsync($"/status/admin/pages/{pageId}/import/statuspage/maintenances{query}", new StringContent(body, Encoding.UTF8, "application/json"));

    // A page with one component, "Object store", which the sample documents name.
    private Task WithPageAsync(string slug, Func<StatusPage, Component, Task> test) =>
        factory.WithPageAsync(slug, async page =>
            await test(page, await factory.Service<ComponentService>().CreateAsync(new CreateComponent { PageId = page.Id, Name = "Object store" })));
}
