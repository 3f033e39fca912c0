using System.Text.Json;
using StatusKit.AspNetCore.Admin;
using StatusKit.Model;

namespace StatusKit.AspNetCore.Tests;

/// <summary><see cref="StatuspageIncidentsDocument"/>: Statuspage's incidents.json read in StatusKit's terms.</summary>
public sealed class StatuspageIncidentsDocumentTests
{
    [Theory]
    [InlineData("investigating", StatusIncidentState.Investigating)]
    [InlineData("identified", StatusIncidentState.Identified)]
    [InlineData("monitoring", StatusIncidentState.Monitoring)]
    [InlineData("resolved", StatusIncidentState.Resolved)]
    [InlineData("postmortem", StatusIncidentState.Resolved)]
    [InlineData("scheduled", StatusIncidentState.Investigating)]
    [InlineData("in_progress", StatusIncidentState.Identified)]
    [InlineData("verifying", StatusIncidentState.Monitoring)]
    [InlineData("completed", StatusIncidentState.Resolved)]
    public void A_Statuspage_state_maps_to_StatusKits_for_the_incident_and_its_updates(string status, StatusIncidentState expected)
    {
        var incident = Assert.Single(Read(Incident(status: status, updateStatus: status)));

        Assert.Equal(expected, incident.State);
        Assert.Equal(expected, Assert.Single(incident.Updates).State);
    }

    [Theory]
    [InlineData("none", StatusIncidentSeverity.Minor)]
    [InlineData("minor", StatusIncidentSeverity.Minor)]
    [InlineData("maintenance", StatusIncidentSeverity.Minor)]
    [InlineData("major", StatusIncidentSeverity.Major)]
    [InlineData("critical", StatusIncidentSeverity.Critical)]
    public void The_impact_maps_to_a_severity(string impact, StatusIncidentSeverity expected) =>
        Assert.Equal(expected, Assert.Single(Read(Incident(impact: impact))).Severity);

    [Fact]
    public void An_update_is_dated_by_its_display_at_else_its_created_at_and_the_incident_by_the_earlier_of_created_at_and_started_at()
    {
        var incidents = Read($$"""
            {"incidents":[
              {{Incident(startedAt: "\"2025-01-01T08:00:00-01:00\"")}},
              {{Incident(displayAt: "null")}}
            ]}
            """, wrapped: false);

        Assert.Equal(DateTimeOffset.Parse("2025-01-01T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture), incidents[0].CreatedAt);
        Assert.Equal(DateTimeOffset.Parse("2025-01-01T10:30:00Z", System.Globalization.CultureInfo.InvariantCulture), incidents[0].Updates[0].At);
        Assert.Equal(DateTimeOffset.Parse("2025-01-01T10:20:00Z", System.Globalization.CultureInfo.InvariantCulture), incidents[1].Updates[0].At);
        Assert.Equal(DateTimeOffset.Parse("2025-01-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture), incidents[1].CreatedAt);
    }

    [Fact]
    public void An_entry_with_a_scheduled_for_time_is_read_as_a_scheduled_maintenance_and_one_without_as_an_incident()
    {
        var incidents = Read($$"""
            {"incidents":[
              {{Incident(status: "completed", updateStatus: "completed", scheduledFor: "\"2025-01-01T10:00:00Z\"")}},
              {{Incident(scheduledFor: "null")}},
              {{Incident()}}
            ]}
            """, wrapped: false);

        Assert.Equal([true, false, false], incidents.Select(i => i.IsScheduledMaintenance));
    }

    [Theory]
    [InlineData("{\"incidents\":[{\"id\":\"a\"}]}", "incidents[0].created_at")]
    [InlineData("{\"incidents\":[{\"id\":\"a\",\"created_at\":\"2025-01-01T00:00:00Z\"}]}", "incidents[0].incident_updates")]
    [InlineData("{\"incidents\":[{\"id\":\"a\",\"created_at\":\"2025-01-01T00:00:00Z\",\"incident_updates\":[{\"status\":\"resolved\"}]}]}", "incidents[0].incident_updates[0].created_at")]
    [InlineData("{\"incidents\":[{\"id\":\"a\",\"created_at\":\"2025-01-01T00:00:00\",\"incident_updates\":[]}]}", "incidents[0].created_at")]
    [InlineData("{\"incidents\":[{\"id\":\"a\",\"created_at\":\"2025-01-01T00:00:00Z\",\"incident_updates\":[],\"components\":[{}]}]}", "incidents[0].components[0].name")]
    [InlineData("{\"page\":{}}", "incidents")]
    [InlineData("[]", "body")]
    public void A_member_missing_or_wrong_is_refused_naming_its_json_path(string json, string field)
    {
        using var document = JsonDocument.Parse(json);

        var error = Assert.Throws<StatusKitValidationException>(() => StatuspageIncidentsDocument.Read(document.RootElement));

        Assert.Equal(field, error.Field);
    }

    private static List<Services.ImportedIncident> Read(string incident, bool wrapped = true)
    {
        using var document = JsonDocument.Parse(wrapped ? $$"""{"page":{"id":"p"},"incidents":[{{incident}}]}""" : incident);
        return [.. StatuspageIncidentsDocument.Read(document.RootElement)];
    }

    private static string Incident(
        string status = "resolved", string updateStatus = "resolved", string impact = "minor", string startedAt = "null", string displayAt = "\"2025-01-01T10:30:00Z\"", string? scheduledFor = null) => $$"""
        {"id":"abc","name":"Down","status":"{{status}}","impact":"{{impact}}","created_at":"2025-01-01T10:00:00Z","started_at":{{startedAt}},
         "resolved_at":null,"incident_updates":[{"id":"u","status":"{{updateStatus}}","body":"B","created_at":"2025-01-01T10:20:00Z","display_at":{{displayAt}}}],
         "components":[{"name":"API"}],"postmortem_body":null,"postmortem_published_at":null,"unknown_member":true{{(scheduledFor is null ? "" : $",\"scheduled_for\":{scheduledFor}")}}}
        """;
}
