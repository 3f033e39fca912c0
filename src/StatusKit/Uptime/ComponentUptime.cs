namespace StatusKit.Uptime;

/// <summary>A component's uptime over the last days, oldest day first.</summary>
/// <param name="ComponentId">The component.</param>
/// <param name="Days">One entry per day, oldest first, ending today.</param>
/// <param name="UptimePercent">The uptime over the whole period, or null when nothing was counted.</param>
public sealed record ComponentUptime(Guid ComponentId, IReadOnlyList<UptimeDay> Days, double? UptimePercent);
