using StatusKit.Abstractions;
using StatusKit.Model;

namespace StatusKit.AspNetCore.Feeds;

/// <summary>
/// The windows <c>maintenance.ics</c> shows: every open window of the page (Scheduled or InProgress), and of its
/// <see cref="ClosedWindowCount"/> latest closed ones (Completed or Cancelled, by occurrence start) the Cancelled ones,
/// so a calendar client shows their events as cancelled, and the Completed recurring ones, whose series is still worth
/// showing. A window older than that drops out of the feed, and a calendar client drops its events with it, however many
/// windows the page closed over the years. The bound is the count of completed windows <c>scheduled-maintenances.json</c> lists.
/// </summary>
internal static class CalendarWindows
{
    /// <summary>How many of a page's latest closed windows the feed looks at: 50.</summary>
    public const int ClosedWindowCount = RecentMaintenanceWindows.ClosedWindowCount;

    /// <summary>Reads the windows of the feed from <paramref name="store"/>: three bounded reads, whatever the page's past.</summary>
    public static async Task<IReadOnlyList<MaintenanceWindow>> ReadAsync(IStatusStore store, Guid pageId, CancellationToken cancellationToken)
    {
        var windows = await RecentMaintenanceWindows.ReadAsync(store, pageId, cancellationToken);
        return Select(windows.Open, windows.Completed, windows.Cancelled);
    }

    /// <summary>
    /// The feed's windows, by occurrence start then id, of a page's open windows and its latest completed and cancelled
    /// ones (each list at least <see cref="ClosedWindowCount"/> long when the page has that many).
    /// </summary>
    public static IReadOnlyList<MaintenanceWindow> Select(
        IReadOnlyList<MaintenanceWindow> open, IReadOnlyList<MaintenanceWindow> completed, IReadOnlyList<MaintenanceWindow> cancelled)
    {
        var closed = completed.Concat(cancelled)
            .OrderByDescending(w => w.OccurrenceStartsAt)
            .ThenByDescending(w => w.Id)
            .Take(ClosedWindowCount)
            .Where(w => w.State == MaintenanceState.Cancelled || w.Recurrence is not null);
        return [.. open.Concat(closed).OrderBy(w => w.OccurrenceStartsAt).ThenBy(w => w.Id)];
    }
}
