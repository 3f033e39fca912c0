using System.Text.Json;
using Microsoft.AspNetCore.Http;
using StatusKit.Model;
using StatusKit.Services;
using StatusKit.Shared;
using static StatusKit.AspNetCore.Admin.StatuspageDocument;

namespace StatusKit.AspNetCore.Admin;

/// <summary>
/// Reads the body of Atlassian Statuspage's public <c>GET /api/v2/scheduled-maintenances.json</c> as it is downloaded
/// (<c>{ "page": {...}, "scheduled_maintenances": [...] }</c>; <c>page</c> is not used), or of
/// <c>scheduled-maintenances/upcoming.json</c>, <c>scheduled-maintenances/active.json</c> or <c>summary.json</c> (the same
/// member), into the maintenances of <see cref="MaintenanceImportService.ImportAsync"/>: the inverse of
/// <see cref="Api.StatuspageMapper"/>'s maintenances. The description is the body of the first update (the announcement
/// of what is planned: the later ones say it started and ended), the real start the time of the first <c>in_progress</c>
/// update (Statuspage's <c>started_at</c> of a maintenance is when it was created), the real end its
/// <c>resolved_at</c>. Members it does not use are ignored (<c>impact</c>, <c>shortlink</c>, and what Statuspage
/// adds); one it needs that is missing, of the wrong type, or with a value it does not know is a
/// <see cref="StatusKitValidationException"/> naming its JSON path (<c>scheduled_maintenances[2].scheduled_for</c>).
/// </summary>
internal static class StatuspageMaintenancesDocument
{
    private const string ArrayName = "scheduled_maintenances";

    /// <summary>
    /// The maintenances of the request's body, or null when it is larger than <see cref="StatuspageDocument.MaxBytes"/>
    /// (nothing more is read).
    /// </summary>
    public static async Task<IReadOnlyList<ImportedMaintenance>?> ReadAsync(HttpContext context)
    {
        using var document = await StatuspageDocument.ParseAsync(context);
        return document is null ? null : Read(document.RootElement);
    }

    /// <summary>The maintenances of a parsed document (its root: an object with <c>scheduled_maintenances</c>).</summary>
    public static IReadOnlyList<ImportedMaintenance> Read(JsonElement root)
    {
        return Entries(root, "scheduled-maintenances.json", ArrayName, "an array of scheduled maintenances", Maintenance);
    }

    private static ImportedMaintenance Maintenance(JsonElement maintenance, string path)
    {
        if (maintenance.ValueKind != JsonValueKind.Object)
        {
            throw new StatusKitValidationException(path, $"The {path} must be a scheduled maintenance object.");
        }

        var id = Text(maintenance, "id", path);
        var name = Text(maintenance, "name", path);
        var state = State(maintenance, path);
        var createdAt = Time(maintenance, "created_at", path);
        var scheduledFor = Time(maintenance, "scheduled_for", path);
        var scheduledUntil = Time(maintenance, "scheduled_until", path);
        var resolvedAt = OptionalTime(maintenance, "resolved_at", path);
        var updates = Member(maintenance, "incident_updates", $"{path}.incident_updates", JsonValueKind.Array, "an array of updates");
        var list = new List<(DateTimeOffset At, int Index, string Status, string Body)>(updates.GetArrayLength());
        var index = 0;
        foreach (var update in updates.EnumerateArray())
        {
            var at = $"{path}.incident_updates[{index}]";
            if (update.ValueKind != JsonValueKind.Object)
            {
                throw new StatusKitValidationException(at, $"The {at} must be an update object.");
            }

            list.Add((ShownAt(update, at), index++, Text(update, "status", at), Text(update, "body", at, allowEmpty: true)));
        }

        // Oldest first; of two at the same time the later in the document (Statuspage lists the newest first).
        var timeline = list.OrderBy(u => u.At).ThenByDescending(u => u.Index).ToList();
        var description = timeline.Count > 0 && timeline[0].Body.Trim().Length > 0 ? timeline[0].Body : null;
        var started = timeline.FirstOrDefault(u => u.Status == "in_progress");
        return new ImportedMaintenance
        {
            StatuspageId = id,
            Title = name,
            Description = description,
            State = state,
            CreatedAt = createdAt,
            ScheduledFor = scheduledFor,
            ScheduledUntil = scheduledUntil,
            StartedAt = started.Status is null ? null : started.At,
            CompletedAt = resolvedAt,
            ComponentNames = ComponentNames(maintenance, path),
        };
    }

    private static MaintenanceState State(JsonElement maintenance, string path) =>
        Text(maintenance, "status", path) switch
        {
            "scheduled" => MaintenanceState.Scheduled,
            "in_progress" or "verifying" => MaintenanceState.InProgress,
            "completed" => MaintenanceState.Completed,
            var other => throw new StatusKitValidationException(
                $"{path}.status", $"The {path}.status '{QuotedValue.Of(other)}' is not a Statuspage maintenance status; it takes scheduled, in_progress, verifying or completed."),
        };
}
