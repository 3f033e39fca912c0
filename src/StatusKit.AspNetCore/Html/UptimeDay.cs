using StatusKit.Status;

namespace StatusKit.AspNetCore.Html;

/// <summary>One cell of an uptime bar: a calendar day on the page's wall clock.</summary>
/// <param name="Date">The day.</param>
/// <param name="UptimePercent">The share of the day without a partial or major outage; null when the component did not exist yet.</param>
/// <param name="Worst">The worst status during the day.</param>
internal sealed record UptimeDay(DateOnly Date, double? UptimePercent, ComponentStatus Worst);
