using StatusKit.Services;

namespace StatusKit.AspNetCore.Admin;

/// <summary>The outcome of <c>POST admin/pages/{pageId}/import/statuspage</c> (<see cref="IncidentImportReport"/>).</summary>
/// <param name="ImportedCount">How many incidents were recorded.</param>
/// <param name="Imported">Each recorded incident: its Statuspage id and its id on the page.</param>
/// <param name="SkippedCount">How many were not.</param>
/// <param name="Skipped">Each incident not recorded: its Statuspage id, why (unresolved, alreadyImported, invalid) and what to do.</param>
/// <param name="UnknownComponents">The component names the page has no component of (the incidents were recorded without them).</param>
internal sealed record StatuspageImportResponse(
    int ImportedCount,
    IReadOnlyList<ImportedIncidentRecord> Imported,
    int SkippedCount,
    IReadOnlyList<SkippedImport> Skipped,
    IReadOnlyList<string> UnknownComponents)
{
    public static StatuspageImportResponse From(IncidentImportReport report) =>
        new(report.Imported.Count, report.Imported, report.Skipped.Count, report.Skipped, report.UnknownComponents);
}
