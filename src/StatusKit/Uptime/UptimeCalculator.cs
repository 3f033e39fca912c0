using StatusKit.Model;
using StatusKit.Status;

namespace StatusKit.Uptime;

/// <summary>
/// Pure uptime computation from a component's status history: per local day, downtime = Σ time in status × weight,
/// uptime = 1 − downtime / counted time. Time before the component existed, and after now, is not counted. A component
/// created while its team had an open incident has the status that incident gives from its creation on (the change its
/// first computation records counts from then), so one created into an outage never shows a moment of uptime.
/// </summary>
public static class UptimeCalculator
{
    /// <summary>Computes the last <paramref name="days"/> days (today included) in <paramref name="zone"/>.</summary>
    /// <param name="component">The component (its creation time and current status).</param>
    /// <param name="history">Its history entries in time order: those in the period plus the latest one before it.</param>
    /// <param name="zone">The page's time zone, whose calendar days are reported.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="days">How many days.</param>
    /// <param name="weights">The downtime weights.</param>
    public static ComponentUptime Compute(
        Component component,
        IReadOnlyList<StatusHistoryEntry> history,
        TimeZoneInfo zone,
        DateTimeOffset now,
        int days,
        DowntimeWeights weights)
    {
        ArgumentNullException.ThrowIfNull(component);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);

        var today = Today(zone, now);
        var result = new UptimeDay[days];
        var next = 0;
        // A component is stored Operational and computed a moment later: that first change is its status from creation.
        var status = history.Count == 0 ? component.Status : history[0].IsCreation ? history[0].NewStatus : history[0].OldStatus;
        for (var d = 0; d < days; d++)
        {
            var date = today.AddDays(d - days + 1);
            var dayStart = StartOfDay(date, zone);
            var dayEnd = StartOfDay(date.AddDays(1), zone);
            var from = Max(dayStart, component.CreatedAt);
            var to = Min(dayEnd, now);

            // Move to the status in force at the start of the counted part of the day.
            while (next < history.Count && history[next].At <= from)
            {
                status = history[next].NewStatus;
                next++;
            }

            if (from >= to)
            {
                result[d] = new UptimeDay(date, null, ComponentStatus.Operational, TimeSpan.Zero);
                continue;
            }

            var worst = status;
            var down = TimeSpan.Zero;
            var partial = TimeSpan.Zero;
            var major = TimeSpan.Zero;
            var cursor = from;
            while (next < history.Count && history[next].At < to)
            {
                Spend(status, history[next].At - cursor, ref partial, ref major);
                down += (history[next].At - cursor) * weights.For(status);
                cursor = history[next].At;
                status = history[next].NewStatus;
                worst = worst.Worst(status);
                next++;
            }

            Spend(status, to - cursor, ref partial, ref major);
            down += (to - cursor) * weights.For(status);
            var counted = to - from;
            result[d] = new UptimeDay(date, Percent(down, counted), worst, down)
            {
                CountedTime = counted,
                PartialOutageTime = partial,
                MajorOutageTime = major,
            };
        }

        return new ComponentUptime(component.Id, result, Total(result));
    }

    /// <summary>
    /// The page aggregate: per day, the worst status of any component, and the uptime of all the component time
    /// counted that day (1 − the components' summed downtime / their summed counted time), so a component that existed
    /// for an hour of the day weighs an hour, not as much as one that existed all day.
    /// </summary>
    public static IReadOnlyList<UptimeDay> Aggregate(IReadOnlyList<ComponentUptime> components, int days)
    {
        ArgumentNullException.ThrowIfNull(components);
        var result = new UptimeDay[days];
        for (var d = 0; d < days; d++)
        {
            var counted = TimeSpan.Zero;
            var worst = ComponentStatus.Operational;
            var down = TimeSpan.Zero;
            var partial = TimeSpan.Zero;
            var major = TimeSpan.Zero;
            DateOnly date = default;
            foreach (var component in components)
            {
                var day = component.Days[d];
                date = day.Date;
                worst = worst.Worst(day.WorstStatus);
                down += day.Downtime;
                counted += day.CountedTime;
                partial += day.PartialOutageTime;
                major += day.MajorOutageTime;
            }

            result[d] = new UptimeDay(date, counted > TimeSpan.Zero ? Percent(down, counted) : null, worst, down)
            {
                CountedTime = counted,
                PartialOutageTime = partial,
                MajorOutageTime = major,
            };
        }

        return result;
    }

    /// <summary>
    /// The uptime over all the time counted in <paramref name="days"/> (1 − summed downtime / summed counted time), or
    /// null when nothing was counted: a component's figure for the period, or a page's from its aggregate days.
    /// </summary>
    public static double? Total(IReadOnlyList<UptimeDay> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var counted = TimeSpan.Zero;
        var down = TimeSpan.Zero;
        foreach (var day in days)
        {
            counted += day.CountedTime;
            down += day.Downtime;
        }

        return counted > TimeSpan.Zero ? Percent(down, counted) : null;
    }

    /// <summary>The last <paramref name="days"/> days (today included) in <paramref name="zone"/>, each without data.</summary>
    internal static UptimeDay[] NoData(TimeZoneInfo zone, DateTimeOffset now, int days)
    {
        var today = Today(zone, now);
        var result = new UptimeDay[days];
        for (var d = 0; d < days; d++)
        {
            result[d] = new UptimeDay(today.AddDays(d - days + 1), null, ComponentStatus.Operational, TimeSpan.Zero);
        }

        return result;
    }

    // Adds the time spent in an outage status to its day's total (the unweighted time Statuspage's bar names).
    private static void Spend(ComponentStatus status, TimeSpan time, ref TimeSpan partial, ref TimeSpan major)
    {
        if (status == ComponentStatus.PartialOutage)
        {
            partial += time;
        }
        else if (status == ComponentStatus.MajorOutage)
        {
            major += time;
        }
    }

    private static DateOnly Today(TimeZoneInfo zone, DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);

    private static double Percent(TimeSpan down, TimeSpan counted) => Math.Clamp(100.0 * (1 - (down / counted)), 0, 100);

    private static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

        // A midnight skipped by a DST gap starts the day at the first instant after the gap.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        // A midnight repeated by a DST fold starts the day at its first occurrence, the one with the larger offset
        // (GetUtcOffset would give the standard one, the second occurrence, and move the first hour to the day before).
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
