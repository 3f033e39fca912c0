using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Services;
using StatusKit.Snapshots;

namespace StatusKit.AspNetCore.Feeds;

/// <summary>
/// The entries of a page's history feeds: its incidents, their published postmortems (an entry each,
/// <see cref="HistoryFeedEntry.OfPostmortem"/>) and its maintenance windows together, the latest change first (by the
/// time each last changed, then the latest published, then by id), at most <see cref="EntryCount"/>. They are chosen from the page's
/// <see cref="EntryCount"/> newest incidents (by creation), its open windows, and its latest completed and cancelled
/// windows (<see cref="RecentMaintenanceWindows"/>, by occurrence start): bounded reads, whatever the page's past, so an
/// old incident or window edited long after falls outside them and is not listed.
/// </summary>
internal static class HistoryFeedEntries
{
    /// <summary>How many entries a history feed holds at most: 50.</summary>
    public const int EntryCount = 50;

    /// <summary>Reads the incidents and windows of the page of <paramref name="snapshot"/> and chooses the feed's entries.</summary>
    public static async Task<IReadOnlyList<HistoryFeedEntry>> ReadAsync(
        StatusIncidentService incidents, IStatusStore store, PageSnapshot snapshot, string pageUrl, CancellationToken cancellationToken)
    {
        var listed = await incidents.ListAsync(snapshot.PageId, take: EntryCount, cancellationToken: cancellationToken);
        var windows = await RecentMaintenanceWindows.ReadAsync(store, snapshot.PageId, cancellationToken);
        return Select(snapshot, listed, windows, pageUrl);
    }

    /// <summary>
    /// The feed's entries of <paramref name="incidents"/> (and of their postmortems) and <paramref name="windows"/>, the latest change first, at most
    /// <see cref="EntryCount"/>; a window's components named as <paramref name="snapshot"/> names them, in the page's
    /// order (a component the snapshot does not know is left out). A window read twice (it closed between two reads) is
    /// listed once, as it last was.
    /// </summary>
    public static IReadOnlyList<HistoryFeedEntry> Select(
        PageSnapshot snapshot, IReadOnlyList<StatusIncident> incidents, RecentMaintenanceWindows windows, string pageUrl)
    {
        var maintenance = windows.Open.Concat(windows.Completed).Concat(windows.Cancelled)
            .Select(w => HistoryFeedEntry.Of(w, AffectedComponentNames.Of(snapshot, w.ComponentIds), pageUrl));
        var postmortems = incidents.Select(i => HistoryFeedEntry.OfPostmortem(i, pageUrl)).OfType<HistoryFeedEntry>();
        return [.. incidents.Select(i => HistoryFeedEntry.Of(i, pageUrl))
            .Concat(postmortems)
            .Concat(maintenance)
            .OrderByDescending(e => e.Updated)
            .ThenByDescending(e => e.Published)
            .ThenByDescending(e => e.Id)
            .DistinctBy(e => e.Id)
            .Take(EntryCount)];
    }

}
