using StatusKit.Abstractions;
using StatusKit.Snapshots;
using StatusKit.Status;

namespace StatusKit.AspNetCore.Html;

/// <summary>
/// Computes the uptime bars of a page's components from the status history in the store: per day of the page's
/// wall clock, the worst status and the share of time the component was not in a partial or major outage.
/// </summary>
internal sealed class UptimeBars
{
    private readonly IStatusStore _store;
    private readonly TimeProvider _time;

    public UptimeBars(IStatusStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
    }

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<UptimeDay>>> ComputeAsync(PageSnapshot snapshot, int days, CancellationToken cancellationToken)
    {
        var zone = PageTime.Zone(snapshot.TimeZoneId);
        var now = _time.GetUtcNow();
        var today = DateOnly.FromDateTime(PageTime.Local(now, zone).DateTime);
        var firstDay = today.AddDays(-(days - 1));
        var since = DayStart(firstDay, zone);
        var history = await _store.ListStatusHistoryAsync(snapshot.PageId, since, cancellationToken);
        var byComponent = history.GroupBy(h => h.ComponentId).ToDictionary(g => g.Key, g => g.OrderBy(h => h.At).ToList());
        var result = new Dictionary<Guid, IReadOnlyList<UptimeDay>>(snapshot.Components.Count);
        foreach (var component in snapshot.Components)
        {
            var changes = byComponent.TryGetValue(component.Id, out var list) ? list : [];
            // Status intervals from the start of the range: before the first change, its old status.
            var segments = new List<(DateTimeOffset From, ComponentStatus Status)>(changes.Count + 1)
            {
                (since, changes.Count > 0 ? changes[0].OldStatus : component.Status),
            };
            segments.AddRange(changes.Select(c => (c.At, c.NewStatus)));
            var created = DerivedIds.CreatedAt(component.Id, since);
            var cells = new UptimeDay[days];
            for (var i = 0; i < days; i++)
            {
                var date = firstDay.AddDays(i);
                var start = Max(DayStart(date, zone), created);
                var end = Min(DayStart(date.AddDays(1), zone), now);
                cells[i] = end <= start ? new UptimeDay(date, null, ComponentStatus.Operational) : Day(date, start, end, segments);
            }

            result[component.Id] = cells;
        }

        return result;
    }

    private static UptimeDay Day(DateOnly date, DateTimeOffset start, DateTimeOffset end, List<(DateTimeOffset From, ComponentStatus Status)> segments)
    {
        var worst = ComponentStatus.Operational;
        var down = TimeSpan.Zero;
        for (var i = 0; i < segments.Count; i++)
        {
            var from = Max(segments[i].From, start);
            var to = Min(i + 1 < segments.Count ? segments[i + 1].From : end, end);
            if (to <= from)
            {
                continue;
            }

            var status = segments[i].Status;
            worst = worst.Worst(status);
            if (status >= ComponentStatus.PartialOutage)
            {
                down += to - from;
            }
        }

        var total = end - start;
        return new UptimeDay(date, Math.Round(100.0 * (1 - (down / total)), 2), worst);
    }

    private static DateTimeOffset DayStart(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
