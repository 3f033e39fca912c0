using System.Text.Json;
using Microsoft.AspNetCore.Http;
using StatusKit.Model;
using StatusKit.Services;
using static StatusKit.AspNetCore.Admin.CachetDocument;
using static StatusKit.AspNetCore.Admin.StatuspageDocument;

namespace StatusKit.AspNetCore.Admin;

/// <summary>
/// Reads the body of <c>POST admin/pages/{pageId}/import/cachet/incidents</c>: Cachet's <c>GET /api/v1/incidents</c> as
/// downloaded (<c>{ "meta": {...}, "data": [...] }</c>), or that and <c>GET /api/v1/components</c> together
/// (<c>{ "incidents": {...}, "components": {...} }</c>) so that an incident's <c>component_id</c> is known by the
/// component's name, into the incidents of <see cref="IncidentImportService.ImportAsync"/>, mapping Cachet's vocabulary
/// to StatusKit's:
/// <list type="bullet">
/// <item>the id is <c>cachet-{id}</c> (what makes importing again add nothing); the title Cachet's <c>name</c>;</item>
/// <item><c>status</c> 4 (Fixed) is Resolved, 1 Investigating, 2 Identified, 3 (Watching) Monitoring; 0 (Scheduled) is
/// a scheduled maintenance, skipped;</item>
/// <item>the start is <c>occurred_at</c> (Cachet 2.4; <c>scheduled_at</c> before it), else <c>created_at</c>;</item>
/// <item>the timeline is the incident's <c>message</c> at its start, then each of its <c>updates</c> (<c>status</c>,
/// <c>message</c>, <c>created_at</c>); an incident without updates is the one entry of its message, Resolved when it is
/// Fixed, resolved at its <c>updated_at</c>;</item>
/// <item>the severity (Cachet has none) the worst <c>component_status</c> its updates set: 4 (major outage) Critical,
/// 3 (partial outage) Major, else Minor.</item>
/// </list>
/// An incident not public on Cachet (<c>visible</c> 0) is left out (<see cref="CachetIncidents.NotPublic"/>). Members it
/// does not use (<c>stickied</c>, <c>human_status</c>, <c>permalink</c> …) are ignored; one it needs that is missing or
/// of the wrong type is a <see cref="StatusKitValidationException"/> naming its JSON path (<c>incidents.data[3].name</c>).
/// </summary>
internal static class CachetIncidentsDocument
{
    /// <summary>The prefix of an incident's id given to the import: its Cachet id follows.</summary>
    public const string IdPrefix = "cachet-";

    /// <summary>The Cachet id of an import id (<see cref="IdPrefix"/> and the id), as the reports name it.</summary>
    public static string CachetIdOf(string importId) =>
        importId.StartsWith(IdPrefix, StringComparison.Ordinal) ? importId[IdPrefix.Length..] : importId;

    /// <summary>What the request's body holds, or null when it is larger than <see cref="StatuspageDocument.MaxBytes"/> (nothing more is read).</summary>
    public static async Task<CachetIncidents?> ReadAsync(HttpContext context, TimeZoneInfo zone)
    {
        using var document = await ParseAsync(context);
        return document is null ? null : Read(document.RootElement, zone);
    }

    /// <summary>The incidents of a parsed body (either shape), its times without offset read on the clock of <paramref name="zone"/>.</summary>
    public static CachetIncidents Read(JsonElement root, TimeZoneInfo zone)
    {
        var (list, path, names) = CachetDocument.Unwrap(root, "incidents", "GET /api/v1/incidents");
        return Read(list, path, names, zone);
    }

    private static CachetIncidents Read(JsonElement list, string path, Dictionary<string, string>? names, TimeZoneInfo zone)
    {
        var incidents = new List<ImportedIncident>();
        var notPublic = new List<string>();
        var missing = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (incident, isPublic, componentId) in Entries(list, path, "GET /api/v1/incidents", (e, at) => Incident(e, at, zone)))
        {
            if (!isPublic)
            {
                notPublic.Add(incident.StatuspageId[IdPrefix.Length..]);
                continue;
            }

            if (componentId is null)
            {
                incidents.Add(incident);
            }
            else if (names is not null && names.TryGetValue(componentId, out var name))
            {
                incidents.Add(incident with { ComponentNames = [name] });
            }
            else
            {
                incidents.Add(incident);
                missing[incident.StatuspageId] = componentId;
            }
        }

        return new CachetIncidents(incidents, notPublic, names is not null, missing);
    }

    private static (ImportedIncident Incident, bool IsPublic, string? ComponentId) Incident(JsonElement incident, string path, TimeZoneInfo zone)
    {
        var id = Id(incident, "id", path);
        var status = Status(incident, path);
        var createdAt = OptionalTime(incident, "occurred_at", path, zone)
            ?? OptionalTime(incident, "scheduled_at", path, zone)
            ?? Time(incident, "created_at", path, zone);
        var message = OptionalText(incident, "message", path) ?? string.Empty;
        var updates = new List<ImportedIncidentUpdate>();
        var worst = 0;
        if (incident.TryGetProperty("updates", out var list) && list.ValueKind != JsonValueKind.Null)
        {
            if (list.ValueKind != JsonValueKind.Array)
            {
                throw new StatusKitValidationException($"{path}.updates", $"The {path}.updates must be an array of updates.");
            }

            var index = 0;
            foreach (var update in list.EnumerateArray())
            {
                var at = $"{path}.updates[{index++}]";
                if (update.ValueKind != JsonValueKind.Object)
                {
                    throw new StatusKitValidationException(at, $"The {at} must be an update object.");
                }

                var state = Status(update, at) ?? StatusIncidentState.Investigating;
                worst = Math.Max(worst, OptionalNumber(update, "component_status", at) ?? 0);
                updates.Add(new ImportedIncidentUpdate(Time(update, "created_at", at, zone), state, Text(update, "message", at, allowEmpty: true)));
            }
        }

        DateTimeOffset? resolvedAt = null;
        if (updates.Count == 0)
        {
            // Cachet before 2.4 kept no timeline: the incident's message, its status edited in place.
            updates.Add(new ImportedIncidentUpdate(createdAt, status ?? StatusIncidentState.Investigating, message));
            resolvedAt = status == StatusIncidentState.Resolved && OptionalTime(incident, "updated_at", path, zone) is { } updated && updated >= createdAt ? updated : null;
        }
        else if (message.Trim().Length > 0)
        {
            updates.Insert(0, new ImportedIncidentUpdate(createdAt, StatusIncidentState.Investigating, message));
        }

        var imported = new ImportedIncident
        {
            StatuspageId = IdPrefix + id,
            Title = Text(incident, "name", path),
            State = status ?? StatusIncidentState.Investigating,
            IsScheduledMaintenance = status is null,
            Severity = worst switch
            {
                >= 4 => StatusIncidentSeverity.Critical,
                3 => StatusIncidentSeverity.Major,
                _ => StatusIncidentSeverity.Minor,
            },
            CreatedAt = createdAt,
            ResolvedAt = resolvedAt,
            Updates = updates,
        };
        return (imported, Flag(incident, "visible", path, absent: true), OptionalId(incident, "component_id", path));
    }

    // Cachet's incident statuses; null is 0, Scheduled (a maintenance).
    private static StatusIncidentState? Status(JsonElement owner, string path) =>
        OptionalNumber(owner, "status", path) switch
        {
            0 => null,
            1 => StatusIncidentState.Investigating,
            2 => StatusIncidentState.Identified,
            3 => StatusIncidentState.Monitoring,
            4 => StatusIncidentState.Resolved,
            null => throw new StatusKitValidationException($"{path}.status", $"The {path}.status is required."),
            var other => throw new StatusKitValidationException(
                $"{path}.status", $"The {path}.status {other} is not a Cachet incident status; it takes 0 (scheduled), 1 (investigating), 2 (identified), 3 (watching) or 4 (fixed)."),
        };
}
