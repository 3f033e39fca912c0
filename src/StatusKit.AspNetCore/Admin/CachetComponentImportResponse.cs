using StatusKit.Services;

namespace StatusKit.AspNetCore.Admin;

/// <summary>The outcome of <c>POST admin/pages/{pageId}/import/cachet/components</c> (<see cref="ComponentImportReport"/> and what the route left out).</summary>
/// <param name="ImportedCount">How many components were created.</param>
/// <param name="Imported">Each created component: its id on the page, its name and its group's name, in display order.</param>
/// <param name="SkippedCount">How many were not.</param>
/// <param name="Skipped">
/// Each component not created: its name, why (alreadyExists, duplicateName, invalid, then disabled: Cachet's
/// <c>enabled: false</c>) and what to do.
/// </param>
/// <param name="GroupsNotFound">The Cachet ids of the groups components named that the body had no group of: those components were created in no group.</param>
internal sealed record CachetComponentImportResponse(
    int ImportedCount,
    IReadOnlyList<ImportedComponentRecord> Imported,
    int SkippedCount,
    IReadOnlyList<SkippedComponent> Skipped,
    IReadOnlyList<string> GroupsNotFound)
{
    public static CachetComponentImportResponse From(ComponentImportReport report, CachetComponents read)
    {
        var skipped = report.Skipped
            .Select(s => s.Reason == ComponentImportSkipReason.DuplicateName
                ? s with { Message = $"An earlier component of the document is named '{s.Name.Trim()}' (names are compared ignoring case), and only the first is imported: rename one on Cachet, or create this one with the admin API." }
                : s)
            .Concat(read.Disabled.Select(name => new SkippedComponent(
                name, ComponentImportSkipReason.Disabled, "It is disabled on Cachet, which shows it to nobody: enable it there and import again, or create it with the admin API.")))
            .ToList();
        return new(report.Imported.Count, report.Imported, skipped.Count, skipped, read.GroupsNotFound);
    }
}
