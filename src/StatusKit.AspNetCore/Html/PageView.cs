using StatusKit.Model;
using StatusKit.Snapshots;
using StatusKit.Uptime;

namespace StatusKit.AspNetCore.Html;

/// <summary>Everything the HTML page shows; <see cref="Uptime"/> is per component id, from <see cref="IUptimeService"/>.</summary>
internal sealed record PageView(
    PageSnapshot Snapshot,
    IReadOnlyList<StatusIncident> ResolvedIncidents,
    IReadOnlyDictionary<Guid, ComponentUptime> Uptime,
    string PagePath,
    int HistoryDays);
