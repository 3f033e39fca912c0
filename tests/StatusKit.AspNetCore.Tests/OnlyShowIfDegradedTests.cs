using System.Text.Json;
using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Services;
using StatusKit.Status;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// A component shown only while degraded (Statuspage's <c>only_show_if_degraded</c>) is left out of the public page and
/// the Statuspage documents while it is operational, with its group when no member is shown, and is there as soon as its
/// status is anything else; the page's status is the same either way.
/// </summary>
[Collection(SampleHostCollection.Name)]
public sealed class OnlyShowIfDegradedTests(SampleHostFactory factory)
{
    [Fact]
    public async Task Summary_and_components_json_leave_out_operational_components_shown_only_while_degraded_and_groups_with_none_shown()
    {
        await WithPageAsync("quiet-json", async (page, c) =>
        {
            foreach (var document in new[] { "summary.json", "components.json" })
            {
                using var json = await GetJsonAsync($"/status/quiet-json/api/v2/{document}");
                var components = json.RootElement.GetProperty("components").EnumerateArray().ToList();

                Assert.Equal(["Core", "API", "Reports"], components.Select(e => e.GetProperty("name").GetString()));
                Assert.Equal([c.Api.Id.ToString()], components[0].GetProperty("components").EnumerateArray().Select(e => e.GetString()));
                Assert.Equal([1, 1, 2], components.Select(e => e.GetProperty("position").GetInt32()));
                Assert.All(components, e => Assert.False(e.GetProperty("only_show_if_degraded").GetBoolean()));
            }

            using var summary = await GetJsonAsync("/status/quiet-json/api/v2/summary.json");
            Assert.Equal("none", summary.RootElement.GetProperty("status").GetProperty("indicator").GetString());
            var window = Assert.Single(summary.RootElement.GetProperty("scheduled_maintenances").EnumerateArray());
            Assert.Equal(["API"], window.GetProperty("components").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        });
    }

    [Fact]
    public async Task A_component_shown_only_while_degraded_is_listed_with_its_group_once_it_degrades_and_says_so()
    {
        await WithPageAsync("quiet-degraded", async (page, c) =>
        {
            await factory.Service<ComponentService>().SetManualStatusAsync(c.Batch.Id, ComponentStatus.DegradedPerformance);
            await factory.Service<ComponentService>().SetManualStatusAsync(c.Queue.Id, ComponentStatus.UnderMaintenance);

            foreach (var document in new[] { "summary.json", "components.json" })
            {
                using var json = await GetJsonAsync($"/status/quiet-degraded/api/v2/{document}");
                var components = json.RootElement.GetProperty("components").EnumerateArray().ToList();

                Assert.Equal(["Core", "API", "Queue", "Jobs", "Batch", "Reports"], components.Select(e => e.GetProperty("name").GetString()));
                var jobs = components.Single(e => e.GetProperty("name").GetString() == "Jobs");
                Assert.Equal([c.Batch.Id.ToString()], jobs.GetProperty("components").EnumerateArray().Select(e => e.GetString()));
                Assert.Equal("degraded_performance", jobs.GetProperty("status").GetString());
                var batch = components.Single(e => e.GetProperty("name").GetString() == "Batch");
                Assert.True(batch.GetProperty("only_show_if_degraded").GetBoolean());
                Assert.Equal("degraded_performance", batch.GetProperty("status").GetString());
                var queue = components.Single(e => e.GetProperty("name").GetString() == "Queue");
                Assert.True(queue.GetProperty("only_show_if_degraded").GetBoolean());
                Assert.Equal("under_maintenance", queue.GetProperty("status").GetString());
            }

            using var summary = await GetJsonAsync("/status/quiet-degraded/api/v2/summary.json");
            Assert.Equal("minor", summary.RootElement.GetProperty("status").GetProperty("indicator").GetString());
            var window = Assert.Single(summary.RootElement.GetProperty("scheduled_maintenances").EnumerateArray());
            Assert.Equal(["API", "Queue"], window.GetProperty("components").EnumerateArray().Select(e => e.GetProperty("name").GetString()));

            await factory.Service<ComponentService>().ClearManualStatusAsync(c.Batch.Id);
            await factory.Service<ComponentService>().ClearManualStatusAsync(c.Queue.Id);
            using var again = await GetJsonAsync("/status/quiet-degraded/api/v2/components.json");
            Assert.Equal(["Core", "API", "Reports"], again.RootElement.GetProperty("components").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        });
    }

    [Fact]
    public async Task The_status_page_hides_the_row_and_uptime_bar_of_an_operational_component_shown_only_while_degraded_and_shows_them_when_it_degrades()
    {
        await WithPageAsync("quiet-html", async (page, c) =>
        {
            using var client = factory.CreatePublicClient();
            var html = await client.GetStringAsync("/status/quiet-html");

            Assert.Contains($"id=\"component-{c.Api.Id}\"", html, StringComparison.Ordinal);
            Assert.Contains("aria-label=\"API: ", html, StringComparison.Ordinal);
            foreach (var hidden in new[] { c.Batch, c.Cron, c.Queue })
            {
                Assert.DoesNotContain($"id=\"component-{hidden.Id}\"", html, StringComparison.Ordinal);
                Assert.DoesNotContain($"aria-label=\"{hidden.Name}: ", html, StringComparison.Ordinal);
                Assert.DoesNotContain($"value=\"{hidden.Id}\"", html, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("aria-label=\"Jobs\"", html, StringComparison.Ordinal);
            Assert.Contains("aria-label=\"Core\"", html, StringComparison.Ordinal);
            Assert.Contains("data-indicator=\"none\"", html, StringComparison.Ordinal);

            await factory.Service<ComponentService>().SetManualStatusAsync(c.Batch.Id, ComponentStatus.PartialOutage);
            html = await client.GetStringAsync("/status/quiet-html");

            Assert.Contains($"id=\"component-{c.Batch.Id}\"", html, StringComparison.Ordinal);
            Assert.Contains("aria-label=\"Batch: ", html, StringComparison.Ordinal);
            Assert.Contains("aria-label=\"Jobs\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain($"id=\"component-{c.Cron.Id}\"", html, StringComparison.Ordinal);
            Assert.Contains("data-indicator=\"major\"", html, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task An_incident_names_a_component_shown_only_while_degraded_while_it_makes_it_degraded()
    {
        await WithPageAsync("quiet-incident", async (page, c) =>
        {
            var incident = await factory.Service<StatusIncidentService>().CreateAsync(new CreateStatusIncident
            {
                PageId = page.Id, Title = "Slow batches", Message = "Looking.", Severity = StatusIncidentSeverity.Minor,
                ComponentIds = [c.Batch.Id, c.Api.Id], NotifySubscribers = false,
            });
            using var client = factory.CreatePublicClient();

            using var open = await GetJsonAsync("/status/quiet-incident/api/v2/incidents/unresolved.json");
            Assert.Equal(
                ["API", "Batch"],
                open.RootElement.GetProperty("incidents")[0].GetProperty("components").EnumerateArray().Select(e => e.GetProperty("name").GetString()).Order());
            Assert.Contains("Affected: API, Batch", await client.GetStringAsync("/status/quiet-incident"), StringComparison.Ordinal);

            await factory.Service<StatusIncidentService>().ResolveAsync(incident.Id, "Fixed.", notifySubscribers: false);

            using var resolved = await GetJsonAsync("/status/quiet-incident/api/v2/incidents.json");
            Assert.Equal(
                ["API"],
                resolved.RootElement.GetProperty("incidents")[0].GetProperty("components").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
            Assert.Contains("Affected: API<", await client.GetStringAsync($"/status/quiet-incident/incidents/{incident.Id}"), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_page_whose_every_component_is_shown_only_while_degraded_says_they_are_operational_while_they_are()
    {
        var pages = factory.Service<StatusPageService>();
        var components = factory.Service<ComponentService>();
        var page = await pages.CreateAsync(new CreateStatusPage { Name = "all-quiet", Slug = "all-quiet" });
        try
        {
            var batch = await components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "Batch", OnlyShowIfDegraded = true });
            using var client = factory.CreatePublicClient();

            var html = await client.GetStringAsync("/status/all-quiet");
            Assert.Contains("All components are operational.", html, StringComparison.Ordinal);
            Assert.DoesNotContain("This page has no components yet.", html, StringComparison.Ordinal);

            await components.SetManualStatusAsync(batch.Id, ComponentStatus.MajorOutage);
            html = await client.GetStringAsync("/status/all-quiet");
            Assert.DoesNotContain("All components are operational.", html, StringComparison.Ordinal);
            Assert.Contains($"id=\"component-{batch.Id}\"", html, StringComparison.Ordinal);
        }
        finally
        {
            await pages.DeleteAsync(page.Id);
        }
    }

    // A page with the group Core (API; Queue shown only while degraded), the group Jobs (Batch and Cron, both shown only
    // while degraded) and Reports, ungrouped; an upcoming window covers API and Queue.
    private async Task WithPageAsync(string slug, Func<StatusPage, QuietComponents, Task> test)
    {
        var pages = factory.Service<StatusPageService>();
        var components = factory.Service<ComponentService>();
        var page = await pages.CreateAsync(new CreateStatusPage { Name = slug, Slug = slug });
        try
        {
            var api = await components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "API", GroupName = "Core" });
            var queue = await components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "Queue", GroupName = "Core", OnlyShowIfDegraded = true });
            var batch = await components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "Batch", GroupName = "Jobs", OnlyShowIfDegraded = true });
            var cron = await components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "Cron", GroupName = "Jobs", OnlyShowIfDegraded = true });
            await components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "Reports" });
            var start = DateTimeOffset.UtcNow.AddDays(2);
            await factory.Service<MaintenanceService>().CreateAsync(new CreateMaintenanceWindow
            {
                PageId = page.Id, Title = "Disk swap", StartsAt = start, EndsAt = start.AddHours(1), ComponentIds = [api.Id, queue.Id], NotifySubscribers = false,
            });
            await test(page, new QuietComponents(api, queue, batch, cron));
        }
        finally
        {
            await pages.DeleteAsync(page.Id);
        }
    }

    private async Task<JsonDocument> GetJsonAsync(string path)
    {
        using var client = factory.CreatePublicClient();
        return JsonDocument.Parse(await client.GetByteArrayAsync(path));
    }

    private sealed record QuietComponents(Component Api, Component Queue, Component Batch, Component Cron);
}
