using StatusKit.Services;

namespace StatusKit.AspNetCore.Admin;

/// <summary>The outcome of <c>POST admin/pages/{pageId}/import/subscribers</c> (<see cref="SubscriberImportReport"/>).</summary>
/// <param name="ImportedCount">How many rows became subscribers.</param>
/// <param name="Imported">Each: the subscriber's id, its channel and the row it came from.</param>
/// <param name="SkippedCount">How many rows did not.</param>
/// <param name="Skipped">Each row not imported: its number, its destination masked (a URL only as its scheme and host), why (alreadySubscribed, unsubscribed, duplicate, invalid) and what to do.</param>
/// <param name="UnknownComponents">The component names the page has no component of (the rows naming them were skipped).</param>
internal sealed record SubscriberImportResponse(
    int ImportedCount,
    IReadOnlyList<ImportedSubscriberRecord> Imported,
    int SkippedCount,
    IReadOnlyList<SkippedSubscriber> Skipped,
    IReadOnlyList<string> UnknownComponents)
{
    public static SubscriberImportResponse From(SubscriberImportReport report) =>
        new(report.Imported.Count, report.Imported, report.Skipped.Count, report.Skipped, report.UnknownComponents);
}
