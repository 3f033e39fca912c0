using System.Text.Json;
using StatusKit.AspNetCore.Admin;
using StatusKit.Model;

namespace StatusKit.AspNetCore.Tests;

/// <summary><see cref="CachetIncidentsDocument"/>: Cachet's GET /api/v1/incidents (with its components or without) read in StatusKit's terms.</summary>
public sealed class CachetIncidentsDocumentTests
{
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "TestData", "cachet");

    private static string Sample(string name) => File.ReadAllText(Path.Combine(Samples, name));

    private static CachetIncidents Read(string json, TimeZoneInfo? zone = null)
    {
        using var document = JsonDocument.Parse(json);
        return CachetIncidentsDocument.Read(document.RootElement, zone ?? TimeZoneInfo.Utc);
    }

    [Fact]
    public void A_fixed_incident_with_updates_is_its_message_then_its_updates_its_severity_the_worst_component_status()
    {
        var read = Read($$"""{"incidents": {{Sample("incidents.json")}}, "components": {{Sample("components.json")}}}""");

        var incident = read.Incidents[0];
        Assert.Equal(("cachet-7", "Slow uploads", StatusIncidentState.Resolved, false), (incident.StatuspageId, incident.Title, incident.State, incident.IsScheduledMaintenance));
        Assert.Equal(StatusIncidentSeverity.Major, incident.Severity);
        Assert.Equal(new DateTimeOffset(2025, 2, 10, 8, 0, 0, TimeSpan.Zero), incident.CreatedAt);
        Assert.Equal(["Object store"], incident.ComponentNames);
        Assert.Equal(
            [
                (new DateTimeOffset(2025, 2, 10, 8, 0, 0, TimeSpan.Zero), StatusIncidentState.Investigating, "Uploads to the object store are slow; we are looking into it."),
                (new DateTimeOffset(2025, 2, 10, 9, 30, 0, TimeSpan.Zero), StatusIncidentState.Resolved, "Uploads are fast again."),
                (new DateTimeOffset(2025, 2, 10, 8, 40, 0, TimeSpan.Zero), StatusIncidentState.Identified, "A full disk on one storage node: it is being replaced."),
            ],
            incident.Updates.Select(u => (u.At, u.State, u.Message)));
        Assert.Null(incident.ResolvedAt);
        Assert.True(read.ComponentsGiven);
        Assert.Empty(read.MissingComponents);
    }

    [Fact]
    public void A_fixed_incident_without_updates_is_one_resolved_entry_of_its_message_resolved_when_it_was_last_edited()
    {
        var incident = Read(Sample("incidents.json")).Incidents[1];

        Assert.Equal("cachet-6", incident.StatuspageId);
        var only = Assert.Single(incident.Updates);
        Assert.Equal((incident.CreatedAt, StatusIncidentState.Resolved), (only.At, only.State));
        Assert.Equal(new DateTimeOffset(2025, 1, 20, 14, 30, 0, TimeSpan.Zero), incident.ResolvedAt);
        Assert.Equal(StatusIncidentSeverity.Minor, incident.Severity);
        Assert.Empty(incident.ComponentNames);
    }

    [Fact]
    public void Open_incidents_and_scheduled_ones_are_read_for_the_import_to_skip_and_invisible_ones_left_out()
    {
        var read = Read(Sample("incidents.json"));

        Assert.Equal(["cachet-7", "cachet-6", "cachet-5", "cachet-3"], read.Incidents.Select(i => i.StatuspageId));
        Assert.Equal(StatusIncidentState.Monitoring, read.Incidents[2].State);
        Assert.True(read.Incidents[3].IsScheduledMaintenance);
        Assert.Equal(new DateTimeOffset(2024, 11, 2, 22, 0, 0, TimeSpan.Zero), read.Incidents[3].CreatedAt);
        Assert.Equal(["4"], read.NotPublic);
    }

    [Fact]
    public void Without_components_no_incident_is_linked_and_the_component_ids_are_named()
    {
        var read = Read(Sample("incidents.json"));

        Assert.All(read.Incidents, i => Assert.Empty(i.ComponentNames));
        Assert.False(read.ComponentsGiven);
        Assert.Equal(
            new Dictionary<string, string> { ["cachet-7"] = "2", ["cachet-5"] = "1", ["cachet-3"] = "1" },
            read.MissingComponents);
    }

    [Fact]
    public void Times_without_offset_are_read_on_the_clock_of_the_zone_given_and_those_with_one_as_they_say()
    {
        const string json = """
            {"data":[{"id":1,"name":"N","status":4,"message":"M","occurred_at":"2025-07-01 10:00:00","created_at":"2025-07-01 10:00:00",
              "updates":[{"status":4,"message":"Done","created_at":"2025-07-01T09:30:00Z"}]}]}
            """;

        var incident = Assert.Single(Read(json, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).Incidents);

        Assert.Equal(new DateTimeOffset(2025, 7, 1, 8, 0, 0, TimeSpan.Zero), incident.CreatedAt.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2025, 7, 1, 9, 30, 0, TimeSpan.Zero), incident.Updates[1].At.ToUniversalTime());
    }

    [Theory]
    [InlineData("""{"data":[{"name":"N","status":4,"created_at":"2025-01-01 00:00:00"}]}""", "data[0].id")]
    [InlineData("""{"data":[{"id":1,"status":4,"created_at":"2025-01-01 00:00:00"}]}""", "data[0].name")]
    [InlineData("""{"data":[{"id":1,"name":"N","created_at":"2025-01-01 00:00:00"}]}""", "data[0].status")]
    [InlineData("""{"data":[{"id":1,"name":"N","status":5,"created_at":"2025-01-01 00:00:00"}]}""", "data[0].status")]
    [InlineData("""{"data":[{"id":1,"name":"N","status":"fixed","created_at":"2025-01-01 00:00:00"}]}""", "data[0].status")]
    [InlineData("""{"data":[{"id":1,"name":"N","status":4}]}""", "data[0].created_at")]
    [InlineData("""{"data":[{"id":1,"name":"N","status":4,"created_at":"last week"}]}""", "data[0].created_at")]
    [InlineData("""{"data":[{"id":1,"name":"N","status":4,"created_at":"2025-01-01 00:00:00","visible":"no"}]}""", "data[0].visible")]
    [InlineData("""{"data":[{"id":1,"name":"N","status":4,"created_at":"2025-01-01 00:00:00","updates":{}}]}""", "data[0].updates")]
    [InlineData("""{"data":[{"id":1,"name":"N","status":4,"created_at":"2025-01-01 00:00:00","updates":[{"status":4,"message":"M"}]}]}""", "data[0].updates[0].created_at")]
    [InlineData("""{"data":[{"id":1,"name":"N","status":4,"created_at":"2025-01-01 00:00:00","updates":[{"status":4,"created_at":"2025-01-01 01:00:00"}]}]}""", "data[0].updates[0].message")]
    [InlineData("""{"incidents":{"data":[]},"components":{"data":[{"id":1}]}}""", "components.data[0].name")]
    [InlineData("""{"incidents":{"data":[{"id":1}]}}""", "incidents.data[0].status")]
    [InlineData("""{"incidents":[]}""", "incidents")]
    [InlineData("""{"meta":{}}""", "data")]
    [InlineData("[]", "body")]
    public void A_member_missing_or_wrong_is_refused_naming_its_json_path(string json, string field)
    {
        var error = Assert.Throws<StatusKitValidationException>(() => Read(json));

        Assert.Equal(field, error.Field);
    }
}
