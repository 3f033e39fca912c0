using StatusKit.Uptime;

namespace StatusKit.AspNetCore.Feeds;

/// <summary>
/// The uptime percentages a badge shows, of a page and each of its components over one window: the figures only, not the
/// days behind them, so the memo holding them stays small however large the page.
/// </summary>
/// <param name="Page">The page's uptime, or null when nothing was counted.</param>
/// <param name="Components">Each component's uptime (null when nothing was counted), by component id.</param>
internal sealed record UptimeFigures(double? Page, IReadOnlyDictionary<Guid, double?> Components)
{
    /// <summary>The figures of <paramref name="uptime"/>.</summary>
    public static UptimeFigures Of(PageUptime uptime) =>
        new(uptime.UptimePercent, uptime.Components.ToDictionary(c => c.ComponentId, c => c.UptimePercent));

    /// <summary>The page's figure, or that of the component <paramref name="componentId"/> names (null when it has none).</summary>
    public double? For(Guid? componentId) => componentId is { } id ? Components.GetValueOrDefault(id) : Page;
}
