using System.Globalization;
using System.Text.Json;
using StatusKit.AspNetCore.Admin;
using StatusKit.Model;
using StatusKit.Services;

namespace StatusKit.AspNetCore.Tests;

/// <summary><see cref="StatuspageMaintenancesDocument"/>: Statuspage's scheduled-maintenances.json read in StatusKit's terms.</summary>
public sealed class StatuspageMaintenancesDocumentTests
{
    [Theory]
    [InlineData("scheduled", MaintenanceState.Scheduled)]
    [InlineData("in_progress", MaintenanceState.InProgress)]
    [InlineData("verifying", MaintenanceState.InProgress)]
    [InlineData("completed", MaintenanceState.Completed)]
    public void A_Statuspage_maintenance_status_maps_to_a_window_state(string status, MaintenanceState expected) =>
        Assert.Equal(expected, Assert.Single(Read(Maintenance(status: status))).State);

    [Fact]
    public void The_fields_are_read_in_StatusKits_terms_with_the_first_update_as_the_description_and_the_first_in_progress_update_as_the_start()
    {
        var maintenance = Assert.Single(Read(Maintenance(status: "completed", resolvedAt: "\"2025-01-02T03:10:00Z\"")));

        Assert.Equal(
            ("m1", "DB upgrade", "We will upgrade the database.", At("2025-01-01T10:00:00Z")),
            (maintenance.StatuspageId, maintenance.Title, maintenance.Description, maintenance.CreatedAt));
        Assert.Equal((At("2025-01-02T02:00:00Z"), At("2025-01-02T03:00:00Z")), (maintenance.ScheduledFor, maintenance.ScheduledUntil));
        Assert.Equal((At("2025-01-02T02:05:00Z"), At("2025-01-02T03:10:00Z")), (maintenance.StartedAt, maintenance.CompletedAt));
        Assert.Equal(["API", "Web"], maintenance.ComponentNames);
        Assert.True(maintenance.NotifySubscribers);
    }

    [Fact]
    public void A_maintenance_that_never_went_in_progress_has_no_start_of_its_own_and_an_empty_first_update_no_description()
    {
        var maintenance = Assert.Single(Read("""
            {"id":"m2","name":"N","status":"scheduled","created_at":"2025-01-01T10:00:00Z","scheduled_for":"2025-01-02T02:00:00Z",
             "scheduled_until":"2025-01-02T03:00:00Z","resolved_at":null,"components":null,
             "incident_updates":[{"status":"scheduled","body":" ","created_at":"2025-01-01T10:00:00Z","display_at":null}]}
            """));

        Assert.Null(maintenance.StartedAt);
        Assert.Null(maintenance.Description);
        Assert.Empty(maintenance.ComponentNames);
    }

    [Fact]
    public void Summary_json_is_read_for_its_scheduled_maintenances()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "statuspage", "summary.json")));

        var maintenance = Assert.Single(StatuspageMaintenancesDocument.Read(document.RootElement));

        Assert.Equal(("m0g5tq8yk2ha", MaintenanceState.Scheduled), (maintenance.StatuspageId, maintenance.State));
        Assert.Equal("We will fail the primary database over to a replica.", maintenance.Description);
    }

    [Theory]
    [InlineData("{\"scheduled_maintenances\":[{\"id\":\"a\"}]}", "scheduled_maintenances[0].name")]
    [InlineData("{\"scheduled_maintenances\":[{\"id\":\"a\",\"name\":\"N\",\"status\":\"resolved\"}]}", "scheduled_maintenances[0].status")]
    [InlineData("{\"scheduled_maintenances\":[{\"id\":\"a\",\"name\":\"N\",\"status\":\"completed\",\"created_at\":\"2025-01-01T00:00:00Z\"}]}", "scheduled_maintenances[0].scheduled_for")]
    [InlineData("{\"scheduled_maintenances\":[{\"id\":\"a\",\"name\":\"N\",\"status\":\"completed\",\"created_at\":\"2025-01-01T00:00:00Z\",\"scheduled_for\":\"2025-01-01T00:00:00\"}]}", "scheduled_maintenances[0].scheduled_for")]
    [InlineData("{\"scheduled_maintenances\":[{\"id\":\"a\",\"name\":\"N\",\"status\":\"completed\",\"created_at\":\"2025-01-01T00:00:00Z\",\"scheduled_for\":\"2025-01-01T00:00:00Z\",\"scheduled_until\":\"2025-01-01T01:00:00Z\"}]}", "scheduled_maintenances[0].incident_updates")]
    [InlineData("{\"scheduled_maintenances\":[{\"id\":\"a\",\"name\":\"N\",\"status\":\"completed\",\"created_at\":\"2025-01-01T00:00:00Z\",\"scheduled_for\":\"2025-01-01T00:00:00Z\",\"scheduled_until\":\"2025-01-01T01:00:00Z\",\"incident_updates\":[{\"status\":\"completed\",\"body\":\"b\"}]}]}", "scheduled_maintenances[0].incident_updates[0].created_at")]
    [InlineData("{\"scheduled_maintenances\":[{\"id\":\"a\",\"name\":\"N\",\"status\":\"completed\",\"created_at\":\"2025-01-01T00:00:00Z\",\"scheduled_for\":\"2025-01-01T00:00:00Z\",\"scheduled_until\":\"2025-01-01T01:00:00Z\",\"incident_updates\":[],\"components\":[{}]}]}", "scheduled_maintenances[0].components[0].name")]
    [InlineData("{\"scheduled_maintenances\":[7]}", "scheduled_maintenances[0]")]
    [InlineData("{\"incidents\":[]}", "scheduled_maintenances")]
    [InlineData("[]", "body")]
    public void A_member_missing_or_wrong_is_refused_naming_its_json_path(string json, string field)
    {
        using var document = JsonDocument.Parse(json);

        var error = Assert.Throws<StatusKitValidationException>(() => StatuspageMaintenancesDocument.Read(document.RootElement));

        Assert.Equal(field, error.Field);
    }

    private static List<ImportedMaintenance> Read(string maintenance)
    {
        using var document = JsonDocument.Parse($$"""{"page":{"id":"p"},"scheduled_maintenances":[{{maintenance}}]}""");
        return [.. StatuspageMaintenancesDocument.Read(document.RootElement)];
    }

    // Statuspage lists the updates newest first.
    private static string Maintenance(string status = "scheduled", string resolvedAt = "null") => $$"""
        {"id":"m1","name":"DB upgrade","status":"{{status}}","impact":"maintenance","created_at":"2025-01-01T10:00:00Z","started_at":"2025-01-01T10:00:00Z",
         "scheduled_for":"2025-01-02T02:00:00Z","scheduled_until":"2025-01-02T03:00:00Z","resolved_at":{{resolvedAt}},"shortlink":"https://stspg.io/x",
         "incident_updates":[
           {"id":"u3","status":"completed","body":"Done.","created_at":"2025-01-02T03:10:00Z","display_at":"2025-01-02T03:10:00Z"},
           {"id":"u2","status":"in_progress","body":"Started.","created_at":"2025-01-02T02:06:00Z","display_at":"2025-01-02T02:05:00Z"},
           {"id":"u1","status":"scheduled","body":"We will upgrade the database.","created_at":"2025-01-01T10:00:00Z","display_at":null}],
         "components":[{"name":"API"},{"name":"Web"}],"unknown_member":true}
        """;

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
