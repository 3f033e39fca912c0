using StatusKit.Model;
using StatusKit.Snapshots;
using StatusKit.Uptime;

namespace StatusKit.AspNetCore.Html;

/// <summary>Everything the HTML page shows; <see cref="Uptime"/> is per component, from <see cref="IUptimeService"/>.</summary>
internal sealed record PageView(
    PageSnapshot Snapshot,
    IReadOnlyList<StatusIncident> ResolvedIncidents,
    IReadOnlyDictionary<Guid, IReadOnlyList<UptimeDay>> Uptime,
    string PagePath,
    int HistoryDays);
