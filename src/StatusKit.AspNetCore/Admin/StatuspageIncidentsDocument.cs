using System.Text.Json;
using Microsoft.AspNetCore.Http;
using StatusKit.Model;
using StatusKit.Services;
using StatusKit.Shared;
using static StatusKit.AspNetCore.Admin.StatuspageDocument;

namespace StatusKit.AspNetCore.Admin;

/// <summary>
/// Reads the body of Atlassian Statuspage's public <c>GET /api/v2/incidents.json</c> as it is downloaded
/// (<c>{ "page": {...}, "incidents": [...] }</c>; <c>page</c> is not used) into the incidents of
/// <see cref="IncidentImportService.ImportAsync"/>, mapping Statuspage's vocabulary to StatusKit's: the inverse of
/// <see cref="Api.StatuspageMapper"/>. Members it does not use are ignored (Statuspage adds fields); one it needs that is
/// missing, of the wrong type, or with a value it does not know is a <see cref="StatusKitValidationException"/> naming
/// its JSON path (<c>incidents[3].incident_updates[0].created_at</c>). The body's limits and the readers of its members
/// are those of every Statuspage document StatusKit imports (<see cref="StatuspageDocument"/>).
/// </summary>
internal static class StatuspageIncidentsDocument
{
    /// <summary>
    /// The incidents of the request's body, or null when it is larger than <see cref="StatuspageDocument.MaxBytes"/>
    /// (nothing more is read).
    /// </summary>
    public static async Task<IReadOnlyList<ImportedIncident>?> ReadAsync(HttpContext context)
    {
        using var document = await StatuspageDocument.ParseAsync(context);
        return document is null ? null : Read(document.RootElement);
    }

    /// <summary>The incidents of a parsed document (its root: an object with <c>incidents</c>).</summary>
    public static IReadOnlyList<ImportedIncident> Read(JsonElement root)
    {
        // Only an object with an incidents array, as Statuspage serves it: a bare array (a list of something else) is
        // refused rather than guessed at. summary.json has one too, of unresolved incidents only, which are all skipped.
        return StatuspageDocument.Entries(root, "incidents.json", "incidents", "an array of incidents", Incident);
    }

    private static ImportedIncident Incident(JsonElement incident, string path)
    {
        if (incident.ValueKind != JsonValueKind.Object)
        {
            throw new StatusKitValidationException(path, $"The {path} must be an incident object.");
        }

        var createdAt = Time(incident, "created_at", path);
        var startedAt = OptionalTime(incident, "started_at", path);
        var updates = Member(incident, "incident_updates", $"{path}.incident_updates", JsonValueKind.Array, "an array of updates");
        var list = new List<ImportedIncidentUpdate>(updates.GetArrayLength());
        var index = 0;
        foreach (var update in updates.EnumerateArray())
        {
            list.Add(Update(update, $"{path}.incident_updates[{index++}]"));
        }

        var names = ComponentNames(incident, path);
        return new ImportedIncident
        {
            StatuspageId = Text(incident, "id", path),
            Title = Text(incident, "name", path),
            State = State(incident, "status", path),
            IsScheduledMaintenance = OptionalTime(incident, "scheduled_for", path) is not null,
            Severity = Impact(incident, path),
            CreatedAt = startedAt is { } started && started < createdAt ? started : createdAt,
            ResolvedAt = OptionalTime(incident, "resolved_at", path),
            Updates = list,
            ComponentNames = names,
            Postmortem = OptionalText(incident, "postmortem_body", path),
            PostmortemPublishedAt = OptionalTime(incident, "postmortem_published_at", path),
        };
    }

    private static ImportedIncidentUpdate Update(JsonElement update, string path)
    {
        if (update.ValueKind != JsonValueKind.Object)
        {
            throw new StatusKitValidationException(path, $"The {path} must be an update object.");
        }

        var at = ShownAt(update, path);
        return new ImportedIncidentUpdate(at, State(update, "status", path), Text(update, "body", path, allowEmpty: true));
    }

    // Statuspage's incident and update states, and those of a scheduled maintenance (incidents.json may list them).
    private static StatusIncidentState State(JsonElement owner, string name, string path) =>
        Text(owner, name, path) switch
        {
            "investigating" => StatusIncidentState.Investigating,
            "identified" => StatusIncidentState.Identified,
            "monitoring" => StatusIncidentState.Monitoring,
            "resolved" or "postmortem" or "completed" => StatusIncidentState.Resolved,
            "scheduled" => StatusIncidentState.Investigating,
            "in_progress" => StatusIncidentState.Identified,
            "verifying" => StatusIncidentState.Monitoring,
            var other => throw new StatusKitValidationException(
                $"{path}.{name}",
                $"The {path}.{name} '{QuotedValue.Of(other)}' is not a Statuspage state; it takes investigating, identified, monitoring, resolved, postmortem, scheduled, in_progress, verifying or completed."),
        };

    private static StatusIncidentSeverity Impact(JsonElement incident, string path) =>
        Text(incident, "impact", path) switch
        {
            "none" or "minor" or "maintenance" => StatusIncidentSeverity.Minor,
            "major" => StatusIncidentSeverity.Major,
            "critical" => StatusIncidentSeverity.Critical,
            var other => throw new StatusKitValidationException(
                $"{path}.impact", $"The {path}.impact '{QuotedValue.Of(other)}' is not a Statuspage impact; it takes none, minor, major, critical or maintenance."),
        };
}
