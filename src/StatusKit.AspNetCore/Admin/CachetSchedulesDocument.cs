using System.Text.Json;
using Microsoft.AspNetCore.Http;
using StatusKit.Model;
using StatusKit.Services;
using static StatusKit.AspNetCore.Admin.CachetDocument;
using static StatusKit.AspNetCore.Admin.StatuspageDocument;

namespace StatusKit.AspNetCore.Admin;

/// <summary>
/// Reads the body of <c>POST admin/pages/{pageId}/import/cachet/schedules</c>: Cachet's <c>GET /api/v1/schedules</c> as
/// downloaded (<c>{ "meta": {...}, "data": [...] }</c>), or that and <c>GET /api/v1/components</c> together
/// (<c>{ "schedules": {...}, "components": {...} }</c>) so that a schedule's components are known by name, into the
/// maintenances of <see cref="MaintenanceImportService.ImportAsync"/>, mapping Cachet's vocabulary to StatusKit's:
/// <list type="bullet">
/// <item>the id is <c>cachet-{id}</c> (what makes importing again add nothing, as for the incidents); the title
/// Cachet's <c>name</c>, the description its <c>message</c> (an empty one is none);</item>
/// <item><c>status</c> 0 (Upcoming) is Scheduled, 1 (In Progress) InProgress, 2 (Complete) Completed;</item>
/// <item>the start is <c>scheduled_at</c>, the end <c>completed_at</c> (the planned end of an upcoming schedule, the
/// real one of a complete one; Cachet keeps no real start); the creation <c>created_at</c>;</item>
/// <item>the components each <c>components[].component_id</c>, named by the body's components.</item>
/// </list>
/// A deleted schedule (<c>deleted_at</c> set) is left out as not public, and an upcoming or complete one without
/// <c>completed_at</c> as invalid: a window has an end (<see cref="CachetSchedules.LeftOut"/>). Members it does not use
/// (<c>human_status</c>, <c>updated_at</c>, a component's <c>component_status</c> …) are ignored; one it needs that is
/// missing or of the wrong type is a <see cref="StatusKitValidationException"/> naming its JSON path
/// (<c>schedules.data[3].scheduled_at</c>).
/// </summary>
internal static class CachetSchedulesDocument
{
    /// <summary>What the request's body holds, or null when it is larger than <see cref="StatuspageDocument.MaxBytes"/> (nothing more is read).</summary>
    public static async Task<CachetSchedules?> ReadAsync(HttpContext context, TimeZoneInfo zone)
    {
        using var document = await ParseAsync(context);
        return document is null ? null : Read(document.RootElement, zone);
    }

    /// <summary>The schedules of a parsed body (either shape), its times without offset read on the clock of <paramref name="zone"/>.</summary>
    public static CachetSchedules Read(JsonElement root, TimeZoneInfo zone)
    {
        var (list, path, names) = CachetDocument.Unwrap(root, "schedules", "GET /api/v1/schedules");
        return Read(list, path, names, zone);
    }

    private static CachetSchedules Read(JsonElement list, string path, Dictionary<string, string>? names, TimeZoneInfo zone)
    {
        var maintenances = new List<ImportedMaintenance>();
        var leftOut = new List<SkippedMaintenance>();
        var notFound = new List<string>();
        foreach (var (maintenance, refused, componentIds) in Entries(list, path, "GET /api/v1/schedules", (e, at) => Schedule(e, at, zone)))
        {
            if (refused is not null)
            {
                leftOut.Add(refused);
                continue;
            }

            var componentNames = new List<string>();
            foreach (var componentId in componentIds)
            {
                if (CachetDocument.ComponentName(componentId, names, notFound) is { } name)
                {
                    componentNames.Add(name);
                }
            }

            maintenances.Add(maintenance with { ComponentNames = componentNames });
        }

        return new CachetSchedules(maintenances, leftOut, names is not null, notFound);
    }

    private static (ImportedMaintenance Maintenance, SkippedMaintenance? Refused, List<string> ComponentIds) Schedule(JsonElement schedule, string path, TimeZoneInfo zone)
    {
        var id = CachetIncidentsDocument.IdPrefix + Id(schedule, "id", path);
        var name = Text(schedule, "name", path);
        var state = State(schedule, path);
        var startsAt = CachetDocument.Time(schedule, "scheduled_at", path, zone);
        var endsAt = CachetDocument.OptionalTime(schedule, "completed_at", path, zone);
        var createdAt = CachetDocument.Time(schedule, "created_at", path, zone);
        var deletedAt = CachetDocument.OptionalTime(schedule, "deleted_at", path, zone);
        var message = OptionalText(schedule, "message", path);
        var componentIds = ComponentIds(schedule, path);
        var maintenance = new ImportedMaintenance
        {
            StatuspageId = id,
            Title = name,
            Description = message is null || message.Trim().Length == 0 ? null : message,
            State = state,
            CreatedAt = createdAt,
            ScheduledFor = startsAt,
            // An in-progress schedule has no end yet: the import skips it before reading its times.
            ScheduledUntil = endsAt ?? startsAt,
            // Shown and told on the clock Cachet kept its times on.
            TimeZoneId = zone.Id,
            CompletedAt = state == MaintenanceState.Completed ? endsAt : null,
        };

        SkippedMaintenance? refused = null;
        if (deletedAt is not null)
        {
            refused = new SkippedMaintenance(
                id, name, MaintenanceImportSkipReason.NotPublic, "It was deleted on Cachet (deleted_at is set), which shows it to nobody: it is not imported.");
        }
        else if (endsAt is null && state != MaintenanceState.InProgress)
        {
            refused = new SkippedMaintenance(
                id, name, MaintenanceImportSkipReason.Invalid,
                state == MaintenanceState.Completed
                    ? "completed_at: The complete schedule has no completed_at, so when it ended is not known: set it on Cachet and import again."
                    : "completed_at: The upcoming schedule has no completed_at, its planned end, and a StatusKit window needs one: set it on Cachet and import again, or create the window with the admin API.");
        }

        return (maintenance, refused, componentIds);
    }

    // Cachet's schedule statuses.
    private static MaintenanceState State(JsonElement schedule, string path) =>
        OptionalNumber(schedule, "status", path) switch
        {
            0 => MaintenanceState.Scheduled,
            1 => MaintenanceState.InProgress,
            2 => MaintenanceState.Completed,
            null => throw new StatusKitValidationException($"{path}.status", $"The {path}.status is required."),
            var other => throw new StatusKitValidationException(
                $"{path}.status", $"The {path}.status {other} is not a Cachet schedule status; it takes 0 (upcoming), 1 (in progress) or 2 (complete)."),
        };

    // The Cachet ids of the schedule's components (its components[].component_id), each once; none when it lists none.
    private static List<string> ComponentIds(JsonElement schedule, string path)
    {
        var ids = new List<string>();
        if (!schedule.TryGetProperty("components", out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return ids;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new StatusKitValidationException($"{path}.components", $"The {path}.components must be an array of the schedule's components.");
        }

        var index = 0;
        foreach (var component in list.EnumerateArray())
        {
            var at = $"{path}.components[{index++}]";
            if (component.ValueKind != JsonValueKind.Object)
            {
                throw new StatusKitValidationException(at, $"The {at} must be an object with a component_id.");
            }

            var id = Id(component, "component_id", at);
            if (!ids.Contains(id))
            {
                ids.Add(id);
            }
        }

        return ids;
    }
}
