using StatusKit.Model;
using StatusKit.Snapshots;

namespace StatusKit.AspNetCore.Html;

/// <summary>Everything the HTML page shows.</summary>
internal sealed record PageView(
    PageSnapshot Snapshot,
    IReadOnlyList<StatusIncident> ResolvedIncidents,
    IReadOnlyDictionary<Guid, IReadOnlyList<UptimeDay>> Uptime,
    string PagePath,
    int HistoryDays);
