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

/// <summary>
/// <c>POST admin/pages/{pageId}/import/cachet/schedules</c>: Cachet's GET /api/v1/schedules posted as downloaded (with
/// its components, to name theirs), recorded through the maintenance import. The routes all Cachet imports share
/// (pagination, malformed bodies, 413, 404, 401) are in <see cref="CachetImportRoutesTests"/>.
/// </summary>
[Collection(SampleHostCollection.Name)]
public sealed class CachetScheduleImportRoutesTests(SampleHostFactory factory)
{
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "TestData", "cachet");

    [Fact]
    public async Task Complete_and_upcoming_schedules_become_windows_linked_by_name_the_others_skipped_nobody_told_and_a_second_import_adds_nothing()
    {
        await WithPageAsync("cachet-schedules", async (page, objectStore) =>
        {
            using var admin = factory.CreateAdminClient();
            await factory.Service<SubscriberService>().SubscribeAsync(new Subscribe
            {
                PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "ops@example.com", PreVerified = true, NotifyOn = NotificationEvents.All,
            });
            var outboxBefore = await factory.OutboxCountAsync(page.Id);
            var upcomingStart = Now().AddDays(3);
            var body = WithComponents(Schedules(upcomingStart, TimeZoneInfo.Utc));

            var report = await ReadAsync(await PostAsync(admin, page.Id, body), HttpStatusCode.OK);

            var imported = report.GetProperty("imported").EnumerateArray().ToArray();
            Assert.Equal(2, report.GetProperty("importedCount").GetInt32());
            Assert.Equal(
                [("12", "Storage firmware upgrade", "completed"), ("11", "Network switch replacement", "scheduled")],
                imported.Select(i => (i.GetProperty("cachetId").GetString(), i.GetProperty("title").GetString(), i.GetProperty("state").GetString())));
            var skipped = report.GetProperty("skipped").EnumerateArray().ToArray();
            Assert.Equal(
                [("10", "Load balancer rotation", "inProgress"), ("9", "Database failover drill", "startPassed"), ("8", "Certificate rotation", "invalid"), ("7", "Old drill", "notPublic")],
                skipped.Select(s => (s.GetProperty("cachetId").GetString(), s.GetProperty("name").GetString(), s.GetProperty("reason").GetString())));
            Assert.Equal(4, report.GetProperty("skippedCount").GetInt32());
            Assert.All(skipped.Take(2), s => Assert.DoesNotContain("Statuspage", s.GetProperty("message").GetString(), StringComparison.Ordinal));
            Assert.Equal(["Block store"], report.GetProperty("unknownComponents").EnumerateArray().Select(n => n.GetString()));
            Assert.True(report.GetProperty("componentsLinked").GetBoolean());
            Assert.Equal(["9"], report.GetProperty("componentsNotFound").EnumerateArray().Select(c => c.GetString()));
            Assert.Equal(outboxBefore, await factory.OutboxCountAsync(page.Id));

            var completed = (await factory.Service<MaintenanceService>().GetAsync(imported[0].GetProperty("windowId").GetGuid()))!;
            Assert.Equal((MaintenanceState.Completed, At("2025-02-10T02:00:00Z"), At("2025-02-10T03:12:00Z")), (completed.State, completed.StartsAt, completed.EndsAt));
            Assert.Equal("We will upgrade the **storage** firmware.", completed.Description);
            Assert.Equal([objectStore.Id], completed.ComponentIds);
            Assert.False(completed.NotifySubscribers);
            var upcoming = (await factory.Service<MaintenanceService>().GetAsync(imported[1].GetProperty("windowId").GetGuid()))!;
            Assert.Equal((MaintenanceState.Scheduled, Seconds(upcomingStart), Seconds(upcomingStart).AddHours(2)), (upcoming.State, upcoming.StartsAt, upcoming.EndsAt));
            Assert.Equal([objectStore.Id], upcoming.ComponentIds);
            Assert.True(upcoming.NotifySubscribers);
            Assert.Equal(1, await ImportEntriesAsync(admin, page.Id));

            var again = await ReadAsync(await PostAsync(admin, page.Id, body), HttpStatusCode.OK);
            Assert.Equal(0, again.GetProperty("importedCount").GetInt32());
            var repeated = again.GetProperty("skipped").EnumerateArray().ToArray();
            Assert.Equal(
                ["alreadyImported", "alreadyImported", "inProgress", "startPassed", "invalid", "notPublic"],
                repeated.Select(s => s.GetProperty("reason").GetString()));
            Assert.Contains("Cachet schedule 12", repeated[0].GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Equal(2, (await factory.Service<MaintenanceService>().ListAsync(page.Id)).Count);
            Assert.Equal(1, await ImportEntriesAsync(admin, page.Id));
        });
    }

    [Fact]
    public async Task Schedules_alone_are_recorded_without_components_and_the_report_names_the_ids_it_could_not()
    {
        await WithPageAsync("cachet-schedules-alone", async (page, _) =>
        {
            using var admin = factory.CreateAdminClient();

            var report = await ReadAsync(await PostAsync(admin, page.Id, Schedules(Now().AddDays(3), TimeZoneInfo.Utc)), HttpStatusCode.OK);

            Assert.Equal(2, report.GetProperty("importedCount").GetInt32());
            Assert.False(report.GetProperty("componentsLinked").GetBoolean());
            Assert.Equal(["2", "3", "9", "1"], report.GetProperty("componentsNotFound").EnumerateArray().Select(c => c.GetString()));
            Assert.All(await factory.Service<MaintenanceService>().ListAsync(page.Id), w => Assert.Empty(w.ComponentIds));
        });
    }

    [Fact]
    public async Task Upcoming_schedules_imported_with_notifySubscribers_false_do_not_notify()
    {
        await WithPageAsync("cachet-schedules-quiet", async (page, _) =>
        {
            using var admin = factory.CreateAdminClient();

            var report = await ReadAsync(await PostAsync(admin, page.Id, Schedules(Now().AddDays(3), TimeZoneInfo.Utc), "?notifySubscribers=false"), HttpStatusCode.OK);

            var window = (await factory.Service<MaintenanceService>().GetAsync(report.GetProperty("imported")[1].GetProperty("windowId").GetGuid()))!;
            Assert.Equal(MaintenanceState.Scheduled, window.State);
            Assert.False(window.NotifySubscribers);
        });
    }

    [Fact]
    public async Task The_times_are_read_in_the_time_zone_given()
    {
        await WithPageAsync("cachet-schedules-zone", async (page, _) =>
        {
            using var admin = factory.CreateAdminClient();
            var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
            var upcomingStart = Now().AddDays(3);

            var report = await ReadAsync(await PostAsync(admin, page.Id, Schedules(upcomingStart, berlin), "?timeZone=europe/berlin"), HttpStatusCode.OK);

            var imported = report.GetProperty("imported").EnumerateArray().Select(i => i.GetProperty("windowId").GetGuid()).ToArray();
            var completed = (await factory.Service<MaintenanceService>().GetAsync(imported[0]))!;
            Assert.Equal((At("2025-02-10T01:00:00Z"), At("2025-02-10T02:12:00Z")), (completed.StartsAt, completed.EndsAt));
            var upcoming = (await factory.Service<MaintenanceService>().GetAsync(imported[1]))!;
            Assert.Equal(Seconds(upcomingStart), upcoming.StartsAt);
            // Both are shown and told on Cachet's clock.
            Assert.Equal(("Europe/Berlin", "Europe/Berlin"), (completed.TimeZoneId, upcoming.TimeZoneId));
        });
    }

    [Fact]
    public async Task The_same_list_imported_again_in_another_time_zone_adds_nothing()
    {
        await WithPageAsync("cachet-schedules-rezoned", async (page, _) =>
        {
            using var admin = factory.CreateAdminClient();
            var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
            var schedules = Schedules(Now().AddDays(3), berlin);
            var first = await ReadAsync(await PostAsync(admin, page.Id, schedules, "?timeZone=Europe/Berlin"), HttpStatusCode.OK);

            // The operator forgot the zone the first time, or gives it the second: Cachet's times, without offsets, move.
            var again = await ReadAsync(await PostAsync(admin, page.Id, schedules), HttpStatusCode.OK);

            Assert.Equal(2, first.GetProperty("importedCount").GetInt32());
            Assert.Equal(0, again.GetProperty("importedCount").GetInt32());
            Assert.Equal(
                ["alreadyImported", "alreadyImported"],
                again.GetProperty("skipped").EnumerateArray().Where(s => s.GetProperty("reason").GetString() == "alreadyImported").Select(s => s.GetProperty("reason").GetString()));
            Assert.Equal(2, (await factory.Service<MaintenanceService>().ListAsync(page.Id)).Count);
        });
    }

    [Fact]
    public async Task A_complete_schedule_that_breaks_a_rule_of_a_window_is_skipped_as_invalid_and_the_others_imported()
    {
        await WithPageAsync("cachet-schedules-invalid", async (page, _) =>
        {
            using var admin = factory.CreateAdminClient();
            var document = JsonNode.Parse(Schedules(Now().AddDays(3), TimeZoneInfo.Utc))!;
            document["data"]![0]!["completed_at"] = "2025-02-10 01:00:00";

            var report = await ReadAsync(await PostAsync(admin, page.Id, document.ToJsonString()), HttpStatusCode.OK);

            Assert.Equal(1, report.GetProperty("importedCount").GetInt32());
            var skipped = report.GetProperty("skipped").EnumerateArray().Single(s => s.GetProperty("cachetId").GetString() == "12");
            Assert.Equal("invalid", skipped.GetProperty("reason").GetString());
            Assert.StartsWith("endsAt: ", skipped.GetProperty("message").GetString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_missing_member_is_a_400_naming_its_json_path_and_imports_nothing()
    {
        await WithPageAsync("cachet-schedules-missing", async (page, _) =>
        {
            using var admin = factory.CreateAdminClient();
            var document = JsonNode.Parse(WithComponents(Schedules(Now().AddDays(3), TimeZoneInfo.Utc)))!;
            document["schedules"]!["data"]![3]!.AsObject().Remove("scheduled_at");

            await AssertProblemAsync(await PostAsync(admin, page.Id, document.ToJsonString()), HttpStatusCode.BadRequest, "schedules.data[3].scheduled_at");
            Assert.Empty(await factory.Service<MaintenanceService>().ListAsync(page.Id));
        });
    }

    [Theory]
    [InlineData("?timeZone=Mars/Olympus", "timeZone")]
    [InlineData("?notifySubscribers=maybe", "notifySubscribers")]
    public async Task A_query_value_it_cannot_read_is_a_400_naming_it(string query, string field)
    {
        var pageId = await factory.PageIdAsync("demo");
        using var admin = factory.CreateAdminClient();

        await AssertProblemAsync(await PostAsync(admin, pageId, """{"data":[]}""", query), HttpStatusCode.BadRequest, field);
    }

    // The sample's schedules with the upcoming one (11) starting at upcomingStart for two hours, written as Cachet writes
    // its times (no offset) on the clock of zone.
    private static string Schedules(DateTimeOffset upcomingStart, TimeZoneInfo zone)
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(Samples, "schedules.json")))!;
        var upcoming = document["data"]![1]!;
        upcoming["scheduled_at"] = Cachet(upcomingStart, zone);
        upcoming["completed_at"] = Cachet(upcomingStart.AddHours(2), zone);
        return document.ToJsonString();
    }

    private static string WithComponents(string schedules) =>
        $$"""{"schedules": {{schedules}}, "components": {{File.ReadAllText(Path.Combine(Samples, "components.json"))}}}""";

    private static string Cachet(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static DateTimeOffset Seconds(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private DateTimeOffset Now() => factory.Service<TimeProvider>().GetUtcNow();

    private static async Task<int> ImportEntriesAsync(HttpClient admin, Guid pageId)
    {
        using var log = JsonDocument.Parse(await admin.GetStringAsync($"/status/admin/pages/{pageId}/audit-log?action=maintenance.imported"));
        return log.RootElement.GetProperty("entries").GetArrayLength();
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, Guid pageId, string body, string query = "") =>
        client.PostAsync($"/status/admin/pages/{pageId}/import/cachet/schedules{query}", new StringContent(body, Encoding.UTF8, "application/json"));

    // A page with one component, "Object store" (Cachet's component 2), which the sample schedules name.
    private Task WithPageAsync(string slug, Func<StatusPage, Component, Task> test) =>
        factory.WithPageAsync(slug, async page =>
            await test(page, await factory.Service<ComponentService>().CreateAsync(new CreateComponent { PageId = page.Id, Name = "Object store" })));
}
