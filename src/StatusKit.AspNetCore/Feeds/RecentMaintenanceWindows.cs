using StatusKit.Abstractions;
using StatusKit.Model;

namespace StatusKit.AspNetCore.Feeds;

/// <summary>
/// The maintenance windows a page's feeds choose from: every open window (Scheduled or InProgress) and the
/// <see cref="ClosedWindowCount"/> latest Completed and the <see cref="ClosedWindowCount"/> latest Cancelled ones (by
/// occurrence start, as the store lists them). Three bounded reads, however many windows the page closed over the years;
/// <c>maintenance.ics</c> (<see cref="CalendarWindows"/>) and the history feeds (<see cref="HistoryFeedEntries"/>) both
/// read them.
/// </summary>
/// <param name="Open">The page's Scheduled and InProgress windows.</param>
/// <param name="Completed">Its latest Completed windows, the latest first.</param>
/// <param name="Cancelled">Its latest Cancelled windows, the latest first.</param>
internal sealed record RecentMaintenanceWindows(
    IReadOnlyList<MaintenanceWindow> Open, IReadOnlyList<MaintenanceWindow> Completed, IReadOnlyList<MaintenanceWindow> Cancelled)
{
    /// <summary>
    /// How many of a page's latest completed windows, and of its latest cancelled ones, are read: 50, the count of
    /// completed windows <c>scheduled-maintenances.json</c> lists.
    /// </summary>
    public const int ClosedWindowCount = 50;

    /// <summary>Reads the windows of <paramref name="pageId"/> from <paramref name="store"/>.</summary>
    public static async Task<RecentMaintenanceWindows> ReadAsync(IStatusStore store, Guid pageId, CancellationToken cancellationToken)
    {
        var open = await store.ListOpenMaintenanceWindowsAsync(pageId, cancellationToken);
        var completed = await store.ListCompletedMaintenanceWindowsAsync(pageId, 0, ClosedWindowCount, cancellationToken);
        var cancelled = await store.ListMaintenanceWindowsAsync(
            pageId, new MaintenanceWindowQuery { State = MaintenanceState.Cancelled, Take = ClosedWindowCount }, cancellationToken);
        return new(open, completed, cancelled);
    }
}
