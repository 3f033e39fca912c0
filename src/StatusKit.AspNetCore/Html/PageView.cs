using StatusKit.Metrics;
using StatusKit.Model;
using StatusKit.Snapshots;
using StatusKit.Uptime;

namespace StatusKit.AspNetCore.Html;

/// <summary>
/// Everything the HTML page shows; <see cref="Uptime"/> is per component id, from <see cref="IUptimeService"/>;
/// <see cref="SubscribeChannels"/> are the channels its subscribe form offers (none: no form); <see cref="Links"/>
/// where its links to the page's own routes point; <see cref="UptimeIncidents"/> the incidents each uptime day names.
/// </summary>
internal sealed record PageView(
    PageSnapshot Snapshot,
    IReadOnlyList<StatusIncident> ResolvedIncidents,
    IReadOnlyDictionary<Guid, ComponentUptime> Uptime,
    PageLinks Links,
    int HistoryDays,
    IReadOnlyList<SubscriberChannel> SubscribeChannels)
{
    /// <summary>The public status incidents that affected each component on each day of its uptime bar. Default none.</summary>
    public UptimeIncidents UptimeIncidents { get; init; } = UptimeIncidents.None;

    /// <summary>The page's visible system metrics over <see cref="MetricsRange"/> (<see cref="MetricsSection"/>). Default none: no section.</summary>
    public IReadOnlyList<MetricSeries> Metrics { get; init; } = [];

    /// <summary>The range the metric charts cover, which the page's <c>?metrics=</c> chose (<see cref="MetricRangeQuery"/>). Default the day.</summary>
    public MetricRange MetricsRange { get; init; } = MetricRange.Day;

    /// <summary>How often the page's script fetches the metrics section again while the page is in view. Default 1 minute.</summary>
    public TimeSpan MetricsRefreshInterval { get; init; } = MetricsSection.DefaultRefreshInterval;
}
