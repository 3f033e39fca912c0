using StatusKit.Status;

namespace StatusKit.Uptime;

/// <summary>One calendar day (in the page's time zone) of uptime.</summary>
/// <param name="Date">The local date.</param>
/// <param name="UptimePercent">The uptime in percent, or null when the component did not exist that day.</param>
/// <param name="WorstStatus">The most severe status during the day.</param>
/// <param name="Downtime">The weighted downtime of the day.</param>
public sealed record UptimeDay(DateOnly Date, double? UptimePercent, ComponentStatus WorstStatus, TimeSpan Downtime)
{
    /// <summary>
    /// The time counted that day: the part of the day the component existed, up to now (zero when it did not exist);
    /// for a page's day, the sum over its components. <see cref="UptimePercent"/> is 1 − <see cref="Downtime"/> / this.
    /// </summary>
    public TimeSpan CountedTime { get; init; }

    /// <summary>
    /// The time spent in <see cref="ComponentStatus.PartialOutage"/> that day (unweighted; zero when none); for a page's
    /// day, the sum over its components. Default zero.
    /// </summary>
    public TimeSpan PartialOutageTime { get; init; }

    /// <summary>
    /// The time spent in <see cref="ComponentStatus.MajorOutage"/> that day (unweighted; zero when none); for a page's
    /// day, the sum over its components. Default zero.
    /// </summary>
    public TimeSpan MajorOutageTime { get; init; }
}
