using StatusKit.Model;

namespace StatusKit.AspNetCore.Html;

/// <summary>
/// The public status incidents that affected each component on each day of its uptime bar: an incident affected a
/// component on every day, in the page's time zone, from the day it was created to the day it was resolved (today while
/// it is unresolved), when it names the component. Built once per page from one read of the page's incidents, which
/// may have been cut: the days it may not have reached say so (<see cref="IsComplete"/>).
/// </summary>
internal sealed class UptimeIncidents
{
    private readonly Dictionary<(Guid ComponentId, DateOnly Date), List<StatusIncident>> _byDay;
    private readonly DateOnly? _completeFrom;

    private UptimeIncidents(Dictionary<(Guid ComponentId, DateOnly Date), List<StatusIncident>> byDay, DateOnly? completeFrom)
    {
        _byDay = byDay;
        _completeFrom = completeFrom;
    }

    /// <summary>No incident on any day.</summary>
    public static UptimeIncidents None { get; } = new([], null);

    /// <summary>
    /// Files <paramref name="incidents"/> (each once: a repeated id is skipped) under each component they name and each
    /// local day of <paramref name="zone"/> they were open on, among the last <paramref name="days"/> days up to
    /// <paramref name="now"/>; within a day, oldest first. <paramref name="missingUpTo"/>, when the read of the incidents
    /// was cut, is the creation time of the oldest one read: incidents created up to it may be missing, so the days up to
    /// its local day are not complete (<see cref="IsComplete"/>).
    /// </summary>
    public static UptimeIncidents From(
        IEnumerable<StatusIncident> incidents, TimeZoneInfo zone, DateTimeOffset now, int days, DateTimeOffset? missingUpTo = null)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var firstShown = LocalDate(now, zone).AddDays(1 - days);
        var byDay = new Dictionary<(Guid, DateOnly), List<StatusIncident>>();
        var seen = new HashSet<Guid>();
        foreach (var incident in incidents.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id))
        {
            if (!seen.Add(incident.Id) || incident.ComponentIds.Count == 0)
            {
                continue;
            }

            var created = LocalDate(incident.CreatedAt, zone);
            var first = created < firstShown ? firstShown : created;
            var end = incident.ResolvedAt is { } resolved && !incident.IsUnresolved ? resolved : now;
            var last = LocalDate(end < incident.CreatedAt ? incident.CreatedAt : end, zone);
            for (var date = first; date <= last; date = date.AddDays(1))
            {
                foreach (var componentId in incident.ComponentIds.Distinct())
                {
                    if (!byDay.TryGetValue((componentId, date), out var list))
                    {
                        byDay[(componentId, date)] = list = [];
                    }

                    list.Add(incident);
                }
            }
        }

        return new UptimeIncidents(byDay, missingUpTo is { } cut ? LocalDate(cut, zone).AddDays(1) : null);
    }

    /// <summary>The incidents that affected <paramref name="componentId"/> on <paramref name="date"/>, oldest first.</summary>
    public IReadOnlyList<StatusIncident> On(Guid componentId, DateOnly date) =>
        _byDay.Count > 0 && _byDay.TryGetValue((componentId, date), out var list) ? list : [];

    /// <summary>
    /// False for a day on or before the local day of the cut the read of the incidents made (see <see cref="From"/>):
    /// some of its incidents may not have been read.
    /// </summary>
    public bool IsComplete(DateOnly date) => _completeFrom is not { } from || date >= from;

    private static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
