using StatusKit.Services;

namespace StatusKit.AspNetCore.Admin;

/// <summary>The outcome of <c>POST admin/pages/{pageId}/import/statuspage/components</c> (<see cref="ComponentImportReport"/>).</summary>
/// <param name="ImportedCount">How many components were created.</param>
/// <param name="Imported">Each created component: its id on the page, its name and its group name, in display order.</param>
/// <param name="SkippedCount">How many were not.</param>
/// <param name="Skipped">Each component not created: its name, why (alreadyExists, duplicateName, invalid) and what to do.</param>
internal sealed record StatuspageComponentImportResponse(
    int ImportedCount,
    IReadOnlyList<ImportedComponentRecord> Imported,
    int SkippedCount,
    IReadOnlyList<SkippedComponent> Skipped)
{
    public static StatuspageComponentImportResponse From(ComponentImportReport report) =>
        new(report.Imported.Count, report.Imported, report.Skipped.Count, report.Skipped);
}
