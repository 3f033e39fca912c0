using StatusKit.Services;

namespace StatusKit.AspNetCore.Admin;

/// <summary>The outcome of <c>POST admin/pages/{pageId}/import/statuspage/maintenances</c> (<see cref="MaintenanceImportReport"/>).</summary>
/// <param name="ImportedCount">How many maintenances were recorded as windows.</param>
/// <param name="Imported">Each recorded maintenance: its Statuspage id, its window's id, title and state (completed or scheduled).</param>
/// <param name="SkippedCount">How many were not.</param>
/// <param name="Skipped">Each maintenance not recorded: its Statuspage id and name, why (alreadyImported, inProgress, startPassed, invalid) and what to do.</param>
/// <param name="UnknownComponents">The component names the page has no component of (the windows were recorded without them).</param>
internal sealed record StatuspageMaintenanceImportResponse(
    int ImportedCount,
    IReadOnlyList<ImportedMaintenanceRecord> Imported,
    int SkippedCount,
    IReadOnlyList<SkippedMaintenance> Skipped,
    IReadOnlyList<string> UnknownComponents)
{
    public static StatuspageMaintenanceImportResponse From(MaintenanceImportReport report) =>
        new(report.Imported.Count, report.Imported, report.Skipped.Count, report.Skipped, report.UnknownComponents);
}
