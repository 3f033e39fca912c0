using StatusKit.Services;

namespace StatusKit.AspNetCore.Admin;

/// <summary>The outcome of <c>POST admin/pages/{pageId}/import/cachet/incidents</c> (<see cref="IncidentImportReport"/> and what the route left out).</summary>
/// <param name="ImportedCount">How many incidents were recorded.</param>
/// <param name="Imported">Each recorded incident: its Cachet id and its id on the page.</param>
/// <param name="SkippedCount">How many were not.</param>
/// <param name="Skipped">
/// Each incident not recorded: its Cachet id, why (unresolved, alreadyImported, invalid, scheduledMaintenance, then
/// notPublic: Cachet's <c>visible: 0</c>) and what to do.
/// </param>
/// <param name="UnknownComponents">The component names the page has no component of (the incidents were recorded without them).</param>
/// <param name="ComponentsLinked">Whether the body brought Cachet's components, without which no incident is linked to a component.</param>
/// <param name="ComponentsNotFound">The Cachet component ids of imported incidents that the body's components lack (all of them when it brought none).</param>
internal sealed record CachetIncidentImportResponse(
    int ImportedCount,
    IReadOnlyList<CachetImportedIncident> Imported,
    int SkippedCount,
    IReadOnlyList<CachetSkippedIncident> Skipped,
    IReadOnlyList<string> UnknownComponents,
    bool ComponentsLinked,
    IReadOnlyList<string> ComponentsNotFound)
{
    public static CachetIncidentImportResponse From(IncidentImportReport report, CachetIncidents read)
    {
        var skipped = report.Skipped
            .Select(s => new CachetSkippedIncident(CachetIncidentsDocument.CachetIdOf(s.StatuspageId), s.Reason, Message(s)))
            .Concat(read.NotPublic.Select(id => new CachetSkippedIncident(
                id, ImportSkipReason.NotPublic, "It is not public on Cachet (visible: 0), and StatusKit's incidents are: make it visible there and import again to publish it.")))
            .ToList();
        return new(
            report.Imported.Count,
            [.. report.Imported.Select(i => new CachetImportedIncident(CachetIncidentsDocument.CachetIdOf(i.StatuspageId), i.IncidentId))],
            skipped.Count,
            skipped,
            report.UnknownComponents,
            read.ComponentsGiven,
            read.NotFoundFor(report));
    }

    // The service's words name Statuspage where they differ for Cachet.
    private static string Message(SkippedImport skipped) => skipped.Reason switch
    {
        ImportSkipReason.ScheduledMaintenance =>
            "It is a scheduled maintenance kept as an incident (status 0, as older Cachet versions kept them), not an incident: POST .../import/cachet/schedules imports Cachet's list of schedules (GET /api/v1/schedules), not these; create the window with the admin API if it is still to come.",
        ImportSkipReason.AlreadyImported =>
            $"The page already has the incident imported from Cachet incident {CachetIncidentsDocument.CachetIdOf(skipped.StatuspageId)}.",
        _ => skipped.Message,
    };
}
