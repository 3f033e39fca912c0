using StatusKit.Services;

namespace StatusKit.AspNetCore.Admin;

/// <summary>The outcome of <c>POST admin/pages/{pageId}/import/cachet/schedules</c> (<see cref="MaintenanceImportReport"/> and what the route left out).</summary>
/// <param name="ImportedCount">How many schedules were recorded as windows.</param>
/// <param name="Imported">Each recorded schedule: its Cachet id, its window's id, title and state (completed or scheduled).</param>
/// <param name="SkippedCount">How many were not.</param>
/// <param name="Skipped">
/// Each schedule not recorded: its Cachet id and name, why (alreadyImported, inProgress, startPassed, invalid, then those
/// the route left out: invalid without completed_at, notPublic when deleted) and what to do.
/// </param>
/// <param name="UnknownComponents">The component names the page has no component of (the windows were recorded without them).</param>
/// <param name="ComponentsLinked">Whether the body brought Cachet's components, without which no window is linked to a component.</param>
/// <param name="ComponentsNotFound">The Cachet component ids of the schedules given to the import that the body's components lack (all of them when it brought none).</param>
internal sealed record CachetScheduleImportResponse(
    int ImportedCount,
    IReadOnlyList<CachetImportedSchedule> Imported,
    int SkippedCount,
    IReadOnlyList<CachetSkippedSchedule> Skipped,
    IReadOnlyList<string> UnknownComponents,
    bool ComponentsLinked,
    IReadOnlyList<string> ComponentsNotFound)
{
    public static CachetScheduleImportResponse From(MaintenanceImportReport report, CachetSchedules read)
    {
        var skipped = report.Skipped.Concat(read.LeftOut)
            .Select(s => new CachetSkippedSchedule(CachetIncidentsDocument.CachetIdOf(s.StatuspageId), s.Name, s.Reason, Message(s)))
            .ToList();
        return new(
            report.Imported.Count,
            [.. report.Imported.Select(i => new CachetImportedSchedule(CachetIncidentsDocument.CachetIdOf(i.StatuspageId), i.WindowId, i.Title, i.State))],
            skipped.Count,
            skipped,
            report.UnknownComponents,
            read.ComponentsGiven,
            read.ComponentsNotFound);
    }

    // The service's words name Statuspage where they differ for Cachet.
    private static string Message(SkippedMaintenance skipped) => skipped.Reason switch
    {
        MaintenanceImportSkipReason.InProgress =>
            "The schedule is in progress on Cachet (status 1), and StatusKit starts and ends its windows itself: mark it complete on Cachet and import it again, or schedule what is left of it with the admin API.",
        MaintenanceImportSkipReason.StartPassed =>
            "The schedule is still upcoming on Cachet (status 0) but its start has passed, and StatusKit starts windows only at a time to come: mark it complete on Cachet and import it again, or create it by hand with the admin API.",
        MaintenanceImportSkipReason.AlreadyImported =>
            $"The page already has the window imported from Cachet schedule {CachetIncidentsDocument.CachetIdOf(skipped.StatuspageId)}.",
        _ => skipped.Message,
    };
}
