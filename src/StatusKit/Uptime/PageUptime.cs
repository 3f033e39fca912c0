namespace StatusKit.Uptime;

/// <summary>The uptime of every component of a page, and the page-level aggregate per day.</summary>
/// <param name="PageId">The page.</param>
/// <param name="Components">Each component's uptime, in display order.</param>
/// <param name="Days">Per day: the uptime of all the component time counted that day, and the worst status of any.</param>
/// <param name="UptimePercent">
/// The page's uptime over the whole period: 1 − the components' summed downtime / their summed counted time (each
/// component weighs the time it existed), or null when nothing was counted.
/// </param>
public sealed record PageUptime(Guid PageId, IReadOnlyList<ComponentUptime> Components, IReadOnlyList<UptimeDay> Days, double? UptimePercent);
