using StatusKit.Snapshots;
using StatusKit.Uptime;

namespace StatusKit.AspNetCore.Feeds;

/// <summary>
/// The page uptime the uptime badges show, kept per page and window so a badge in a busy README does not read the
/// page's status history on every request: an entry is reused while the page's snapshot version and its local day are
/// those it was computed for, and for at most <see cref="MaxAge"/> (an outage in progress grows the downtime without
/// a new snapshot, and the badge should follow it). It holds at most <see cref="Capacity"/> entries; a new one past
/// that pushes out the oldest, and each keeps the figures only (<see cref="UptimeFigures"/>: one number per component),
/// not the days behind them, so a client asking for every window of a large page cannot make it hold much. A miss
/// computes the page's uptime once, the same read the HTML page makes.
/// </summary>
internal sealed class UptimeBadgeMemo(IUptimeService uptime, TimeProvider time)
{
    /// <summary>How many (page, window) entries are kept at most.</summary>
    public const int Capacity = 256;

    /// <summary>How long an entry is reused at most, even when neither the snapshot nor the day changed.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<(Guid PageId, int Days), Entry> _entries = [];

    /// <summary>How many entries are kept now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The uptime figures of the page of <paramref name="snapshot"/> over the last <paramref name="days"/> days; null when the page is gone.</summary>
    public async Task<UptimeFigures?> GetAsync(PageSnapshot snapshot, int days, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var day = DateOnly.FromDateTime(PageTime.Local(now, PageTime.Zone(snapshot.TimeZoneId)).DateTime);
        var key = (snapshot.PageId, days);
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var kept) && kept.Version == snapshot.Version && kept.Day == day && now - kept.ComputedAt < MaxAge)
            {
                return kept.Uptime;
            }
        }

        var computed = await uptime.GetPageUptimeAsync(snapshot.PageId, days, cancellationToken) is { } page ? UptimeFigures.Of(page) : null;
        lock (_gate)
        {
            if (!_entries.ContainsKey(key) && _entries.Count >= Capacity)
            {
                _entries.Remove(_entries.MinBy(e => e.Value.ComputedAt).Key);
            }

            _entries[key] = new Entry(snapshot.Version, day, now, computed);
        }

        return computed;
    }

    private sealed record Entry(string Version, DateOnly Day, DateTimeOffset ComputedAt, UptimeFigures? Uptime);
}
